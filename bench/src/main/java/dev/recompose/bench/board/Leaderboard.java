package dev.recompose.bench.board;

import dev.recompose.bench.run.BenchIndex;
import dev.recompose.bench.run.Cost;
import dev.recompose.bench.run.RunRecord;
import dev.recompose.bench.run.RunStatus;
import dev.recompose.bench.spec.ProtocolNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The leaderboard of a bench directory: one row per (dataset, protocol, model, representation),
 * metrics and cost as mean ± std over seeds, the best row per (dataset, protocol) marked, and
 * the failed runs with their reasons.
 *
 * <p>It exists as the deliverable of a benchmark, after BARS' open leaderboards and RecBench's
 * quality-and-cost tables. Rows are ordered by dataset (as first run), protocol, then primary
 * metric descending ({@link #primaryMetric}: NDCG@10 for ranking protocols, AUC for
 * {@code ctr-logged}; higher is better for both).
 */
public final class Leaderboard {
  /** Cost columns, in display order, with how to read each from a run's {@link Cost}. */
  public static final Map<String, Function<Cost, Number>> COST_COLUMNS;

  static {
    Map<String, Function<Cost, Number>> m = new LinkedHashMap<>();
    m.put("train_s", Cost::trainSeconds);
    m.put("s_per_epoch", Cost::secondsPerEpoch);
    m.put("samples_per_s", Cost::samplesPerSecond);
    m.put("latency_p50_ms", Cost::latencyP50Ms);
    m.put("latency_p99_ms", Cost::latencyP99Ms);
    m.put("users_per_s", Cost::usersPerSecond);
    m.put("parameters", Cost::parameters);
    m.put("peak_heap_mib", Cost::peakHeapMiB);
    COST_COLUMNS = java.util.Collections.unmodifiableMap(m);
  }

  private final List<LeaderboardRow> rows;
  private final List<RunRecord> failures;
  private final List<RunRecord> succeeded;

  private Leaderboard(List<LeaderboardRow> rows, List<RunRecord> failures,
      List<RunRecord> succeeded) {
    this.rows = List.copyOf(rows);
    this.failures = List.copyOf(failures);
    this.succeeded = List.copyOf(succeeded);
  }

  /** The metric that ranks rows under {@code protocol}. */
  public static String primaryMetric(String protocol) {
    return ProtocolNames.isRanking(protocol) ? "NDCG@10" : "auc";
  }

  /** The metrics shown for {@code protocol}, primary first. */
  public static List<String> shownMetrics(String protocol) {
    return ProtocolNames.isRanking(protocol) ? List.of("NDCG@10", "HR@10", "MRR@10")
        : List.of("auc", "gauc", "logloss");
  }

  /** The leaderboard of {@code benchDir}'s index. */
  public static Leaderboard read(Path benchDir) throws IOException {
    if (!BenchIndex.exists(benchDir)) {
      throw new IllegalArgumentException(benchDir + " is not a bench directory (no "
          + BenchIndex.NAME + "); run a spec into it first");
    }
    return of(BenchIndex.open(benchDir).all());
  }

  /** The leaderboard of {@code records}. */
  public static Leaderboard of(List<RunRecord> records) {
    Objects.requireNonNull(records, "records");
    Map<List<String>, List<RunRecord>> ok = new LinkedHashMap<>();
    Map<List<String>, Integer> failed = new LinkedHashMap<>();
    List<RunRecord> failures = new ArrayList<>();
    List<RunRecord> succeeded = new ArrayList<>();
    for (RunRecord r : records) {
      List<String> key = List.of(r.spec().dataset(), r.spec().protocol(), r.spec().model(),
          r.spec().representation());
      if (r.status() == RunStatus.OK) {
        ok.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        succeeded.add(r);
      } else if (r.status() == RunStatus.FAILED) {
        failed.merge(key, 1, Integer::sum);
        ok.computeIfAbsent(key, k -> new ArrayList<>());
        failures.add(r);
      }
    }
    List<String> datasets = new ArrayList<>();
    List<LeaderboardRow> rows = new ArrayList<>();
    for (Map.Entry<List<String>, List<RunRecord>> e : ok.entrySet()) {
      List<String> k = e.getKey();
      if (!datasets.contains(k.get(0))) {
        datasets.add(k.get(0));
      }
      Map<String, Stat> metrics = new LinkedHashMap<>();
      Map<String, List<Double>> mv = new LinkedHashMap<>();
      for (RunRecord r : e.getValue()) {
        r.metrics().forEach((name, v) -> mv.computeIfAbsent(name, x -> new ArrayList<>()).add(v));
      }
      mv.forEach((name, vs) -> metrics.put(name, Stat.of(vs)));
      Map<String, Stat> cost = new LinkedHashMap<>();
      for (Map.Entry<String, Function<Cost, Number>> c : COST_COLUMNS.entrySet()) {
        List<Double> vs = new ArrayList<>();
        for (RunRecord r : e.getValue()) {
          Number n = c.getValue().apply(r.cost());
          if (n != null) {
            vs.add(n.doubleValue());
          }
        }
        if (!vs.isEmpty()) {
          cost.put(c.getKey(), Stat.of(vs));
        }
      }
      rows.add(new LeaderboardRow(k.get(0), k.get(1), k.get(2), k.get(3), e.getValue().size(),
          failed.getOrDefault(k, 0), metrics, cost, false));
    }
    rows.sort(Comparator.<LeaderboardRow>comparingInt(r -> datasets.indexOf(r.dataset()))
        .thenComparingInt(r -> protocolOrder(r.protocol()))
        .thenComparing(r -> r.primary() == null ? Double.NEGATIVE_INFINITY : r.primary().mean(),
            Comparator.reverseOrder())
        .thenComparing(LeaderboardRow::model)
        .thenComparing(LeaderboardRow::representation));
    List<LeaderboardRow> marked = new ArrayList<>();
    for (LeaderboardRow r : rows) {
      LeaderboardRow first = rows.stream().filter(x -> x.dataset().equals(r.dataset())
          && x.protocol().equals(r.protocol()) && x.primary() != null).findFirst().orElse(null);
      boolean best = r.primary() != null && first != null
          && r.primary().mean() == first.primary().mean();
      marked.add(r.withBest(best));
    }
    return new Leaderboard(marked, failures, succeeded);
  }

  private static int protocolOrder(String p) {
    int i = ProtocolNames.ALL.indexOf(p);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** The rows, ordered. */
  public List<LeaderboardRow> rows() {
    return rows;
  }

  /** The failed runs, in index order. */
  public List<RunRecord> failures() {
    return failures;
  }

  /** The successful runs, in index order (for per-run charts). */
  public List<RunRecord> succeeded() {
    return succeeded;
  }

  /** The (dataset, protocol) pairs, in row order. */
  public List<List<String>> sections() {
    List<List<String>> out = new ArrayList<>();
    for (LeaderboardRow r : rows) {
      List<String> k = List.of(r.dataset(), r.protocol());
      if (!out.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** The rows of one section. */
  public List<LeaderboardRow> rows(String dataset, String protocol) {
    return rows.stream().filter(r -> r.dataset().equals(dataset)
        && r.protocol().equals(protocol)).toList();
  }
}
