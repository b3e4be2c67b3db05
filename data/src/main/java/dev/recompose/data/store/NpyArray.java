package dev.recompose.data.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A read-only, memory-mapped view of one {@code .npy} file.
 *
 * <p>It exists so that columns of any size open instantly and are paged in by the operating
 * system on use, the way {@code numpy.load(mmap_mode='r')} reads them. The mapping lives as long
 * as the array object is reachable.
 */
public final class NpyArray {
  private static final ValueLayout.OfInt I32 =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong I64 =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfFloat F32 =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final Path file;
  private final NpyHeader header;
  private final MemorySegment data;
  private final long size;

  private NpyArray(Path file, NpyHeader header, MemorySegment data) {
    this.file = file;
    this.header = header;
    this.data = data;
    this.size = header.elements();
  }

  /** Maps {@code file}; fails with a {@link StoreFormatException} naming it if it is damaged. */
  public static NpyArray open(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = ch.size();
      MemorySegment all = ch.map(FileChannel.MapMode.READ_ONLY, 0, fileSize, Arena.ofAuto());
      int peek = (int) Math.min(fileSize, 65_536);
      NpyHeader.Parsed parsed = NpyHeader.parse(all.asSlice(0, peek).asByteBuffer(), file.toString());
      long need = parsed.header().elements() * parsed.header().dtype().bytes();
      if (fileSize - parsed.dataOffset() < need) {
        throw new StoreFormatException(
            file
                + ": truncated: header promises "
                + need
                + " data bytes, file has "
                + (fileSize - parsed.dataOffset()));
      }
      return new NpyArray(file, parsed.header(), all.asSlice(parsed.dataOffset(), need));
    }
  }

  /** Whether {@code file} exists; a convenience for optional columns. */
  public static boolean exists(Path file) {
    return Files.isRegularFile(file);
  }

  public Path file() {
    return file;
  }

  public NpyHeader header() {
    return header;
  }

  public DType dtype() {
    return header.dtype();
  }

  /** Total number of elements. */
  public long size() {
    return size;
  }

  /** Number of rows: the first dimension. */
  public long rows() {
    long[] s = header.shape();
    return s.length == 0 ? 1 : s[0];
  }

  private void check(DType want) {
    if (header.dtype() != want) {
      throw new StoreFormatException(
          file + ": column is " + header.dtype().descr() + ", read as " + want.descr());
    }
  }

  public int getInt(long i) {
    return data.getAtIndex(I32, i);
  }

  public long getLong(long i) {
    return data.getAtIndex(I64, i);
  }

  public float getFloat(long i) {
    return data.getAtIndex(F32, i);
  }

  public byte getByte(long i) {
    return data.get(ValueLayout.JAVA_BYTE, i);
  }

  /** Copies the whole int32 column onto the heap. */
  public int[] toIntArray() {
    check(DType.INT32);
    int[] out = new int[Math.toIntExact(size)];
    MemorySegment.copy(data, I32, 0, out, 0, out.length);
    return out;
  }

  /** Copies the whole int64 column onto the heap. */
  public long[] toLongArray() {
    check(DType.INT64);
    long[] out = new long[Math.toIntExact(size)];
    MemorySegment.copy(data, I64, 0, out, 0, out.length);
    return out;
  }

  /** Copies the whole float32 column onto the heap. */
  public float[] toFloatArray() {
    check(DType.FLOAT32);
    float[] out = new float[Math.toIntExact(size)];
    MemorySegment.copy(data, F32, 0, out, 0, out.length);
    return out;
  }

  /** Copies the whole 1-byte column onto the heap. */
  public byte[] toByteArray() {
    if (header.dtype().bytes() != 1) {
      throw new StoreFormatException(file + ": column is " + header.dtype().descr() + ", not bytes");
    }
    byte[] out = new byte[Math.toIntExact(size)];
    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, out, 0, out.length);
    return out;
  }

  /** Copies {@code len} bytes starting at element {@code from} (1-byte columns). */
  public byte[] bytes(long from, int len) {
    byte[] out = new byte[len];
    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, from, out, 0, len);
    return out;
  }
}
