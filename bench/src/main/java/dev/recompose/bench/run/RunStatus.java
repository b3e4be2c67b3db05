package dev.recompose.bench.run;

/**
 * The state of a run in the bench index.
 *
 * <p>It exists so that a restarted grid knows what to do with each run: {@code OK} is skipped,
 * {@code FAILED} and {@code RUNNING} (the process died mid-run) are run again.
 */
public enum RunStatus {
  OK,
  FAILED,
  RUNNING
}
