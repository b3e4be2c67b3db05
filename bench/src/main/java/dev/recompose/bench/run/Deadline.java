package dev.recompose.bench.run;

import java.time.Duration;

/**
 * The moment a run's time budget ends, for executors to check between steps.
 *
 * <p>It exists because Java cannot stop a thread safely: the runner stops waiting when the budget
 * ends and records the run as failed, and a cooperative executor (a trainer's stop hook, the
 * latency probe) checks {@link #expired()} to stop its work too.
 */
public record Deadline(long nanoTime, Duration budget) {
  /** A deadline {@code budget} from now. */
  public static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos(), budget);
  }

  /** Whether the budget is spent. */
  public boolean expired() {
    return System.nanoTime() - nanoTime >= 0;
  }

  /** Throws {@link BudgetExceededException} when the budget is spent. */
  public void check(String during) {
    if (expired()) {
      throw new BudgetExceededException(budget, during);
    }
  }
}
