package dev.recompose.data.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file: element type and shape, always C order.
 *
 * <p>Format (NPY 1.0, https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
 * the 6 magic bytes {@code \x93NUMPY}, major version 1, minor version 0, a little-endian uint16
 * header length {@code H}, then {@code H} bytes of an ASCII Python dict literal such as
 * {@code {'descr': '<i4', 'fortran_order': False, 'shape': (100000,), }} padded with spaces and a
 * final newline so that {@code 10 + H} is a multiple of 64; the raw array data follows. The store
 * always writes a fixed 128-byte preamble so that a streaming writer can patch the shape in place
 * when it closes.
 */
public record NpyHeader(DType dtype, long[] shape) {
  /** Bytes before the data in every file the store writes. */
  public static final int FIXED_LENGTH = 128;

  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  public NpyHeader {
    Objects.requireNonNull(dtype, "dtype");
    shape = shape.clone();
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
    }
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements: the product of the shape. */
  public long elements() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The fixed-length preamble (magic, version, length, padded dict) for this header. */
  public byte[] encode() {
    StringBuilder dims = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      dims.append(shape[i]);
      if (shape.length == 1 || i < shape.length - 1) {
        dims.append(shape.length == 1 ? "," : ", ");
      }
    }
    dims.append(')');
    String dict =
        "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + dims + ", }";
    int headerLen = FIXED_LENGTH - 10;
    if (dict.length() + 1 > headerLen) {
      throw new IllegalStateException("shape too long for a fixed npy header: " + dims);
    }
    String padded = dict + " ".repeat(headerLen - dict.length() - 1) + "\n";
    ByteBuffer buf = ByteBuffer.allocate(FIXED_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLen);
    buf.put(padded.getBytes(StandardCharsets.US_ASCII));
    return buf.array();
  }

  /** A parsed header and the offset of the first data byte. */
  public record Parsed(NpyHeader header, long dataOffset) {}

  /**
   * Parses the preamble at the start of {@code bytes} (which must hold at least the whole header).
   *
   * @param source file name used in error messages
   */
  public static Parsed parse(ByteBuffer bytes, String source) {
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() < 10) {
      throw new StoreFormatException(source + ": too short for a .npy file");
    }
    for (byte m : MAGIC) {
      if (b.get() != m) {
        throw new StoreFormatException(source + ": not a .npy file (bad magic bytes)");
      }
    }
    int major = b.get();
    b.get();
    long len;
    int pre;
    if (major == 1) {
      len = Short.toUnsignedInt(b.getShort());
      pre = 10;
    } else if (major == 2 || major == 3) {
      len = Integer.toUnsignedLong(b.getInt());
      pre = 12;
    } else {
      throw new StoreFormatException(source + ": unsupported .npy version " + major);
    }
    if (b.remaining() < len) {
      throw new StoreFormatException(source + ": truncated .npy header");
    }
    byte[] dictBytes = new byte[(int) len];
    b.get(dictBytes);
    String dict = new String(dictBytes, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(dict);
    Matcher f = FORTRAN.matcher(dict);
    Matcher s = SHAPE.matcher(dict);
    if (!d.find() || !f.find() || !s.find()) {
      throw new StoreFormatException(source + ": malformed .npy header dict: " + dict.strip());
    }
    if (f.group(1).equals("True")) {
      throw new StoreFormatException(source + ": Fortran-order arrays are not supported");
    }
    DType type;
    try {
      type = DType.ofDescr(d.group(1));
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException(source + ": " + e.getMessage());
    }
    List<Long> dims = new ArrayList<>();
    for (String part : s.group(1).split(",")) {
      if (!part.isBlank()) {
        dims.add(Long.parseLong(part.strip().replace("L", "")));
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    return new Parsed(new NpyHeader(type, shape), pre + len);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyHeader h && h.dtype == dtype && Arrays.equals(h.shape, shape);
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "NpyHeader[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
  }
}
