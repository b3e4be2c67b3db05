package dev.recompose.bench.spec;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A benchmark: datasets x models (with their representations) x protocols x seeds, one split for
 * all datasets, a time budget per run and how cost is measured.
 *
 * <p>It exists as the reproducible unit of comparison: BARS ("BARS: Towards Open Benchmarking
 * for Recommender Systems", SIGIR 2022) publishes a configuration per leaderboard entry, and
 * RecBench runs a fixed grid of models x item forms; a spec file is both. Read one with
 * {@link SpecParser}, write one with {@link SpecWriter}.
 *
 * @param maskHistory full ranking: exclude the user's input items from the candidates
 * @param budget wall-clock limit of one run (training, evaluation and cost measurement)
 */
public record BenchSpec(String name, List<DatasetSpec> datasets, SplitSpec split,
    List<ModelEntry> models, List<Long> seeds, List<String> protocols, boolean maskHistory,
    Duration budget, CostOptions cost) {
  public BenchSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(cost, "cost");
    datasets = List.copyOf(datasets);
    models = List.copyOf(models);
    seeds = List.copyOf(seeds);
    protocols = List.copyOf(protocols);
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("datasets: at least one dataset is needed");
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("models: at least one model is needed");
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds: at least one seed is needed");
    }
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("protocols: at least one protocol is needed");
    }
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive, got " + budget);
    }
    Set<String> names = new HashSet<>();
    for (DatasetSpec d : datasets) {
      if (!names.add(d.name())) {
        throw new IllegalArgumentException("datasets: name '" + d.name() + "' used twice");
      }
    }
  }
}
