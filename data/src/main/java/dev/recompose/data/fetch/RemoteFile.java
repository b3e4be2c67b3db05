package dev.recompose.data.fetch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file a publisher distributes: where it lives, what it must look like, and where its contents
 * go.
 *
 * <p>It exists so that every download is checked against something written down in advance. {@code
 * bytes}, {@code sha256} and {@code md5} are the published or independently recorded values; each
 * may be unknown ({@code -1} / {@code null}) and the catalog never invents one. A file is
 * <em>pinned</em> when at least one checksum is known; {@link #checksumSource} says where the
 * pinned values were found so that a reader can judge them.
 *
 * @param url the publisher's URL (the first one tried)
 * @param alternates further URLs serving the same bytes, tried in order when the first fails with
 *     an HTTP error or cannot be reached (the checksums still apply)
 * @param bytes the exact size in bytes, or {@code -1} when not known
 * @param sha256 lower-case hex SHA-256 of the file, or {@code null} when not known
 * @param md5 lower-case hex MD5 of the file (GroupLens publishes these), or {@code null}
 * @param checksumSource where {@code bytes}/{@code sha256}/{@code md5} come from, in words
 * @param archive how the file is packed
 * @param targetDir folder inside the installed dataset that receives the contents ({@code ""} for
 *     the dataset folder itself)
 * @param stripComponents leading path components dropped from archive entries (1 turns {@code
 *     ml-100k/u.data} into {@code u.data})
 */
public record RemoteFile(
    URI url,
    List<URI> alternates,
    long bytes,
    String sha256,
    String md5,
    String checksumSource,
    ArchiveType archive,
    String targetDir,
    int stripComponents) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

  /** Checks the fields; see the record description. */
  public RemoteFile {
    Objects.requireNonNull(url, "url");
    alternates = List.copyOf(Objects.requireNonNull(alternates, "alternates"));
    Objects.requireNonNull(archive, "archive");
    targetDir = targetDir == null ? "" : targetDir;
    checksumSource = checksumSource == null ? "" : checksumSource;
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be http(s): " + url);
    }
    if (bytes < -1 || bytes == 0) {
      throw new IllegalArgumentException("bytes must be positive or -1 (unknown): " + bytes);
    }
    if (sha256 != null && !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
    }
    if (md5 != null && !MD5.matcher(md5).matches()) {
      throw new IllegalArgumentException("md5 must be 32 lower-case hex digits: " + md5);
    }
    if (stripComponents < 0) {
      throw new IllegalArgumentException("stripComponents must be >= 0: " + stripComponents);
    }
    if (targetDir.startsWith("/") || targetDir.contains("..") || targetDir.contains("\\")) {
      throw new IllegalArgumentException("targetDir must be a plain relative folder: " + targetDir);
    }
    fileName(url); // fails early on a URL without a file name
  }

  /** A file with no alternates, no known size or checksums, unpacked by its name's suffix. */
  public static RemoteFile unpinned(String url, String targetDir) {
    URI u = URI.create(url);
    return new RemoteFile(
        u, List.of(), -1, null, null, "", ArchiveType.fromFileName(fileName(u)), targetDir, 0);
  }

  /** The last path segment of the URL, e.g. {@code ml-100k.zip}; downloads are saved under it. */
  public String fileName() {
    return fileName(url);
  }

  /** True when a checksum (SHA-256 or MD5) is known, so a download can be verified. */
  public boolean pinned() {
    return sha256 != null || md5 != null;
  }

  /** True when the size is known. */
  public boolean sizeKnown() {
    return bytes > 0;
  }

  /** This file with other alternates. */
  public RemoteFile withAlternates(List<URI> newAlternates) {
    return new RemoteFile(
        url,
        newAlternates,
        bytes,
        sha256,
        md5,
        checksumSource,
        archive,
        targetDir,
        stripComponents);
  }

  /** This file with another archive layout. */
  public RemoteFile withLayout(ArchiveType newArchive, String newTargetDir, int newStrip) {
    return new RemoteFile(
        url, alternates, bytes, sha256, md5, checksumSource, newArchive, newTargetDir, newStrip);
  }

  /** This file with known values and where they were found. */
  public RemoteFile withPins(long newBytes, String newSha256, String newMd5, String source) {
    return new RemoteFile(
        url,
        alternates,
        newBytes,
        newSha256 == null ? null : newSha256.toLowerCase(Locale.ROOT),
        newMd5 == null ? null : newMd5.toLowerCase(Locale.ROOT),
        source,
        archive,
        targetDir,
        stripComponents);
  }

  static String fileName(URI u) {
    String path = u.getPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      throw new IllegalArgumentException("url has no file name: " + u);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("url has no file name: " + u);
    }
    return name;
  }
}
