package dev.recompose.data.fetch;

import dev.recompose.data.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes the SHA-256 and MD5 of a file in one pass. */
final class Checksums {

  /** The digests and size of one file. */
  record Digests(long bytes, String sha256, String md5) {}

  private Checksums() {}

  static Digests of(Path file, Progress progress) throws IOException {
    MessageDigest sha = digest("SHA-256");
    MessageDigest md5 = digest("MD5");
    long total = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        md5.update(buf, 0, n);
        total += n;
        progress.advance(n);
      }
    }
    HexFormat hex = HexFormat.of();
    return new Digests(total, hex.formatHex(sha.digest()), hex.formatHex(md5.digest()));
  }

  static String sha256(byte[] data) {
    return HexFormat.of().formatHex(digest("SHA-256").digest(data));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
