package dev.recompose.data.progress;

/**
 * Starts a {@link Progress} for a named task; injected so that tests and quiet runs show nothing.
 */
@FunctionalInterface
public interface ProgressFactory {
  /** A factory whose bars show nothing. */
  ProgressFactory NONE = (label, total, unit) -> Progress.NONE;

  /** A factory drawing bars on standard error. */
  ProgressFactory CONSOLE = ConsoleProgressBar::stderr;

  /**
   * Starts a bar.
   *
   * @param total units expected, or -1 when unknown
   */
  Progress start(String label, long total, String unit);
}
