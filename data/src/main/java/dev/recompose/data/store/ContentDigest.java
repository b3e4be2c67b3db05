package dev.recompose.data.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * SHA-256 digests of files and of a dataset's whole content.
 *
 * <p>The dataset digest hashes, in lexicographic order of their relative paths, each path's UTF-8
 * bytes followed by the file's bytes, over every column and vocabulary file the manifest names
 * (not the manifest itself). Two directories with the same digest hold the same data.
 */
public final class ContentDigest {
  private ContentDigest() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hex SHA-256 of one file. */
  public static String ofFile(Path file) throws IOException {
    MessageDigest md = sha256();
    update(md, file);
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, Path file) throws IOException {
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
  }

  /** Hex digest of the data files named by {@code manifest} in {@code dir}. */
  public static String ofDataset(Path dir, Manifest manifest) throws IOException {
    TreeSet<String> files = new TreeSet<>();
    for (TableSpec t : manifest.tables().values()) {
      for (ColumnSpec c : t.columns().values()) {
        files.add(c.file());
        if (c.offsets() != null) {
          files.add(c.offsets());
        }
      }
    }
    for (VocabSpec v : manifest.vocabs().values()) {
      files.add(v.file());
    }
    MessageDigest md = sha256();
    for (String f : files) {
      md.update(f.getBytes(StandardCharsets.UTF_8));
      update(md, dir.resolve(f));
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
