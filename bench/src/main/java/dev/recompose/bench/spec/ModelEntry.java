package dev.recompose.bench.spec;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One model of a benchmark spec: its recipe name, the representations it is run with, and
 * settings that override the recipe's defaults.
 *
 * <p>It exists so that the grid is explicit: every (model, representation) pair is a row of the
 * leaderboard, as RecBench compares each model over the four item forms.
 *
 * @param representations item representations for this model; never empty
 * @param overrides recipe settings, {@code key -> value} as on the command line ({@code --set})
 */
public record ModelEntry(String name, List<String> representations,
    Map<String, String> overrides) {
  public ModelEntry {
    Objects.requireNonNull(name, "name");
    representations = List.copyOf(representations);
    if (representations.isEmpty()) {
      throw new IllegalArgumentException("model " + name + ": no representations");
    }
    overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
  }
}
