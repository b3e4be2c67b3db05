package dev.recompose.data.progress;

/**
 * A sink for the progress of one long task (an import, a download, an epoch).
 *
 * <p>It exists so that long work reports where it is without knowing whether a terminal, a log
 * or a test is watching: {@link ConsoleProgressBar} draws a bar, {@link #NONE} discards.
 */
public interface Progress extends AutoCloseable {

  /** A progress sink that shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void advance(long units) {}

        @Override
        public void status(String text) {}

        @Override
        public void close() {}
      };

  /** Adds {@code units} of finished work (rows, bytes, samples). */
  void advance(long units);

  /** Sets a short free-form status shown beside the bar (for example the current loss). */
  void status(String text);

  /** Finishes the bar; further calls are ignored. */
  @Override
  void close();
}
