package dev.recompose.models.recipe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in sequential recipes ({@code recipes/seq/NAME.yaml} on the class path) and YAML
 * reading and writing of {@link Recipe}s.
 *
 * <p>It exists so that the CLI, the benchmark runner and tests name models by the same
 * lower-case names, and so that a recipe file is plain YAML a user can copy and edit: a flat
 * map of settings whose comments cite where each default comes from (REFERENCES-seqrec).
 */
public final class Recipes {
  /** Every built-in sequential recipe, in the order tables list them. */
  public static final List<String> NAMES = List.of("pop", "itemknn", "bprmf", "gru4rec", "caser",
      "sasrec", "sasrec-ce", "bert4rec");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private Recipes() {}

  /** The built-in recipe {@code name}; an unknown name fails listing the valid ones. */
  public static Recipe load(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown model '" + name + "'; valid: "
          + String.join(", ", NAMES));
    }
    String res = "/recipes/seq/" + name + ".yaml";
    try (InputStream in = Recipes.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("built-in recipe " + res + " is missing from the jar");
      }
      return parse(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + res, e);
    }
  }

  /** A recipe from YAML text: a flat map of settings. */
  @SuppressWarnings("unchecked")
  public static Recipe parse(String name, String yaml) {
    Object tree;
    try {
      tree = YAML.readValue(yaml, Object.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("recipe '" + name + "' is not valid YAML: "
          + e.getMessage(), e);
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("recipe '" + name + "' must be a YAML map of settings");
    }
    return new Recipe(name, (Map<String, Object>) map);
  }

  /** Reads a recipe file; the recipe name is the file name without {@code .yaml}. */
  public static Recipe read(Path file) throws IOException {
    String fn = file.getFileName().toString();
    String name = fn.endsWith(".yaml") ? fn.substring(0, fn.length() - 5) : fn;
    return parse(name, Files.readString(file));
  }

  /** YAML text of {@code values} (settings in order). */
  public static String toYaml(Map<String, ?> values) {
    try {
      return YAML.writeValueAsString(new LinkedHashMap<>(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code key=value} command-line overrides, keeping their order. */
  public static Map<String, String> overrides(List<String> assignments) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String a : assignments) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("override '" + a + "' is not key=value");
      }
      String key = a.substring(0, eq).strip();
      if (out.put(key, a.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("key '" + key + "' is set twice");
      }
    }
    return out;
  }
}
