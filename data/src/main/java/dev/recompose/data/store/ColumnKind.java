package dev.recompose.data.store;

/**
 * How a column is laid out on disk.
 *
 * <p>It exists so that a reader knows, from the manifest alone, which files make a column:
 * <ul>
 *   <li>{@code SCALAR}: one value per row in {@code <table>.<column>.npy}; with a vocabulary it is
 *       a categorical code ({@code -1} = missing).
 *   <li>{@code LIST}: a variable-length list per row, CSR style: {@code .values.npy} holds all
 *       elements, {@code .offsets.npy} (int64, rows + 1 entries, starting at 0) where each row's
 *       list starts and ends.
 *   <li>{@code TEXT}: a UTF-8 string per row, laid out like {@code LIST} over uint8 bytes; the
 *       empty string means no text.
 *   <li>{@code VECTOR}: a fixed-width float32 vector per row, a 2-d array {@code (rows, width)}.
 * </ul>
 */
public enum ColumnKind {
  SCALAR,
  LIST,
  TEXT,
  VECTOR
}
