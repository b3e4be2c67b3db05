package dev.recompose.data.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes one {@code .npy} file element by element, without knowing the length in advance.
 *
 * <p>It exists so that importers stream columns of any length to disk with bounded memory: the
 * 128-byte header is written with a zero shape, data goes through a 64 KiB buffer, and
 * {@link #close()} patches the real shape in place. A file whose writer was not closed has a zero
 * shape and is never referenced by a manifest.
 */
public final class NpyWriter implements AutoCloseable {
  private final FileChannel channel;
  private final DType dtype;
  private final long width;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private long count;
  private boolean closed;

  private NpyWriter(FileChannel channel, DType dtype, long width) throws IOException {
    this.channel = channel;
    this.dtype = dtype;
    this.width = width;
    channel.write(ByteBuffer.wrap(new NpyHeader(dtype, shapeFor(0)).encode()));
  }

  /** Opens a writer for a 1-d array (or 2-d with {@code width} columns when {@code width > 0}). */
  public static NpyWriter create(Path file, DType dtype, long width) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(dtype, "dtype");
    FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    return new NpyWriter(ch, dtype, width);
  }

  /** Opens a writer for a 1-d array. */
  public static NpyWriter create(Path file, DType dtype) throws IOException {
    return create(file, dtype, 0);
  }

  private long[] shapeFor(long elements) {
    return width > 0 ? new long[] {elements / width, width} : new long[] {elements};
  }

  private void room(int bytes) {
    if (buf.remaining() < bytes) {
      flush();
    }
  }

  private void flush() {
    buf.flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buf.clear();
  }

  public void writeByte(byte v) {
    room(1);
    buf.put(v);
    count++;
  }

  public void writeInt(int v) {
    room(4);
    buf.putInt(v);
    count++;
  }

  public void writeLong(long v) {
    room(8);
    buf.putLong(v);
    count++;
  }

  public void writeFloat(float v) {
    room(4);
    buf.putFloat(v);
    count++;
  }

  /** Writes {@code len} raw bytes (for UINT8/INT8 columns such as UTF-8 text). */
  public void writeBytes(byte[] src, int off, int len) {
    int pos = off;
    int left = len;
    while (left > 0) {
      if (!buf.hasRemaining()) {
        flush();
      }
      int n = Math.min(left, buf.remaining());
      buf.put(src, pos, n);
      pos += n;
      left -= n;
    }
    count += len;
  }

  /** Elements written so far. */
  public long count() {
    return count;
  }

  public DType dtype() {
    return dtype;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flush();
      if (width > 0 && count % width != 0) {
        throw new IllegalStateException(
            "wrote " + count + " elements, not a multiple of the row width " + width);
      }
      channel.write(ByteBuffer.wrap(new NpyHeader(dtype, shapeFor(count)).encode()), 0);
    } finally {
      channel.close();
    }
  }
}
