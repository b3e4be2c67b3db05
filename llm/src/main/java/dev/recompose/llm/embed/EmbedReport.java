package dev.recompose.llm.embed;

import java.util.Locale;

/**
 * What an {@link ItemEmbedder} run did, for the CLI to print and the manifest to keep.
 *
 * @param column the VECTOR column written
 * @param rows items in the table
 * @param resumedRows rows taken from an earlier partial run
 * @param emptyRows items without any text (zero vectors)
 * @param embeddedThisRun texts sent to the encoder in this run
 * @param seconds wall time of this run's encoding
 */
public record EmbedReport(String column, String encoder, int dimension, int rows, int resumedRows,
    int emptyRows, int embeddedThisRun, double seconds) {
  /** Texts per second in this run. */
  public double textsPerSecond() {
    return seconds <= 0 ? 0 : embeddedThisRun / seconds;
  }

  /** A one-line readable summary. */
  public String summary(java.util.List<String> fields) {
    return String.format(Locale.ROOT,
        "%s %d-d embeddings of %s for %d items (%d without text -> zero vector); %d embedded in"
            + " %.1f s (%.1f texts/s)%s",
        encoder, dimension, String.join("+", fields), rows, emptyRows, embeddedThisRun, seconds,
        textsPerSecond(), resumedRows > 0 ? ", " + resumedRows + " rows resumed" : "");
  }
}
