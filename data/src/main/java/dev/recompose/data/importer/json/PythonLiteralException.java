package dev.recompose.data.importer.json;

/**
 * A line that is not a valid Python literal, with the 1-based character column where parsing
 * stopped.
 *
 * <p>It exists so that {@link JsonLinesReader} can turn a syntax error in a Python-literal file
 * (Amazon 2014 metadata) into a {@code file:line} message naming the column.
 */
public final class PythonLiteralException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int column;

  public PythonLiteralException(String message, int column) {
    super(message + " at column " + column);
    this.column = column;
  }

  /** 1-based character column of the error. */
  public int column() {
    return column;
  }
}
