package dev.recompose.bench.quickstart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code recompose quickstart} runs on and where it writes.
 *
 * <p>It exists so that the command's flags map one to one onto a record: {@code --data DIR}
 * ({@link #data}, null = generate the synthetic dataset), {@code --out DIR} ({@link #out}).
 *
 * @param data a prepared dataset directory, or null for the synthetic default
 * @param out where datasets, runs, the leaderboard and the report go
 * @param synthOptions options over the synthetic defaults (names as in {@code SynthConfig}),
 *     used only when {@code data} is null
 * @param seeds the seeds of every run
 * @param budget time budget per run
 */
public record QuickstartOptions(Path data, Path out, Map<String, String> synthOptions,
    List<Long> seeds, Duration budget) {
  public QuickstartOptions {
    Objects.requireNonNull(out, "out");
    synthOptions = Collections.unmodifiableMap(new TreeMap<>(synthOptions));
    seeds = List.copyOf(seeds);
    Objects.requireNonNull(budget, "budget");
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds: at least one seed");
    }
  }

  /** The synthetic default (2,000 users, 1,000 items), seed 42, 10 minutes per run, into {@code out}. */
  public static QuickstartOptions defaults(Path out) {
    return new QuickstartOptions(null, out, Map.of(), List.of(42L), Duration.ofMinutes(10));
  }

  /** These options on the prepared dataset {@code dir} ({@code --data}). */
  public QuickstartOptions withData(Path dir) {
    return new QuickstartOptions(dir, out, synthOptions, seeds, budget);
  }

  /** These options with synthetic-generator options (smaller data in tests). */
  public QuickstartOptions withSynthOptions(Map<String, String> options) {
    return new QuickstartOptions(data, out, options, seeds, budget);
  }
}
