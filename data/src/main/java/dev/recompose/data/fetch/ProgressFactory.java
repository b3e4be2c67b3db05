package dev.recompose.data.fetch;

import dev.recompose.data.progress.ConsoleProgressBar;
import dev.recompose.data.progress.Progress;

/**
 * Opens one progress sink per download or verification pass.
 *
 * <p>It exists because the fetcher learns a file's size only when the server answers, so it cannot
 * take a ready-made {@link Progress}; tests pass {@link #NONE}, the command line {@link
 * #console()}.
 */
@FunctionalInterface
public interface ProgressFactory {

  /** Shows nothing. */
  ProgressFactory NONE = (label, totalBytes) -> Progress.NONE;

  /**
   * Opens a sink counting bytes.
   *
   * @param label what is being done, e.g. {@code "download ml-100k.zip"}
   * @param totalBytes bytes expected, or {@code -1} when unknown
   */
  Progress open(String label, long totalBytes);

  /** A byte-counting bar on standard error. */
  static ProgressFactory console() {
    return (label, totalBytes) -> ConsoleProgressBar.stderr(label, totalBytes, "B");
  }
}
