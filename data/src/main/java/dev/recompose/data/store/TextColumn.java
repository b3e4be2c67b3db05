package dev.recompose.data.store;

import java.nio.charset.StandardCharsets;

/**
 * A read view of a text column: one UTF-8 string per row stored as CSR bytes.
 *
 * <p>It exists so that titles and abstracts sit in the store like any other column and a Python
 * user reads row i as {@code values[offsets[i]:offsets[i+1]].tobytes().decode()}.
 */
public final class TextColumn {
  private final ListColumn bytes;

  public TextColumn(ListColumn bytes) {
    this.bytes = bytes;
  }

  public long rows() {
    return bytes.rows();
  }

  /** The text of {@code row}; empty when the row has none. */
  public String get(long row) {
    return new String(bytes.bytes(row), StandardCharsets.UTF_8);
  }

  /** Whether {@code row} has non-empty text. */
  public boolean has(long row) {
    return bytes.length(row) > 0;
  }
}
