package dev.recompose.data.store;

import java.util.Objects;

/**
 * An element type a store column may hold, with its NumPy type string.
 *
 * <p>It exists so that the writer, the reader and the manifest agree on one closed list of
 * little-endian types that {@code numpy.load} reads without conversion.
 */
public enum DType {
  INT8("|i1", 1),
  UINT8("|u1", 1),
  INT32("<i4", 4),
  INT64("<i8", 8),
  FLOAT32("<f4", 4);

  private final String descr;
  private final int bytes;

  DType(String descr, int bytes) {
    this.descr = descr;
    this.bytes = bytes;
  }

  /** The NumPy {@code descr} string, e.g. {@code <i4}. */
  public String descr() {
    return descr;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /**
   * The type named by a NumPy descr string.
   *
   * @throws IllegalArgumentException when the type is not one the store supports (big-endian,
   *     float64, strings...)
   */
  public static DType ofDescr(String descr) {
    Objects.requireNonNull(descr, "descr");
    for (DType t : values()) {
      if (t.descr.equals(descr)) {
        return t;
      }
    }
    // NumPy writes single-byte types with '|' but accepts '<' and '>' on read; be as lenient.
    if (descr.length() == 3 && (descr.endsWith("i1") || descr.endsWith("u1"))) {
      return descr.endsWith("i1") ? INT8 : UINT8;
    }
    throw new IllegalArgumentException(
        "unsupported NumPy dtype '" + descr + "'; the store reads |i1 |u1 <i4 <i8 <f4");
  }
}
