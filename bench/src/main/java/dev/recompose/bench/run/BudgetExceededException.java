package dev.recompose.bench.run;

import java.time.Duration;

/**
 * Thrown when a run uses up its time budget; the run becomes a failed row with this message.
 *
 * <p>It exists so that "too slow" is a recorded outcome of a grid cell, not a hung benchmark.
 */
public final class BudgetExceededException extends RuntimeException {
  /** The budget {@code budget} ran out during {@code during}. */
  public BudgetExceededException(Duration budget, String during) {
    super("time budget of " + BudgetExceededException.seconds(budget) + " exceeded"
        + (during == null ? "" : " during " + during));
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
