package dev.recompose.models.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The sha256 of a config map's canonical JSON: keys sorted at every level, no whitespace, UTF-8.
 *
 * <p>It exists so that two results can be compared for "same configuration" by one string,
 * whatever order the settings were given in. Numbers keep their Java type's JSON form, so
 * {@code 1} and {@code 1.0} hash differently: recipes should keep value types stable.
 */
public final class ConfigHash {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private ConfigHash() {}

  /** The canonical JSON of {@code config}. */
  public static String canonicalJson(Map<String, ?> config) {
    try {
      return CANONICAL.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("config is not serialisable as JSON: " + e.getMessage(),
          e);
    }
  }

  /** Lower-case hex sha256 of {@link #canonicalJson}. */
  public static String of(Map<String, ?> config) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(canonicalJson(config).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
