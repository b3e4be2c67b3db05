package dev.recompose.bench.run;

import dev.recompose.bench.spec.CostOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an executor gets besides the {@link RunSpec}: the prepared dataset, the run's own
 * directory (for checkpoints and {@code train-log.jsonl}), the deadline, how to measure cost and
 * where to log.
 *
 * <p>It exists so that executors never decide paths, budgets or measurement settings: the grid
 * runner does, the same for every model.
 */
public record RunContext(Path datasetDir, Path runDir, Deadline deadline, CostOptions cost,
    Consumer<String> log) {
  public RunContext {
    Objects.requireNonNull(datasetDir, "datasetDir");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(log, "log");
  }

  /** The conventional training log of a run ({@code epoch}, {@code loss}, {@code valid}). */
  public Path trainLog() {
    return runDir.resolve("train-log.jsonl");
  }
}
