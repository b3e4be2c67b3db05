package dev.recompose.data.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Writes the columns of one table into a directory, streaming or from whole arrays.
 *
 * <p>It exists so that importers, splits and representation jobs all produce columns the same
 * way: files named by {@link StoreLayout}, specs for the manifest, and a check at
 * {@link #finish()} that every column has the same number of rows.
 */
public final class TableWriter {
  private final Path dir;
  private final String table;
  private final String description;
  private final String suffix;
  private final long fixedRows;
  private final Map<String, ColumnSpec> specs = new LinkedHashMap<>();
  private final Map<String, LongSupplier> rowCounts = new LinkedHashMap<>();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<String> files = new ArrayList<>();

  TableWriter(Path dir, String table, String description, String suffix, long fixedRows) {
    this.dir = dir;
    this.table = table;
    this.description = description;
    this.suffix = suffix;
    this.fixedRows = fixedRows;
  }

  public String name() {
    return table;
  }

  private void claim(String column) {
    Objects.requireNonNull(column, "column");
    if (specs.containsKey(column)) {
      throw new IllegalArgumentException("column " + table + "." + column + " written twice");
    }
  }

  private NpyWriter open(String file, DType type, long width) throws IOException {
    files.add(file);
    NpyWriter w = NpyWriter.create(dir.resolve(file + suffix), type, width);
    open.add(w);
    return w;
  }

  /** Opens a streaming scalar column; {@code vocab} may be null. */
  public NpyWriter scalar(String column, DType type, String vocab, String description)
      throws IOException {
    claim(column);
    String file = StoreLayout.scalarFile(table, column);
    NpyWriter w = open(file, type, 0);
    specs.put(column, new ColumnSpec(ColumnKind.SCALAR, type, file, null, 0, vocab, description));
    rowCounts.put(column, w::count);
    return w;
  }

  /** Opens a streaming list column of {@code type} elements; {@code vocab} may be null. */
  public ListWriter list(String column, DType type, String vocab, String description)
      throws IOException {
    claim(column);
    String vf = StoreLayout.valuesFile(table, column);
    String of = StoreLayout.offsetsFile(table, column);
    ListWriter lw = new ListWriter(open(vf, type, 0), open(of, DType.INT64, 0));
    open.remove(open.size() - 1);
    open.remove(open.size() - 1);
    open.add(lw);
    specs.put(column, new ColumnSpec(ColumnKind.LIST, type, vf, of, 0, vocab, description));
    rowCounts.put(column, lw::rows);
    return lw;
  }

  /** Opens a streaming text column (write rows with {@link ListWriter#addText}). */
  public ListWriter text(String column, String description) throws IOException {
    ListWriter lw = list(column, DType.UINT8, null, description);
    ColumnSpec s = specs.get(column);
    specs.put(column, new ColumnSpec(ColumnKind.TEXT, DType.UINT8, s.file(), s.offsets(), 0,
        null, description));
    return lw;
  }

  /** Writes a whole int32 scalar column. */
  public void ints(String column, int[] values, String vocab, String description)
      throws IOException {
    NpyWriter w = scalar(column, DType.INT32, vocab, description);
    for (int v : values) {
      w.writeInt(v);
    }
  }

  /** Writes a whole int64 scalar column. */
  public void longs(String column, long[] values, String description) throws IOException {
    NpyWriter w = scalar(column, DType.INT64, null, description);
    for (long v : values) {
      w.writeLong(v);
    }
  }

  /** Writes a whole float32 scalar column. */
  public void floats(String column, float[] values, String description) throws IOException {
    NpyWriter w = scalar(column, DType.FLOAT32, null, description);
    for (float v : values) {
      w.writeFloat(v);
    }
  }

  /** Writes a whole int8 scalar column. */
  public void bytes(String column, byte[] values, String description) throws IOException {
    NpyWriter w = scalar(column, DType.INT8, null, description);
    w.writeBytes(values, 0, values.length);
  }

  /** Writes a float32 vector column of shape {@code (values.length / width, width)}. */
  public void vectors(String column, float[] values, int width, String description)
      throws IOException {
    claim(column);
    if (width <= 0 || values.length % width != 0) {
      throw new IllegalArgumentException(
          "vector column " + column + ": " + values.length + " values, width " + width);
    }
    String file = StoreLayout.scalarFile(table, column);
    NpyWriter w = open(file, DType.FLOAT32, width);
    for (float v : values) {
      w.writeFloat(v);
    }
    specs.put(column, new ColumnSpec(ColumnKind.VECTOR, DType.FLOAT32, file, null, width, null,
        description));
    rowCounts.put(column, () -> w.count() / width);
  }

  /** Closes every column, checks row counts agree, and returns the table's spec. */
  TableSpec finish(TableSpec existing) throws IOException {
    IOException first = null;
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
    long rows = fixedRows;
    for (Map.Entry<String, LongSupplier> e : rowCounts.entrySet()) {
      long n = e.getValue().getAsLong();
      if (rows < 0) {
        rows = n;
      } else if (n != rows) {
        throw new IllegalStateException(
            "table " + table + ": column " + e.getKey() + " has " + n + " rows, expected " + rows);
      }
    }
    TableSpec spec =
        existing != null
            ? existing
            : new TableSpec(Math.max(rows, 0), description, Map.of());
    for (Map.Entry<String, ColumnSpec> e : specs.entrySet()) {
      spec = spec.withColumn(e.getKey(), e.getValue());
    }
    return spec;
  }

  /** Files written (final names, relative to the dataset directory). */
  List<String> files() {
    return files;
  }
}
