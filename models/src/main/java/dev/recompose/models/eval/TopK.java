package dev.recompose.models.eval;

import dev.recompose.models.util.TopKHeap;

/**
 * The K best items of one score row by partial selection: a bounded min-heap of size K, so
 * O(n log K) time and O(K) extra memory, never a full sort of the catalogue.
 *
 * <p>It exists for serving and inspection ({@code recommend}); metrics never need it, they count
 * ({@link dev.recompose.models.metrics.TargetRank}). Order: score descending, ties by lower item
 * id first, so the list is deterministic. Masked items are skipped; NaN is an error.
 */
public final class TopK {
  private TopK() {}

  /**
   * The best {@code k} items among the {@code n} scores starting at {@code scores[from]}, best
   * first, skipping items in {@code excluded} (may be null). Fewer than {@code k} when fewer
   * items are left.
   */
  public static int[] select(float[] scores, int from, int n, int k, ItemMarks excluded) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    TopKHeap heap = new TopKHeap(Math.min(k, n));
    for (int j = 0; j < n; j++) {
      float s = scores[from + j];
      if (s != s) {
        throw new IllegalArgumentException("NaN score for item " + j);
      }
      if (excluded == null || !excluded.isMarked(j)) {
        heap.offer(j, s);
      }
    }
    return heap.drainBestFirst();
  }
}
