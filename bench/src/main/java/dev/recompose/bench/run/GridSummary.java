package dev.recompose.bench.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What one invocation of the grid runner did.
 *
 * <p>It exists so that the CLI can print one closing line and choose its exit code (non-zero
 * when any run failed), and tests can check resumption (how many runs were skipped as done).
 *
 * @param planned runs in the grid (supported combinations)
 * @param alreadyDone runs skipped because the index has them finished
 * @param succeeded runs that finished now
 * @param failed runs that failed now (their reasons are in the index)
 * @param unsupported combinations left out, each with why
 */
public record GridSummary(Path benchDir, int planned, int alreadyDone, int succeeded, int failed,
    List<String> unsupported) {
  public GridSummary {
    unsupported = List.copyOf(unsupported);
  }

  /** One line: counts and where the index is. */
  public String line() {
    return planned + " runs: " + succeeded + " ran, " + alreadyDone + " already done, " + failed
        + " failed" + (unsupported.isEmpty() ? "" : ", " + unsupported.size()
        + " combinations not supported") + "; index " + benchDir.resolve(BenchIndex.NAME);
  }
}
