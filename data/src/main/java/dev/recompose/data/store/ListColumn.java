package dev.recompose.data.store;

/**
 * A read view of a CSR list column: per-row slices of a values array.
 *
 * <p>It exists so that histories, candidates and multi-valued features are read without
 * materialising one Java array per row; {@link #start} and {@link #length} give the slice.
 */
public final class ListColumn {
  private final NpyArray values;
  private final NpyArray offsets;

  public ListColumn(NpyArray values, NpyArray offsets) {
    if (offsets.dtype() != DType.INT64) {
      throw new StoreFormatException(offsets.file() + ": offsets must be int64");
    }
    if (offsets.size() < 1 || offsets.getLong(0) != 0
        || offsets.getLong(offsets.size() - 1) != values.size()) {
      throw new StoreFormatException(
          offsets.file() + ": offsets must start at 0 and end at the values length "
              + values.size());
    }
    this.values = values;
    this.offsets = offsets;
  }

  /** Number of rows. */
  public long rows() {
    return offsets.size() - 1;
  }

  /** Index in {@link #values()} of the first element of {@code row}. */
  public long start(long row) {
    return offsets.getLong(row);
  }

  /** Number of elements of {@code row}. */
  public int length(long row) {
    return (int) (offsets.getLong(row + 1) - offsets.getLong(row));
  }

  public NpyArray values() {
    return values;
  }

  public NpyArray offsets() {
    return offsets;
  }

  /** The int32 elements of {@code row} as a new array. */
  public int[] ints(long row) {
    long s = start(row);
    int[] out = new int[length(row)];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.getInt(s + i);
    }
    return out;
  }

  /** The int8 elements of {@code row} as a new array. */
  public byte[] bytes(long row) {
    return values.bytes(start(row), length(row));
  }
}
