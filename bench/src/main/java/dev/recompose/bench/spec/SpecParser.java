package dev.recompose.bench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a benchmark spec from YAML and validates it: every error names the field (as a path,
 * e.g. {@code models[1].name}) and, where the value comes from a fixed set, lists the valid
 * values.
 *
 * <p>It exists so that a typo in a 40-run grid fails before the first run, not after an hour.
 * Relative paths are resolved against the spec file's directory. The format:
 * <pre>
 * name: my-bench
 * datasets:
 *   - {name: synth, synth: {users: 2000, items: 1000}}
 *   - {name: ml-100k, import: {format: movielens-100k, from: ../shared/data/ml-100k}}
 *   - {name: mine, path: /data/prepared}
 * split: {scheme: leave-one-out, seed: 42, params: {}}
 * representations: [id]            # default for models that name none
 * models:
 *   - pop
 *   - {name: itemknn, overrides: {k: 50}}
 * seeds: [1, 2, 3]
 * protocols: [full]
 * mask_history: true
 * budget: 10m                      # per run: 90s, 10m, 1h or seconds
 * cost: {latency_repeats: 200, warmup: 20, throughput_users: 2048, batch_users: 64}
 * </pre>
 */
public final class SpecParser {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP = new TreeSet<>(List.of("name", "datasets", "split",
      "representations", "models", "seeds", "protocols", "mask_history", "budget", "cost"));

  private final Set<String> models;

  /** A parser accepting the model names {@code models} (those with an executor). */
  public SpecParser(Set<String> models) {
    this.models = new TreeSet<>(Objects.requireNonNull(models, "models"));
  }

