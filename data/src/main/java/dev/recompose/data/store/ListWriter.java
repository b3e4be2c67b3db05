package dev.recompose.data.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Streams a CSR list or text column: elements go to the values file, row ends to the offsets
 * file.
 *
 * <p>It exists so that histories with millions of elements are written without holding them:
 * call {@code add} for each element of a row, then {@link #endRow()}.
 */
public final class ListWriter implements AutoCloseable {
  private final NpyWriter values;
  private final NpyWriter offsets;
  private long rows;

  ListWriter(NpyWriter values, NpyWriter offsets) {
    this.values = values;
    this.offsets = offsets;
    offsets.writeLong(0);
  }

  public void add(int v) {
    values.writeInt(v);
  }

  public void addByte(byte v) {
    values.writeByte(v);
  }

  /** Ends the current row. */
  public void endRow() {
    offsets.writeLong(values.count());
    rows++;
  }

  /** Writes a whole int32 row. */
  public void addRow(int[] row) {
    for (int v : row) {
      values.writeInt(v);
    }
    endRow();
  }

  /** Writes a whole int32 row from a slice. */
  public void addRow(int[] row, int from, int to) {
    for (int i = from; i < to; i++) {
      values.writeInt(row[i]);
    }
    endRow();
  }

  /** Writes a whole int8 row. */
  public void addRow(byte[] row) {
    values.writeBytes(row, 0, row.length);
    endRow();
  }

  /** Writes one text row as UTF-8 ({@code null} is written as empty). */
  public void addText(String text) {
    if (text != null && !text.isEmpty()) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      values.writeBytes(b, 0, b.length);
    }
    endRow();
  }

  /** Rows ended so far. */
  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    try {
      values.close();
    } finally {
      offsets.close();
    }
  }
}
