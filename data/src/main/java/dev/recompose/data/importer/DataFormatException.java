package dev.recompose.data.importer;

import java.nio.file.Path;

/**
 * A malformed row in a source file, located by file, line and column.
 *
 * <p>It exists so that a damaged file produces one message a person can act on, e.g.
 * {@code u.data:17: column 3 (rating): expected a number, found 'x'}. Columns are 1-based field
 * positions (a JSON importer names the field instead).
 */
public final class DataFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long line;
  private final int column;
  private final String expected;

  public DataFormatException(String file, long line, int column, String field, String expected,
      String found) {
    super(format(file, line, column, field, expected, found));
    this.file = file;
    this.line = line;
    this.column = column;
    this.expected = expected;
  }

  public DataFormatException(Path file, long line, int column, String field, String expected,
      String found) {
    this(file.getFileName().toString(), line, column, field, expected, found);
  }

  private static String format(String file, long line, int column, String field, String expected,
      String found) {
    StringBuilder sb = new StringBuilder();
    sb.append(file).append(':').append(line).append(": ");
    if (column > 0) {
      sb.append("column ").append(column);
      if (field != null) {
        sb.append(" (").append(field).append(')');
      }
      sb.append(": ");
    } else if (field != null) {
      sb.append("field '").append(field).append("': ");
    }
    sb.append("expected ").append(expected);
    if (found != null) {
      String f = found.length() > 60 ? found.substring(0, 57) + "..." : found;
      sb.append(", found '").append(f).append('\'');
    }
    return sb.toString();
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What the row should have had; used as the drop reason when rows are skipped. */
  public String expected() {
    return expected;
  }
}
