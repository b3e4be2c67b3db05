package dev.recompose.models.ctr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recompose.models.ctr.data.CtrDataOptions;
import dev.recompose.models.ctr.train.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named CTR model recipe: the bricks, the data options and the training settings, read from
 * YAML ({@code recipes/ctr/<name>.yaml} on the class path, or a file), with {@code --set
 * a.b.c=value} overrides.
 *
 * <p>It exists so that {@code recompose train --model deepfm} and a user's own YAML are the same
 * thing, and so that the exact settings of a run can be printed and hashed. Keys:
 * {@code name}, {@code paper}, {@code model} ({@link ModelSpec}), {@code data}
 * ({@code positive_rating}, {@code sampled_negatives}, {@code recbench_cap}, {@code cap_per_class},
 * {@code valid_ratio}, {@code test_ratio}, {@code feedback}), {@code train} ({@link TrainConfig}).
 *
 * @param name recipe name
 * @param paper the paper the recipe follows
 * @param tree the whole YAML tree after overrides
 */
public record CtrRecipe(String name, String paper, Map<String, Object> tree) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The built-in recipe names. */
  public static final List<String> BUILT_IN =
      List.of("lr", "dnn", "deepfm", "dcn", "dcnv2", "din", "finalmlp", "nrms", "naml", "lstur");

  /** A built-in recipe by name, or a YAML file when {@code nameOrPath} ends in .yaml/.yml. */
  public static CtrRecipe load(String nameOrPath) throws IOException {
    Objects.requireNonNull(nameOrPath, "recipe");
    if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
      try (InputStream in = Files.newInputStream(Path.of(nameOrPath))) {
        return parse(in, nameOrPath);
      }
    }
    String res = "/recipes/ctr/" + nameOrPath + ".yaml";
    try (InputStream in = CtrRecipe.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalArgumentException("unknown CTR recipe '" + nameOrPath + "'; built in: "
            + BUILT_IN + " (or pass a .yaml file)");
      }
      return parse(in, res);
    }
  }

  @SuppressWarnings("unchecked")
  private static CtrRecipe parse(InputStream in, String where) throws IOException {
    Object root = YAML.readValue(in, Object.class);
    if (!(root instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(where + ": a recipe is a YAML mapping");
    }
    Map<String, Object> tree = deepCopy((Map<String, Object>) m);
    Object name = tree.get("name");
    if (!(name instanceof String n)) {
      throw new IllegalArgumentException(where + ": recipe needs a 'name'");
    }
    CtrRecipe r = new CtrRecipe(n, String.valueOf(tree.getOrDefault("paper", "")), tree);
    r.checkKeys();
    r.model();
    r.train();
    return r;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, copy(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> mm) {
      return deepCopy((Map<String, Object>) mm);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    return v;
  }

  /**
   * This recipe with {@code key=value} overrides applied; keys are dotted paths
   * ({@code train.epochs}, {@code model.predictor.hidden}, {@code model.item.0.encoder}) and
   * values YAML scalars or flow collections ({@code [64, 64]}).
   */
  @SuppressWarnings("unchecked")
  public CtrRecipe with(Map<String, String> overrides) {
    Map<String, Object> tree = deepCopy(this.tree);
    for (var e : overrides.entrySet()) {
      String[] path = e.getKey().split("\\.");
      Object value;
      try {
        value = YAML.readValue(e.getValue(), Object.class);
      } catch (IOException ex) {
        throw new IllegalArgumentException("--set " + e.getKey() + ": unreadable value '"
            + e.getValue() + "'", ex);
      }
      Object node = tree;
      for (int i = 0; i < path.length - 1; i++) {
        node = step(node, path[i], e.getKey(), true);
      }
      String last = path[path.length - 1];
      if (node instanceof Map<?, ?> m) {
        ((Map<String, Object>) m).put(last, value);
      } else if (node instanceof List<?> l && last.matches("\\d+")) {
        ((List<Object>) l).set(Integer.parseInt(last), value);
      } else {
        throw new IllegalArgumentException("--set " + e.getKey() + ": cannot set '" + last
            + "' inside " + node);
      }
    }
    CtrRecipe r = new CtrRecipe(String.valueOf(tree.get("name")),
        String.valueOf(tree.getOrDefault("paper", "")), tree);
    r.checkKeys();
    r.model();
    r.train();
    return r;
  }

  @SuppressWarnings("unchecked")
  private static Object step(Object node, String key, String full, boolean create) {
    if (node instanceof Map<?, ?> m) {
      Object next = m.get(key);
      if (next instanceof String s) {
        // a bare brick name becomes a mapping so that its parameters can be set
        next = new LinkedHashMap<String, Object>(Map.of("name", s));
        ((Map<String, Object>) m).put(key, next);
      }
      if (next == null && create) {
        next = new LinkedHashMap<String, Object>();
        ((Map<String, Object>) m).put(key, next);
      }
      return next;
    }
    if (node instanceof List<?> l && key.matches("\\d+") && Integer.parseInt(key) < l.size()) {
      Object next = l.get(Integer.parseInt(key));
      if (next instanceof String s) {
        next = new LinkedHashMap<String, Object>(Map.of("name", s));
        ((List<Object>) l).set(Integer.parseInt(key), next);
      }
      return next;
    }
    throw new IllegalArgumentException("--set " + full + ": no '" + key + "' in " + node);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String key) {
    Object v = tree.get(key);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("recipe " + name + ": '" + key + "' must be a mapping");
  }

  /** The bricks. */
  public ModelSpec model() {
    if (!tree.containsKey("model")) {
      throw new IllegalArgumentException("recipe " + name + " has no 'model' section");
    }
    return ModelSpec.parse(section("model"));
  }

  /** The training settings. */
  public TrainConfig train() {
    return TrainConfig.parse(section("train"));
  }

  private static final List<String> SECTIONS = List.of("name", "paper", "model", "data", "train");
  private static final List<String> DATA_KEYS = List.of("positive_rating", "sampled_negatives",
      "recbench_cap", "cap_per_class", "valid_ratio", "test_ratio", "feedback");

  /** Fails on a key no part of the recipe reads (a typo in YAML or in {@code --set}). */
  private void checkKeys() {
    for (String k : tree.keySet()) {
      if (!SECTIONS.contains(k)) {
        throw new IllegalArgumentException("recipe " + name + ": unknown key '" + k + "'; valid: "
            + SECTIONS);
      }
    }
    for (String k : section("data").keySet()) {
      if (!DATA_KEYS.contains(k)) {
        throw new IllegalArgumentException("recipe " + name + ": unknown key data." + k
            + "; valid: " + DATA_KEYS);
      }
    }
  }

  /** The data options, on top of {@link CtrDataOptions#defaults()} with the training seed. */
  public CtrDataOptions data() {
    Map<String, Object> d = section("data");
    CtrDataOptions def = CtrDataOptions.defaults();
    return new CtrDataOptions(
        num(d, "positive_rating", def.positiveRating()).floatValue(),
        num(d, "sampled_negatives", def.sampledNegatives()).intValue(),
        Boolean.TRUE.equals(d.getOrDefault("recbench_cap", false)),
        num(d, "cap_per_class", def.capPerClass()).intValue(),
        num(d, "valid_ratio", def.validRatio()).doubleValue(),
        num(d, "test_ratio", def.testRatio()).doubleValue(),
        train().seed(),
        String.valueOf(d.getOrDefault("feedback", def.feedback())));
  }

  private Number num(Map<String, Object> d, String k, Number def) {
    Object v = d.get(k);
    if (v == null) {
      return def;
    }
    if (v instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException("recipe " + name + ": data." + k + " must be a number, got "
        + v);
  }

  /** The tree as YAML text (what was run). */
  public String toYaml() {
    try {
      return YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