  /** Reads and validates the spec file {@code file}. */
  public BenchSpec read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String text = Files.readString(file);
    Path base = file.toAbsolutePath().getParent();
    try {
      return parse(text, base);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses {@code yaml}, resolving relative paths against {@code baseDir}. */
  public BenchSpec parse(String yaml, Path baseDir) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a spec is a YAML mapping with fields " + TOP);
    }
    checkKeys(root, "spec", TOP);
    String name = root.has("name") ? text(root.get("name"), "name") : "bench";
    List<DatasetSpec> datasets = new ArrayList<>();
    JsonNode ds = required(root, "datasets", "spec");
    list(ds, "datasets");
    for (int i = 0; i < ds.size(); i++) {
      datasets.add(dataset(ds.get(i), "datasets[" + i + "]", baseDir));
    }
    SplitSpec split = root.has("split") ? split(root.get("split")) : SplitSpec.leaveOneOut();
    List<String> defaultReprs = root.has("representations")
        ? representations(root.get("representations"), "representations") : List.of("id");
    JsonNode ms = required(root, "models", "spec");
    list(ms, "models");
    List<ModelEntry> entries = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      entries.add(model(ms.get(i), "models[" + i + "]", defaultReprs));
    }
    List<Long> seeds = new ArrayList<>();
    if (root.has("seeds")) {
      JsonNode s = root.get("seeds");
      list(s, "seeds");
      for (int i = 0; i < s.size(); i++) {
        if (!s.get(i).canConvertToLong() || !s.get(i).isIntegralNumber()) {
          throw new IllegalArgumentException("seeds[" + i + "]: expected an integer, found '"
              + s.get(i).asText() + "'");
        }
        seeds.add(s.get(i).asLong());
      }
    } else {
      seeds.add(42L);
    }
    List<String> protocols = new ArrayList<>();
    if (root.has("protocols")) {
      JsonNode p = root.get("protocols");
      list(p, "protocols");
      for (int i = 0; i < p.size(); i++) {
        String v = text(p.get(i), "protocols[" + i + "]");
        if (!ProtocolNames.ALL.contains(v)) {
          throw new IllegalArgumentException("protocols[" + i + "]: unknown protocol '" + v
              + "'; valid: " + String.join(", ", ProtocolNames.ALL));
        }
        protocols.add(v);
      }
    } else {
      protocols.add("full");
    }
    boolean mask = true;
    if (root.has("mask_history")) {
      JsonNode m = root.get("mask_history");
      if (!m.isBoolean()) {
        throw new IllegalArgumentException("mask_history: expected true or false, found '"
            + m.asText() + "'");
      }
      mask = m.asBoolean();
    }
    Duration budget = root.has("budget") ? duration(root.get("budget")) : Duration.ofMinutes(30);
    CostOptions cost = root.has("cost") ? cost(root.get("cost")) : CostOptions.defaults();
    return new BenchSpec(name, datasets, split, entries, seeds, protocols, mask, budget, cost);
  }

  private DatasetSpec dataset(JsonNode n, String field, Path base) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(field + ": expected a mapping with name and one of"
          + " path, import, synth");
    }
    checkKeys(n, field, Set.of("name", "path", "import", "synth"));
    String name = text(required(n, "name", field), field + ".name");
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("path", "import", "synth")) {
      if (n.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      throw new IllegalArgumentException(field + ": give exactly one of path, import, synth"
          + (kinds.isEmpty() ? "" : "; found " + kinds));
    }
    DatasetSource src = switch (kinds.getFirst()) {
      case "path" -> new DatasetSource.Prepared(resolve(base, text(n.get("path"),
          field + ".path")));
      case "import" -> {
        JsonNode im = n.get("import");
        String f = field + ".import";
        if (!im.isObject()) {
          throw new IllegalArgumentException(f + ": expected a mapping {format, from, options}");
        }
        checkKeys(im, f, Set.of("format", "from", "options"));
        String format = text(required(im, "format", f), f + ".format");
        try {
          dev.recompose.data.importer.ImporterRegistry.get(format);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(f + ".format: " + e.getMessage(), e);
        }
        yield new DatasetSource.Imported(format,
            resolve(base, text(required(im, "from", f), f + ".from")),
            im.has("options") ? stringMap(im.get("options"), f + ".options") : Map.of());
      }
      default -> {
        Map<String, String> opts = n.get("synth").isNull() ? Map.of()
            : stringMap(n.get("synth"), field + ".synth");
        try {
          dev.recompose.data.synth.SynthConfig.defaults().withOptions(opts);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(field + ".synth: " + e.getMessage(), e);
        }
        yield new DatasetSource.Synthetic(opts);
      }
    };
    try {
      return new DatasetSpec(name, src);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ".name: " + e.getMessage(), e);
    }
  }

  private static Path resolve(Path base, String p) {
    Path path = Path.of(p);
    return path.isAbsolute() || base == null ? path : base.resolve(path).normalize();
  }

  private SplitSpec split(JsonNode n) {
    if (n.isTextual()) {
      return new SplitSpec(n.asText(), Map.of(), SplitSpec.leaveOneOut().seed());
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException("split: expected a scheme name or a mapping"
          + " {scheme, params, seed}");
    }
    checkKeys(n, "split", Set.of("scheme", "params", "seed"));
    String scheme = text(required(n, "scheme", "split"), "split.scheme");
    long seed = SplitSpec.leaveOneOut().seed();
    if (n.has("seed")) {
      if (!n.get("seed").isIntegralNumber()) {
        throw new IllegalArgumentException("split.seed: expected an integer, found '"
            + n.get("seed").asText() + "'");
      }
      seed = n.get("seed").asLong();
    }
    Map<String, String> params = n.has("params") ? stringMap(n.get("params"), "split.params")
        : Map.of();
    try {
      dev.recompose.data.split.Splits.scheme(scheme);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("split.scheme: " + e.getMessage(), e);
    }
    return new SplitSpec(scheme, params, seed);
  }

  private ModelEntry model(JsonNode n, String field, List<String> defaultReprs) {
    String name;
    List<String> reprs = defaultReprs;
    Map<String, String> overrides = Map.of();
    if (n.isTextual()) {
      name = n.asText();
    } else if (n.isObject()) {
      checkKeys(n, field, Set.of("name", "representations", "overrides"));
      name = text(required(n, "name", field), field + ".name");
      if (n.has("representations")) {
        reprs = representations(n.get("representations"), field + ".representations");
      }
      if (n.has("overrides")) {
        overrides = stringMap(n.get("overrides"), field + ".overrides");
      }
    } else {
      throw new IllegalArgumentException(field + ": expected a model name or a mapping"
          + " {name, representations, overrides}");
    }
    if (!models.contains(name)) {
      throw new IllegalArgumentException((n.isTextual() ? field : field + ".name")
          + ": unknown model '" + name + "'; valid: " + String.join(", ", models));
    }
    return new ModelEntry(name, reprs, overrides);
  }

  private static List<String> representations(JsonNode n, String field) {
    list(n, field);
    if (n.isEmpty()) {
      throw new IllegalArgumentException(field + ": at least one representation; valid: "
          + String.join(", ", Representations.NAMES));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      out.add(Representations.check(field + "[" + i + "]", text(n.get(i), field + "[" + i
          + "]")));
    }
    return out;
  }

  private static CostOptions cost(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("cost: expected a mapping");
    }
    checkKeys(n, "cost", Set.of("latency_repeats", "warmup", "throughput_users", "batch_users"));
    CostOptions d = CostOptions.defaults();
    return new CostOptions(intField(n, "latency_repeats", d.latencyRepeats()),
        intField(n, "warmup", d.warmup()), intField(n, "throughput_users", d.throughputUsers()),
        intField(n, "batch_users", d.batchUsers()));
  }

  private static int intField(JsonNode n, String key, int def) {
    if (!n.has(key)) {
      return def;
    }
    JsonNode v = n.get(key);
    if (!v.isInt()) {
      throw new IllegalArgumentException("cost." + key + ": expected an integer, found '"
          + v.asText() + "'");
    }
    return v.asInt();
  }

  /** Parses {@code 90}, {@code 90s}, {@code 10m} or {@code 1h}. */
  static Duration duration(JsonNode n) {
    String s = n.asText().trim();
    String expected = "a duration such as 90s, 10m, 1h or a number of seconds";
    if (!n.isNumber() && !n.isTextual()) {
      throw new IllegalArgumentException("budget: expected " + expected);
    }
    try {
      if (n.isNumber() || s.matches("\\d+(\\.\\d+)?")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
      }
      if (s.matches("\\d+(\\.\\d+)?[smh]")) {
        double v = Double.parseDouble(s.substring(0, s.length() - 1));
        double mul = switch (s.charAt(s.length() - 1)) {
          case 's' -> 1;
          case 'm' -> 60;
          default -> 3600;
        };
        return Duration.ofMillis(Math.round(v * mul * 1000));
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("budget: expected " + expected + ", found '" + s + "'");
  }

  private static JsonNode required(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException((where.equals("spec") ? "" : where + ".") + key
          + ": missing (required)");
    }
    return v;
  }

  private static void list(JsonNode n, String field) {
    if (!n.isArray()) {
      throw new IllegalArgumentException(field + ": expected a list");
    }
  }

  private static String text(JsonNode n, String field) {
    if (n == null || !n.isValueNode() || n.isNull() || n.asText().isBlank()) {
      throw new IllegalArgumentException(field + ": expected a non-empty text value");
    }
    return n.asText();
  }

  private static Map<String, String> stringMap(JsonNode n, String field) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(field + ": expected a mapping of key: value");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = e.getValue();
      out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
    }
    return out;
  }

  private static void checkKeys(JsonNode n, String where, Set<String> valid) {
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!valid.contains(k)) {
        throw new IllegalArgumentException(where + ": unknown field '" + k + "'; valid: "
            + String.join(", ", new TreeSet<>(valid)));
      }
    }
  }
}
