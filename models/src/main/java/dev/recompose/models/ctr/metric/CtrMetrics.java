package dev.recompose.models.ctr.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of protocol {@code ctr-logged}: global AUC, GAUC, logloss, and per-group MRR and
 * nDCG@5/@10.
 *
 * <p>It exists because the grouping key decides what "GAUC" means: on MIND the group is the
 * logged impression (msnews/MIND {@code evaluate.py}, Wu et al. ACL 2020), and Legommenders'
 * grouping by user id pooled a user's impressions into one group (Legommenders issue #20,
 * REFERENCES-ctr §2). Here the caller passes the group of every sample explicitly.
 *
 * <p>Definitions (REFERENCES-ctr §2):
 * <ul>
 *   <li>AUC: probability that a random positive outscores a random negative, ties counting 0.5
 *       (Mann-Whitney with mid-ranks).
 *   <li>GAUC ({@code gauc}): the <b>unweighted</b> mean of per-group AUC, as the MIND script and
 *       Legommenders average over impressions; {@code gauc_weighted} weights each group by its
 *       size (the DIN / FuxiCTR {@code gAUC} definition). Groups with a single class have no AUC:
 *       they are skipped and counted in {@code groups_skipped}.
 *   <li>MRR: per group {@code sum_i label_i / rank_i / sum_i label_i}, averaged over groups with at
 *       least one positive.
 *   <li>nDCG@k: per group DCG with gain {@code 2^label - 1} and discount {@code log2(rank + 1)},
 *       divided by the ideal DCG, averaged over groups with at least one positive.
 *   <li>Ranks inside a group order scores descending; equal scores keep input order (the MIND
 *       script's arg-sort does the same for a stable sort).
 *   <li>logloss: mean binary cross-entropy of the probabilities, clipped to [1e-7, 1 - 1e-7].
 * </ul>
 */
public final class CtrMetrics {
  private static final double EPS = 1e-7;

  private CtrMetrics() {}

  /**
   * Computes every metric.
   *
   * @param probs predicted click probabilities in [0, 1]
   * @param labels 0 or 1 per sample
   * @param groups group key per sample (impression id on MIND)
   */
  public static Report compute(float[] probs, float[] labels, int[] groups) {
    if (probs.length != labels.length || probs.length != groups.length) {
      throw new IllegalArgumentException("probs, labels and groups differ in length: "
          + probs.length + ", " + labels.length + ", " + groups.length);
    }
    if (probs.length == 0) {
      throw new IllegalArgumentException("no samples to evaluate");
    }
    for (float y : labels) {
      if (y != 0f && y != 1f) {
        throw new IllegalArgumentException("labels must be 0 or 1, found " + y);
      }
    }
    double auc = auc(probs, labels, null);
    double logloss = logloss(probs, labels);
    Map<Integer, List<Integer>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < groups.length; i++) {
      byGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
    }
    double gaucSum = 0;
    double gaucWeighted = 0;
    long gaucWeight = 0;
    int gaucGroups = 0;
    int skipped = 0;
    double mrr = 0;
    double ndcg5 = 0;
    double ndcg10 = 0;
    int ranked = 0;
    for (List<Integer> members : byGroup.values()) {
      int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
      int pos = 0;
      for (int i : idx) {
        pos += labels[i] > 0 ? 1 : 0;
      }
      if (pos > 0 && pos < idx.length) {
        double a = auc(probs, labels, idx);
        gaucSum += a;
        gaucWeighted += a * idx.length;
        gaucWeight += idx.length;
        gaucGroups++;
      } else {
        skipped++;
      }
      if (pos > 0) {
        float[] s = new float[idx.length];
        float[] y = new float[idx.length];
        for (int k = 0; k < idx.length; k++) {
          s[k] = probs[idx[k]];
          y[k] = labels[idx[k]];
        }
        mrr += mrr(s, y);
        ndcg5 += ndcg(s, y, 5);
        ndcg10 += ndcg(s, y, 10);
        ranked++;
      }
    }
    return new Report(
        probs.length,
        byGroup.size(),
        auc,
        gaucGroups == 0 ? Double.NaN : gaucSum / gaucGroups,
        gaucWeight == 0 ? Double.NaN : gaucWeighted / gaucWeight,
        skipped,
        logloss,
        ranked == 0 ? Double.NaN : mrr / ranked,
        ranked == 0 ? Double.NaN : ndcg5 / ranked,
        ranked == 0 ? Double.NaN : ndcg10 / ranked);
  }

  /**
   * AUC over the samples {@code idx} (all when null) with mid-ranks for ties; NaN when one class is
   * absent.
   */
  public static double auc(float[] scores, float[] labels, int[] idx) {
    int n = idx == null ? scores.length : idx.length;
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = idx == null ? k : idx[k];
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    double rankSumPos = 0;
    long pos = 0;
    int k = 0;
    while (k < n) {
      int j = k;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[k]]) {
        j++;
      }
      double midRank = (k + j) / 2.0 + 1;
      for (int t = k; t <= j; t++) {
        if (labels[order[t]] > 0) {
          rankSumPos += midRank;
          pos++;
        }
      }
      k = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** Mean clipped binary cross-entropy. */
  public static double logloss(float[] probs, float[] labels) {
    double s = 0;
    for (int i = 0; i < probs.length; i++) {
      double p = Math.min(Math.max(probs[i], EPS), 1 - EPS);
      s += labels[i] > 0 ? -Math.log(p) : -Math.log(1 - p);
    }
    return s / probs.length;
  }

  /** Order of positions by descending score, ties in input order. */
  static int[] rankOrder(float[] scores) {
    Integer[] o = new Integer[scores.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    Arrays.sort(o, (a, b) -> Float.compare(scores[b], scores[a]));
    return Arrays.stream(o).mapToInt(Integer::intValue).toArray();
  }

  /** MIND MRR of one group: {@code sum label_i / rank_i / sum label_i}. */
  public static double mrr(float[] scores, float[] labels) {
    int[] o = rankOrder(scores);
    double num = 0;
    double den = 0;
    for (int r = 0; r < o.length; r++) {
      num += labels[o[r]] / (r + 1.0);
      den += labels[o[r]];
    }
    return num / den;
  }

  /** nDCG@k of one group with gain {@code 2^label - 1}. */
  public static double ndcg(float[] scores, float[] labels, int k) {
    int[] o = rankOrder(scores);
    double dcg = 0;
    for (int r = 0; r < Math.min(k, o.length); r++) {
      dcg += (Math.pow(2, labels[o[r]]) - 1) / (Math.log(r + 2) / Math.log(2));
    }
    float[] ideal = labels.clone();
    int[] io = rankOrder(ideal);
    double idcg = 0;
    for (int r = 0; r < Math.min(k, io.length); r++) {
      idcg += (Math.pow(2, ideal[io[r]]) - 1) / (Math.log(r + 2) / Math.log(2));
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /**
   * The metrics of one evaluation.
   *
   * @param samples scored samples
   * @param groups distinct groups
   * @param auc global AUC
   * @param gauc unweighted mean per-group AUC (MIND protocol)
   * @param gaucWeighted per-group AUC weighted by group size (DIN definition)
   * @param groupsSkipped groups with a single class, excluded from GAUC
   * @param logloss mean binary cross-entropy
   * @param mrr mean MIND MRR over groups with a positive
   * @param ndcg5 mean nDCG@5 over groups with a positive
   * @param ndcg10 mean nDCG@10 over groups with a positive
   */
  public record Report(long samples, int groups, double auc, double gauc, double gaucWeighted,
      int groupsSkipped, double logloss, double mrr, double ndcg5, double ndcg10) {
    /** The metrics as an ordered name-value map (names as in results.json). */
    public Map<String, Double> asMap() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("auc", auc);
      m.put("gauc", gauc);
      m.put("gauc_weighted", gaucWeighted);
      m.put("logloss", logloss);
      m.put("mrr", mrr);
      m.put("ndcg@5", ndcg5);
      m.put("ndcg@10", ndcg10);
      m.put("groups", (double) groups);
      m.put("groups_skipped", (double) groupsSkipped);
      m.put("samples", (double) samples);
      return m;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "AUC %.4f  GAUC %.4f (weighted %.4f; %d of %d groups skipped)  logloss %.4f  MRR %.4f"
              + "  nDCG@5 %.4f  nDCG@10 %.4f  (%d samples)",
          auc, gauc, gaucWeighted, groupsSkipped, groups, logloss, mrr, ndcg5, ndcg10, samples);
    }
  }
}
