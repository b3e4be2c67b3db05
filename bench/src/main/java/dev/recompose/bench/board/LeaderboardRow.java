package dev.recompose.bench.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One leaderboard line: a (dataset, protocol, model, representation) group with its metrics and
 * cost aggregated over seeds.
 *
 * <p>It exists as the unit RecBench's tables compare (a model with an item form on a dataset)
 * with quality and cost side by side.
 *
 * @param runs successful runs aggregated (one per seed)
 * @param failed failed runs of the group (not aggregated)
 * @param metrics per metric name, over seeds
 * @param cost per cost column name (see {@link Leaderboard#COST_COLUMNS}), over seeds
 * @param best whether this row has the best primary metric of its dataset and protocol
 */
public record LeaderboardRow(String dataset, String protocol, String model, String representation,
    int runs, int failed, Map<String, Stat> metrics, Map<String, Stat> cost, boolean best) {
  public LeaderboardRow {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(representation, "representation");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    cost = Collections.unmodifiableMap(new LinkedHashMap<>(cost));
  }

  /** The primary metric of this row's protocol, or null when no run succeeded. */
  public Stat primary() {
    return metrics.get(Leaderboard.primaryMetric(protocol));
  }

  /** A copy with {@code best} set. */
  LeaderboardRow withBest(boolean b) {
    return new LeaderboardRow(dataset, protocol, model, representation, runs, failed, metrics,
        cost, b);
  }
}
