package dev.recompose.bench.spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a benchmark dataset comes from: a prepared directory, an import recipe, or the
 * synthetic generator.
 *
 * <p>It exists so that a spec can name a dataset the way a user has it (BARS' point that a
 * leaderboard is only useful when anyone can rebuild its inputs: the recipe travels with the
 * spec), and the runner prepares it once, resumably, under the bench directory.
 */
public sealed interface DatasetSource {
  /** A directory that already holds a Recompose dataset ({@code manifest.json}). */
  record Prepared(Path dir) implements DatasetSource {
    public Prepared {
      Objects.requireNonNull(dir, "dir");
    }
  }

  /**
   * Run importer {@code format} on {@code from} with {@code options} (as
   * {@code recompose data import}).
   */
  record Imported(String format, Path from, Map<String, String> options) implements DatasetSource {
    public Imported {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(from, "from");
      options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
  }

  /** The synthetic generator with {@code options} over its defaults (names as in SynthConfig). */
  record Synthetic(Map<String, String> options) implements DatasetSource {
    public Synthetic {
      options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
  }
}
