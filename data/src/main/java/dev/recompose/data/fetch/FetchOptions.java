package dev.recompose.data.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The user's choices for one fetch: a mirror, checksum overrides, and timeouts.
 *
 * <p>It exists so that the command line's flags map one to one onto a value the fetcher validates
 * once. Start from {@link #defaults()} and use the {@code with...} methods.
 *
 * @param baseUrl when not {@code null}, every file is fetched from {@code baseUrl + fileName}
 *     instead of the catalog URLs (a mirror, or a local server in tests); checksums still apply
 * @param allowUnpinned install files that have no known checksum (the computed SHA-256 is still
 *     printed and recorded in {@code FETCHED.json})
 * @param expectedSha256 SHA-256 values the user vouches for, by file name (e.g. {@code
 *     Toys_and_Games_5.json.gz}); such a value replaces the catalog's size and checksums for that
 *     file
 * @param force re-download and replace an installed dataset
 * @param responseTimeout the longest wait for the response headers of one request
 * @param stallTimeout the longest time a download may receive no byte before it is abandoned (the
 *     partial file is kept for a resume)
 */
public record FetchOptions(
    URI baseUrl,
    boolean allowUnpinned,
    Map<String, String> expectedSha256,
    boolean force,
    Duration responseTimeout,
    Duration stallTimeout) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Checks the fields; see the record description. */
  public FetchOptions {
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    Map<String, String> copy = new HashMap<>();
    for (Map.Entry<String, String> e : Objects.requireNonNull(expectedSha256).entrySet()) {
      String hex = e.getValue().trim().toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(hex).matches()) {
        throw new IllegalArgumentException(
            "expected sha256 for "
                + e.getKey()
                + " must be 64 hex digits, got '"
                + e.getValue()
                + "'");
      }
      copy.put(e.getKey(), hex);
    }
    expectedSha256 = Map.copyOf(copy);
    if (baseUrl != null
        && !"http".equals(baseUrl.getScheme())
        && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("base URL must be http(s): " + baseUrl);
    }
    if (responseTimeout.isNegative() || responseTimeout.isZero()) {
      throw new IllegalArgumentException("responseTimeout must be positive: " + responseTimeout);
    }
    if (stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stallTimeout must be positive: " + stallTimeout);
    }
  }

  /** The catalog URLs, pinned files only, no forced re-download, 60 s timeouts. */
  public static FetchOptions defaults() {
    return new FetchOptions(
        null, false, Map.of(), false, Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  /** These options fetching from {@code base + fileName} (a trailing slash is added if absent). */
  public FetchOptions withBaseUrl(String base) {
    String b = base.endsWith("/") ? base : base + "/";
    return new FetchOptions(
        URI.create(b), allowUnpinned, expectedSha256, force, responseTimeout, stallTimeout);
  }

  /** These options with {@code --allow-unpinned} set or cleared. */
  public FetchOptions withAllowUnpinned(boolean allow) {
    return new FetchOptions(baseUrl, allow, expectedSha256, force, responseTimeout, stallTimeout);
  }

  /** These options with one more user-supplied SHA-256, for the file named {@code fileName}. */
  public FetchOptions withExpectedSha256(String fileName, String sha256) {
    Map<String, String> m = new HashMap<>(expectedSha256);
    m.put(fileName, sha256);
    return new FetchOptions(baseUrl, allowUnpinned, m, force, responseTimeout, stallTimeout);
  }

  /** These options with {@code --force} set or cleared. */
  public FetchOptions withForce(boolean f) {
    return new FetchOptions(
        baseUrl, allowUnpinned, expectedSha256, f, responseTimeout, stallTimeout);
  }

  /** These options with other timeouts. */
  public FetchOptions withTimeouts(Duration response, Duration stall) {
    return new FetchOptions(baseUrl, allowUnpinned, expectedSha256, force, response, stall);
  }
}
