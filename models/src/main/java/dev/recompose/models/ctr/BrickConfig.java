package dev.recompose.models.ctr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The YAML settings of one brick: its registered {@code name} and typed parameters with
 * defaults.
 *
 * <p>It exists so that a brick reads its own settings ({@code hidden: [400, 400, 400]},
 * {@code dropout: 0.2}) from a recipe without a schema class per brick, failing with the brick
 * and key named when a value has the wrong type.
 *
 * @param name the brick's name in {@link BrickRegistry}
 * @param params the other keys of the brick's YAML mapping
 */
public record BrickConfig(String name, Map<String, Object> params) {
  public BrickConfig {
    Objects.requireNonNull(name, "brick name");
    params = params == null ? Map.of() : new LinkedHashMap<>(params);
  }

  /** Parses a YAML node: a bare name or a mapping with a {@code name} key. */
  @SuppressWarnings("unchecked")
  public static BrickConfig of(Object node, String where) {
    if (node instanceof String s) {
      return new BrickConfig(s, Map.of());
    }
    if (node instanceof Map<?, ?> m) {
      Object n = m.get("name");
      if (!(n instanceof String s)) {
        throw new IllegalArgumentException(where + ": a brick needs a 'name', got " + m);
      }
      Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) m);
      p.remove("name");
      return new BrickConfig(s, p);
    }
    throw new IllegalArgumentException(where + ": expected a brick name or mapping, got " + node);
  }

  private IllegalArgumentException bad(String key, String want, Object got) {
    return new IllegalArgumentException(
        "brick '" + name + "': '" + key + "' must be " + want + ", got " + got);
  }

  /** An integer parameter. */
  public int getInt(String key, int fallback) {
    Object v = params.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw bad(key, "an integer", v);
  }

  /** A float parameter. */
  public float getFloat(String key, float fallback) {
    Object v = params.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.floatValue();
    }
    throw bad(key, "a number", v);
  }

  /** A string parameter. */
  public String getString(String key, String fallback) {
    Object v = params.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    throw bad(key, "a string", v);
  }

  /** A boolean parameter. */
  public boolean getBool(String key, boolean fallback) {
    Object v = params.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw bad(key, "true or false", v);
  }

  /** A list of integers (a single integer is a list of one). */
  public int[] getInts(String key, int[] fallback) {
    Object v = params.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number) {
      return new int[] {getInt(key, 0)};
    }
    if (v instanceof List<?> l) {
      int[] out = new int[l.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(l.get(i) instanceof Number n)) {
          throw bad(key, "a list of integers", v);
        }
        out[i] = n.intValue();
      }
      return out;
    }
    throw bad(key, "a list of integers", v);
  }

  /** A list of strings (a single string is a list of one). */
  public List<String> getStrings(String key, List<String> fallback) {
    Object v = params.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      for (Object o : l) {
        if (!(o instanceof String s)) {
          throw bad(key, "a list of strings", v);
        }
        out.add(s);
      }
      return out;
    }
    throw bad(key, "a list of strings", v);
  }
}
