package dev.recompose.data.split;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parses a scheme's {@code key=value} parameters, fills defaults and remembers the resolved
 * values for {@link dev.recompose.data.store.SplitInfo#params()}.
 *
 * <p>It exists so that every scheme rejects unknown or malformed parameters with the same kind
 * of message (naming the scheme, the parameter and what was expected).
 */
final class SplitParams {
  private final String scheme;
  private final Map<String, String> given;
  private final Map<String, String> resolved = new TreeMap<>();

  SplitParams(String scheme, Map<String, String> options, Map<String, String> given) {
    this.scheme = scheme;
    this.given = given == null ? Map.of() : given;
    for (String k : this.given.keySet()) {
      if (!options.containsKey(k)) {
        throw new IllegalArgumentException("unknown option '" + k + "' for split scheme "
            + scheme + "; valid: " + new TreeSet<>(options.keySet()));
      }
    }
  }

  private IllegalArgumentException bad(String key, String expected, String found) {
    return new IllegalArgumentException(
        "split scheme " + scheme + ": option " + key + ": expected " + expected + ", found '"
            + found + "'");
  }

  String string(String key, String def, String... allowed) {
    String v = given.getOrDefault(key, def).trim();
    if (allowed.length > 0 && !Arrays.asList(allowed).contains(v)) {
      throw bad(key, "one of " + Arrays.toString(allowed), v);
    }
    resolved.put(key, v);
    return v;
  }

  int integer(String key, int def, int min) {
    String v = given.getOrDefault(key, Integer.toString(def)).trim();
    int x;
    try {
      x = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(key, "an integer >= " + min, v);
    }
    if (x < min) {
      throw bad(key, "an integer >= " + min, v);
    }
    resolved.put(key, Integer.toString(x));
    return x;
  }

  double number(String key, double def, double min, double max) {
    String v = given.getOrDefault(key, Double.toString(def)).trim();
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(key, "a number in [" + min + ", " + max + "]", v);
    }
    if (!(x >= min && x <= max)) {
      throw bad(key, "a number in [" + min + ", " + max + "]", v);
    }
    resolved.put(key, Double.toString(x));
    return x;
  }

  boolean bool(String key, boolean def) {
    String v = given.getOrDefault(key, Boolean.toString(def)).trim();
    if (!v.equals("true") && !v.equals("false")) {
      throw bad(key, "true or false", v);
    }
    resolved.put(key, v);
    return Boolean.parseBoolean(v);
  }

  /** Three non-negative fractions (train, valid, test) that sum to 1 (within 1e-6). */
  double[] ratios(String key, String def) {
    String v = given.getOrDefault(key, def).trim();
    String[] parts = v.split(",");
    String expected = "three comma-separated fractions train,valid,test summing to 1";
    if (parts.length != 3) {
      throw bad(key, expected, v);
    }
    double[] r = new double[3];
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      try {
        r[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw bad(key, expected, v);
      }
      if (!(r[i] >= 0)) {
        throw bad(key, expected, v);
      }
      sum += r[i];
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw bad(key, expected, v);
    }
    resolved.put(key, v);
    return r;
  }

  /** Records that {@code key}, when given, had no effect on this dataset, and why. */
  void unused(String key, String why) {
    if (given.containsKey(key)) {
      resolved.put(key, given.get(key) + " (ignored: " + why + ")");
    }
  }

  /** Records a fact about the run (not a parameter) alongside the parameters. */
  void note(String key, Object value) {
    resolved.put(key, String.valueOf(value));
  }

  Map<String, String> resolved() {
    return resolved;
  }
}
