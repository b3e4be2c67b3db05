package dev.recompose.data.fetch;

import java.util.Locale;

/**
 * How a downloaded file is packed, and therefore how it is unpacked into the importer's layout.
 *
 * <p>It exists so that the catalog says what a publisher ships (a zip, a gzip'd JSON-lines file)
 * and the fetcher needs no guessing from file names at install time.
 */
public enum ArchiveType {
  /** A zip archive; its entries are extracted, optionally dropping leading folders. */
  ZIP,
  /** One gzip-compressed file; it is decompressed to the same name without {@code .gz}. */
  GZIP,
  /** A gzip-compressed tar archive (regular files and folders only). */
  TAR_GZ,
  /** A plain file, copied as is. */
  NONE;

  /**
   * The type a file name suggests: {@code .zip}, {@code .tar.gz}/{@code .tgz}, {@code .gz}, else
   * none.
   */
  public static ArchiveType fromFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".zip")) {
      return ZIP;
    }
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
      return TAR_GZ;
    }
    if (n.endsWith(".gz")) {
      return GZIP;
    }
    return NONE;
  }
}
