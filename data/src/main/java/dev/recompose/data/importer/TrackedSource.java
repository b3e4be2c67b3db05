package dev.recompose.data.importer;

import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.SourceFile;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * An input stream over a source file that computes its SHA-256 and shows a byte progress bar
 * while the importer reads it once.
 *
 * <p>It exists so that provenance checksums cost no second pass over multi-gigabyte files.
 * Files ending in {@code .gz} are decompressed transparently (the checksum is of the file as
 * distributed).
 */
public final class TrackedSource implements AutoCloseable {
  private final Path file;
  private final MessageDigest digest;
  private final InputStream in;
  private final Progress progress;
  private long bytes;

  private TrackedSource(Path file, ProgressFactory progress) throws IOException {
    this.file = file;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = Files.size(file);
    this.progress = progress.start("read " + file.getFileName(), size, "bytes");
    InputStream raw = new DigestInputStream(Files.newInputStream(file), digest);
    InputStream counted =
        new FilterInputStream(raw) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
              count(n);
            }
            return n;
          }
        };
    InputStream buffered = new BufferedInputStream(counted, 1 << 16);
    this.in = file.toString().endsWith(".gz") ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }

  private void count(int n) {
    bytes += n;
    progress.advance(n);
  }

  /** Opens {@code file}; a missing file is a clear error naming it. */
  public static TrackedSource open(Path file, ProgressFactory progress) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "source file not found");
    }
    return new TrackedSource(file, progress);
  }

  public InputStream stream() {
    return in;
  }

  public Path file() {
    return file;
  }

  /**
   * Reads what the importer left unread (so the checksum covers the whole file) and returns the
   * file's provenance record.
   */
  public SourceFile finish() throws IOException {
    byte[] skip = new byte[1 << 16];
    while (in.read(skip) > 0) {
      // drain
    }
    progress.close();
    return new SourceFile(file.toAbsolutePath().normalize().toString(), Files.size(file), HexFormat.of().formatHex(digest.digest()));
  }

  @Override
  public void close() throws IOException {
    progress.close();
    in.close();
  }

  /** Bytes read from the file so far. */
  public long bytesRead() {
    return bytes;
  }
}
