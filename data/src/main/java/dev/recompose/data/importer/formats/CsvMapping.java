package dev.recompose.data.importer.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The YAML mapping of the generic {@code csv} importer: the file's layout (csv, tsv or jsonl;
 * header; delimiter; quoting) and which columns hold the user, item, time, rating, label and the
 * item / user attributes.
 *
 * <p>It exists so that an in-house log can be imported without code, and so that a mistake in
 * the mapping (an unknown key, a wrong type) is reported before any row is read. Column
 * references are header names, or 1-based column numbers when the file has no header; for JSONL
 * they are top-level field names.
 *
 * @param format csv, tsv or jsonl
 * @param header whether the first line names the columns (csv and tsv)
 * @param delimiter the field separator (csv and tsv)
 * @param quoted whether fields may be RFC-4180 quoted (default: true for csv, false for tsv)
 * @param user the user id column
 * @param item the item id column
 * @param timestamp the time column, or null
 * @param timestampFormat unix (seconds), unix-ms or iso-8601
 * @param rating the rating column, or null
 * @param label the 0/1 label column, or null
 * @param itemText item text columns
 * @param itemCategorical single-valued item category columns
 * @param itemMulti multi-valued item category columns with their separators
 * @param userCategorical single-valued user category columns
 */
record CsvMapping(
    String format,
    boolean header,
    String delimiter,
    boolean quoted,
    String user,
    String item,
    String timestamp,
    String timestampFormat,
    String rating,
    String label,
    List<String> itemText,
    List<String> itemCategorical,
    Map<String, String> itemMulti,
    List<String> userCategorical) {
  /** The keys a mapping may hold. */
  static final Set<String> KEYS = new TreeSet<>(List.of("format", "header", "delimiter", "quoted",
      "user", "item", "timestamp", "timestamp_format", "rating", "label", "item_text",
      "item_categorical", "item_multi", "user_categorical"));

  static final Set<String> FORMATS = new TreeSet<>(List.of("csv", "tsv", "jsonl"));
  static final Set<String> TIME_FORMATS = new TreeSet<>(List.of("unix", "unix-ms", "iso-8601"));

  /**
   * Reads a mapping.
   *
   * @param defaultFormat the format implied by the data file's extension, or null
   */
  static CsvMapping parse(InputStream yaml, String source, String defaultFormat)
      throws IOException {
    JsonNode root;
    try {
      YAMLFactory factory = new YAMLFactory();
      factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the caller drains it for the checksum
      root = new ObjectMapper(factory).readTree(yaml);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a YAML mapping of keys " + KEYS);
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(source + ": unknown key '" + key + "'; valid keys: "
            + KEYS);
      }
    }
    String format = optString(root, "format", source);
    if (format == null) {
      format = defaultFormat;
    }
    if (format == null) {
      throw new IllegalArgumentException(source + ": key 'format' is required (one of " + FORMATS
          + ") when the data file's extension does not tell");
    }
    format = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException(source + ": format: expected one of " + FORMATS
          + ", found '" + format + "'");
    }
    boolean header = optBoolean(root, "header", true, source);
    String delimiter = optString(root, "delimiter", source);
    if (delimiter == null) {
      delimiter = format.equals("tsv") ? "\t" : ",";
    }
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException(source + ": delimiter must not be empty");
    }
    boolean quoted = optBoolean(root, "quoted", format.equals("csv"), source);
    String user = optString(root, "user", source);
    String item = optString(root, "item", source);
    if (user == null || item == null) {
      throw new IllegalArgumentException(source + ": keys 'user' and 'item' are required");
    }
    String timeFormat = optString(root, "timestamp_format", source);
    timeFormat = timeFormat == null ? "unix" : timeFormat.toLowerCase(Locale.ROOT);
    if (!TIME_FORMATS.contains(timeFormat)) {
      throw new IllegalArgumentException(source + ": timestamp_format: expected one of "
          + TIME_FORMATS + ", found '" + timeFormat + "'");
    }
    return new CsvMapping(format, header, delimiter, quoted, user, item,
        optString(root, "timestamp", source), timeFormat, optString(root, "rating", source),
        optString(root, "label", source), optList(root, "item_text", source),
        optList(root, "item_categorical", source), optMap(root, "item_multi", source),
        optList(root, "user_categorical", source));
  }

  /** This mapping with another timestamp format (the import option overrides the file). */
  CsvMapping withTimestampFormat(String f) {
    String tf = f.toLowerCase(Locale.ROOT);
    if (!TIME_FORMATS.contains(tf)) {
      throw new IllegalArgumentException("timestamp_format: expected one of " + TIME_FORMATS
          + ", found '" + f + "'");
    }
    return new CsvMapping(format, header, delimiter, quoted, user, item, timestamp, tf, rating,
        label, itemText, itemCategorical, itemMulti, userCategorical);
  }

  /** Every mapped column with the mapping key that names it, in mapping order. */
  Map<String, String> columns() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, user, "user");
    put(m, item, "item");
    put(m, timestamp, "timestamp");
    put(m, rating, "rating");
    put(m, label, "label");
    itemText.forEach(c -> put(m, c, "item_text"));
    itemCategorical.forEach(c -> put(m, c, "item_categorical"));
    itemMulti.keySet().forEach(c -> put(m, c, "item_multi"));
    userCategorical.forEach(c -> put(m, c, "user_categorical"));
    return m;
  }

  private static void put(Map<String, String> m, String column, String key) {
    if (column == null) {
      return;
    }
    String before = m.putIfAbsent(column, key);
    if (before != null) {
      throw new IllegalArgumentException("column '" + column + "' is mapped twice (" + before
          + " and " + key + ")");
    }
  }

  private static String optString(JsonNode root, String key, String source) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode() || v.isBoolean()) {
      throw new IllegalArgumentException(source + ": " + key + ": expected a column name or"
          + " value, found " + v);
    }
    return v.asText();
  }

  private static boolean optBoolean(JsonNode root, String key, boolean fallback, String source) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(source + ": " + key + ": expected true or false,"
          + " found " + v);
    }
    return v.asBoolean();
  }

  private static List<String> optList(JsonNode root, String key, String source) {
    JsonNode v = root.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isValueNode() && !v.isBoolean()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(source + ": " + key + ": expected a list of column"
          + " names, found " + v);
    }
    for (JsonNode e : v) {
      if (!e.isValueNode() || e.isBoolean() || e.isNull()) {
        throw new IllegalArgumentException(source + ": " + key + ": expected a list of column"
            + " names, found " + v);
      }
      out.add(e.asText());
    }
    return List.copyOf(out);
  }

  private static Map<String, String> optMap(JsonNode root, String key, String source) {
    JsonNode v = root.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException(source + ": " + key + ": expected a mapping of column"
          + " name to separator, e.g. {genres: \"|\"}, found " + v);
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
        throw new IllegalArgumentException(source + ": " + key + ": the separator of '"
            + e.getKey() + "' must be a non-empty string, found " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
