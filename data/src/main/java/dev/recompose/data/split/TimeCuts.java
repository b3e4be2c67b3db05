package dev.recompose.data.split;

import dev.recompose.data.store.StoreLayout;

/**
 * Global chronological cut points with a fixed rule for ties.
 *
 * <p>Rows are sorted by (timestamp, row index). The first cut is placed after
 * {@code round(r_train * n)} rows and the second after {@code round((r_train + r_valid) * n)}
 * rows; a cut that falls inside a run of equal timestamps is moved forward to the end of that
 * run, so rows with equal timestamps always land in the same part, the earlier one. The train
 * part can therefore be slightly larger than its ratio (by at most one tie run per cut).
 */
final class TimeCuts {
  private TimeCuts() {}

  /**
   * Assigns the rows listed in {@code rows} (indices into {@code ts}) to train/valid/test by
   * time; other entries of {@code codes} are left as they are.
   */
  static void assign(long[] ts, int[] rows, double[] ratios, byte[] codes) {
    int n = rows.length;
    long[] sub = new long[n];
    for (int i = 0; i < n; i++) {
      sub[i] = ts[rows[i]];
    }
    int[] order = UserOrder.byTime(sub);
    int k1 = advance(sub, order, (int) Math.min(n, Math.round(ratios[0] * n)));
    int k2 = advance(sub, order, (int) Math.min(n, Math.round((ratios[0] + ratios[1]) * n)));
    k2 = Math.max(k1, k2);
    for (int i = 0; i < n; i++) {
      byte c = i < k1 ? StoreLayout.SPLIT_TRAIN
          : i < k2 ? StoreLayout.SPLIT_VALID : StoreLayout.SPLIT_TEST;
      codes[rows[order[i]]] = c;
    }
  }

  /** Moves cut {@code k} forward while it separates two rows with the same timestamp. */
  static int advance(long[] ts, int[] order, int k) {
    while (k > 0 && k < order.length && ts[order[k]] == ts[order[k - 1]]) {
      k++;
    }
    return k;
  }
}
