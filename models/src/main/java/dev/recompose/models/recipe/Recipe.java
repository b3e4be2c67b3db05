package dev.recompose.models.recipe;

import dev.recompose.models.results.ConfigHash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A named, immutable model configuration: an ordered map from setting name to a typed value
 * (int, double, boolean, string, or a list of one of these), read from a YAML recipe.
 *
 * <p>It exists so that every run is described by one value that can be printed, written to
 * {@code config.yaml}, hashed ({@link #hash()}, the canonical-JSON sha256 of {@link ConfigHash})
 * and overridden from the command line ({@link #with}) with type checking: an override keeps the
 * type of the recipe's default, and an unknown key is an error listing the valid ones, so a typo
 * never silently trains the default.
 *
 * @param name the recipe name, e.g. {@code sasrec}
 * @param values every setting, in recipe order; key {@code model} names the model class
 */
public record Recipe(String name, Map<String, Object> values) {
  public Recipe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      copy.put(e.getKey(), normalise(name, e.getKey(), e.getValue()));
    }
    if (!(copy.get("model") instanceof String)) {
      throw new IllegalArgumentException("recipe '" + name + "' has no string key 'model'");
    }
    values = Collections.unmodifiableMap(copy);
  }

  private static Object normalise(String recipe, String key, Object v) {
    return switch (v) {
      case null -> throw new IllegalArgumentException("recipe '" + recipe + "': key '" + key
          + "' has no value");
      case Integer i -> i;
      case Long l when l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE -> l.intValue();
      case Short s -> s.intValue();
      case Double d -> d;
      case Float f -> Double.valueOf(f.toString());
      case java.math.BigDecimal b -> b.doubleValue();
      case Boolean b -> b;
      case String s -> s;
      case List<?> list -> {
        List<Object> out = new ArrayList<>();
        for (Object o : list) {
          Object n = normalise(recipe, key, o);
          if (n instanceof List) {
            throw new IllegalArgumentException("recipe '" + recipe + "': key '" + key
                + "' nests lists, which recipes do not support");
          }
          out.add(n);
        }
        yield List.copyOf(out);
      }
      default -> throw new IllegalArgumentException("recipe '" + recipe + "': key '" + key
          + "' has unsupported value " + v + " (" + v.getClass().getSimpleName()
          + "); use numbers, booleans, strings or lists of them");
    };
  }

  /** The model this recipe builds (value of key {@code model}). */
  public String model() {
    return (String) values.get("model");
  }

  /** Whether the recipe has setting {@code key}. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** A copy with {@code overrides} applied, each value parsed to the type of the default. */
  public Recipe with(Map<String, String> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    if (overrides.isEmpty()) {
      return this;
    }
    LinkedHashMap<String, Object> next = new LinkedHashMap<>(values);
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      String key = e.getKey();
      Object def = values.get(key);
      if (def == null) {
        throw new IllegalArgumentException("unknown key '" + key + "' for recipe '" + name
            + "'; valid keys: " + String.join(", ", values.keySet()));
      }
      if (key.equals("model")) {
        throw new IllegalArgumentException("key 'model' cannot be overridden; choose another"
            + " recipe (" + String.join(", ", Recipes.NAMES) + ")");
      }
      next.put(key, parse(key, def, e.getValue()));
    }
    return new Recipe(name, next);
  }

  private Object parse(String key, Object def, String text) {
    Objects.requireNonNull(text, () -> "override of '" + key + "' has no value");
    String t = text.strip();
    if (def instanceof List<?> list) {
      String body = t;
      if (body.startsWith("[") && body.endsWith("]")) {
        body = body.substring(1, body.length() - 1);
      }
      Object elem = list.isEmpty() ? "" : list.get(0);
      List<Object> out = new ArrayList<>();
      if (!body.isBlank()) {
        for (String part : body.split(",")) {
          out.add(scalar(key, elem, part.strip()));
        }
      }
      return List.copyOf(out);
    }
    return scalar(key, def, t);
  }

  private Object scalar(String key, Object def, String t) {
    try {
      return switch (def) {
        case Integer i -> Integer.parseInt(t);
        case Double d -> {
          double v = Double.parseDouble(t);
          if (!Double.isFinite(v)) {
            throw new NumberFormatException("not finite");
          }
          yield v;
        }
        case Boolean b -> switch (t.toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new NumberFormatException("not a boolean");
        };
        default -> t;
      };
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("key '" + key + "' of recipe '" + name + "' expects "
          + typeName(def) + ", got '" + t + "'");
    }
  }

  private static String typeName(Object def) {
    return switch (def) {
      case Integer i -> "an integer";
      case Double d -> "a number";
      case Boolean b -> "true or false";
      default -> "a string";
    };
  }

  private Object get(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("recipe '" + name + "' has no key '" + key
          + "'; valid keys: " + String.join(", ", values.keySet()));
    }
    return v;
  }

  /** An integer setting. */
  public int getInt(String key) {
    if (get(key) instanceof Integer i) {
      return i;
    }
    throw wrongType(key, "an integer");
  }

  /** A numeric setting (an integer value is widened). */
  public double getDouble(String key) {
    return switch (get(key)) {
      case Double d -> d;
      case Integer i -> i;
      default -> throw wrongType(key, "a number");
    };
  }

  /** A boolean setting. */
  public boolean getBool(String key) {
    if (get(key) instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, "a boolean");
  }

  /** A string setting. */
  public String getString(String key) {
    if (get(key) instanceof String s) {
      return s;
    }
    throw wrongType(key, "a string");
  }

  /** A list of integers. */
  public List<Integer> getIntList(String key) {
    if (get(key) instanceof List<?> l) {
      List<Integer> out = new ArrayList<>();
      for (Object o : l) {
        if (!(o instanceof Integer i)) {
          throw wrongType(key, "a list of integers");
        }
        out.add(i);
      }
      return List.copyOf(out);
    }
    throw wrongType(key, "a list of integers");
  }

  private IllegalArgumentException wrongType(String key, String want) {
    return new IllegalArgumentException("recipe '" + name + "': key '" + key + "' is "
        + values.get(key) + ", expected " + want);
  }

  /** The sha256 of the canonical JSON of {@link #values()}. */
  public String hash() {
    return ConfigHash.of(values);
  }
}
