package dev.recompose.data.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A read view of one table of an open {@link Dataset}.
 *
 * <p>It exists to hand out typed, memory-mapped column views by name, failing with a message
 * that lists the columns the table does have.
 */
public final class Table {
  private final Path dir;
  private final String name;
  private final TableSpec spec;

  Table(Path dir, String name, TableSpec spec) {
    this.dir = dir;
    this.name = name;
    this.spec = spec;
  }

  public String name() {
    return name;
  }

  public long rows() {
    return spec.rows();
  }

  public TableSpec spec() {
    return spec;
  }

  public Set<String> columns() {
    return spec.columns().keySet();
  }

  public boolean has(String column) {
    return spec.columns().containsKey(column);
  }

  /** The spec of {@code column}; fails listing the available columns. */
  public ColumnSpec column(String column) {
    ColumnSpec c = spec.columns().get(Objects.requireNonNull(column, "column"));
    if (c == null) {
      throw new StoreFormatException(
          "table '" + name + "' has no column '" + column + "'; it has " + columns());
    }
    return c;
  }

  private ColumnSpec column(String column, ColumnKind kind) {
    ColumnSpec c = column(column);
    if (c.kind() != kind) {
      throw new StoreFormatException(
          name + "." + column + " is a " + c.kind() + " column, not " + kind);
    }
    return c;
  }

  private NpyArray map(String file, long expectRows) {
    try {
      NpyArray a = NpyArray.open(dir.resolve(file));
      if (expectRows >= 0 && a.rows() != expectRows) {
        throw new StoreFormatException(
            file + ": has " + a.rows() + " rows, manifest says " + expectRows);
      }
      return a;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
    }
  }

  /** A scalar column (one value per row). */
  public NpyArray scalar(String column) {
    return map(column(column, ColumnKind.SCALAR).file(), spec.rows());
  }

  /** A vector column, shape {@code (rows, width)}. */
  public NpyArray vector(String column) {
    return map(column(column, ColumnKind.VECTOR).file(), spec.rows());
  }

  /** A list column. */
  public ListColumn list(String column) {
    ColumnSpec c = column(column, ColumnKind.LIST);
    return new ListColumn(map(c.file(), -1), map(c.offsets(), spec.rows() + 1));
  }

  /** A text column. */
  public TextColumn text(String column) {
    ColumnSpec c = column(column, ColumnKind.TEXT);
    return new TextColumn(new ListColumn(map(c.file(), -1), map(c.offsets(), spec.rows() + 1)));
  }
}
