package dev.recompose.bench.run;

import dev.recompose.bench.spec.CostOptions;
import dev.recompose.data.progress.ProgressFactory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an executor gets besides the {@link RunSpec}: the prepared dataset, the run's own
 * directory (for checkpoints and {@code train-log.jsonl}), the deadline, how to measure cost,
 * where to log (one line per event, e.g. per epoch) and where to draw progress bars (within an
 * epoch; {@link ProgressFactory#NONE} in tests).
 *
 * <p>It exists so that executors never decide paths, budgets or measurement settings: the grid
 * runner does, the same for every model.
 */
public record RunContext(Path datasetDir, Path runDir, Deadline deadline, CostOptions cost,
    Consumer<String> log, ProgressFactory progress) {
  public RunContext {
    Objects.requireNonNull(datasetDir, "datasetDir");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(progress, "progress");
  }

  /** The conventional training log of a run ({@code epoch}, {@code loss}, {@code valid}). */
  public Path trainLog() {
    return runDir.resolve("train-log.jsonl");
  }
}
