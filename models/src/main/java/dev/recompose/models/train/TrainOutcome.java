package dev.recompose.models.train;

/**
 * How a call to {@link Trainer#train} ended.
 *
 * <p>It exists so callers (the CLI, tests, the benchmark runner) can tell a finished run from an
 * interrupted one and report the chosen epoch without re-reading the log.
 *
 * @param state the final state (as in the last checkpoint when {@code interrupted} is false)
 * @param interrupted true when the stop hook ended training early (a simulated crash)
 * @param stopReason {@code epochs}, {@code early-stopping} or {@code interrupted}
 */
public record TrainOutcome(TrainState state, boolean interrupted, String stopReason) {
  /** The best validation metric. */
  public double bestMetric() {
    return state.bestMetric();
  }

  /** The 1-based epoch of the best validation metric. */
  public int bestEpoch() {
    return state.bestEpoch();
  }
}
