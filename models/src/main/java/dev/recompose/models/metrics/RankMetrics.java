package dev.recompose.models.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-K metrics of next-item prediction computed from the 1-based rank of the single target.
 *
 * <p>With exactly one relevant item per user (leave-one-out) the usual definitions reduce to
 * functions of its rank r: HR@K = Recall@K = [r &lt;= K]; NDCG@K = 1 / log2(r + 1) when
 * r &lt;= K (the ideal DCG is 1); MRR@K = 1 / r when r &lt;= K (Järvelin &amp; Kekäläinen,
 * "Cumulated gain-based evaluation of IR techniques", TOIS 2002; RecBole's {@code Hit},
 * {@code NDCG}, {@code MRR}). It exists so that every protocol reports the same numbers from the
 * same ranks, averaged over users in a fixed order (so results do not depend on thread count).
 */
public final class RankMetrics {
  /** The cut-offs reported by default (DESIGN.md). */
  public static final List<Integer> DEFAULT_KS = List.of(1, 5, 10, 20);

  private RankMetrics() {}

  private static void check(int rank, int k) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    if (k < 1) {
      throw new IllegalArgumentException("K must be >= 1, got " + k);
    }
  }

  /** Hit ratio at K (= Recall@K with one target): 1 if {@code rank <= k}. */
  public static double hit(int rank, int k) {
    check(rank, k);
    return rank <= k ? 1.0 : 0.0;
  }

  /** NDCG at K with one target: {@code 1 / log2(rank + 1)} if {@code rank <= k}. */
  public static double ndcg(int rank, int k) {
    check(rank, k);
    return rank <= k ? Math.log(2) / Math.log(rank + 1.0) : 0.0;
  }

  /** Reciprocal rank cut at K: {@code 1 / rank} if {@code rank <= k}. */
  public static double mrr(int rank, int k) {
    check(rank, k);
    return rank <= k ? 1.0 / rank : 0.0;
  }

  /**
   * Means over users of HR, Recall, NDCG and MRR at each K, keyed {@code HR@10},
   * {@code Recall@10}, {@code NDCG@10}, {@code MRR@10} (in that order per K, K ascending as
   * given). Summation runs over {@code ranks} in index order.
   *
   * @param ranks 1-based target ranks, one per evaluated user (not empty)
   */
  public static Map<String, Double> summarize(int[] ranks, List<Integer> ks) {
    if (ranks.length == 0) {
      throw new IllegalArgumentException("no users to summarize");
    }
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("no cut-offs K given");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int k : ks) {
      double h = 0;
      double n = 0;
      double m = 0;
      for (int r : ranks) {
        h += hit(r, k);
        n += ndcg(r, k);
        m += mrr(r, k);
      }
      out.put("HR@" + k, h / ranks.length);
      out.put("Recall@" + k, h / ranks.length);
      out.put("NDCG@" + k, n / ranks.length);
      out.put("MRR@" + k, m / ranks.length);
    }
    return out;
  }
}
