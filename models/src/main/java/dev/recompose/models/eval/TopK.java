package dev.recompose.models.eval;

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
    int[] heapItem = new int[Math.min(k, n)];
    float[] heapScore = new float[heapItem.length];
    int size = 0;
    for (int j = 0; j < n; j++) {
      float s = scores[from + j];
      if (s != s) {
        throw new IllegalArgumentException("NaN score for item " + j);
      }
      if (excluded != null && excluded.isMarked(j)) {
        continue;
      }
      if (size < heapItem.length) {
        heapItem[size] = j;
        heapScore[size] = s;
        siftUp(heapItem, heapScore, size++);
      } else if (better(s, j, heapScore[0], heapItem[0])) {
        heapItem[0] = j;
        heapScore[0] = s;
        siftDown(heapItem, heapScore, size);
      }
    }
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = heapItem[0];
      heapItem[0] = heapItem[i];
      heapScore[0] = heapScore[i];
      siftDown(heapItem, heapScore, i);
    }
    return out;
  }

  /** Whether (s1, i1) ranks before (s2, i2). */
  private static boolean better(float s1, int i1, float s2, int i2) {
    return s1 > s2 || (s1 == s2 && i1 < i2);
  }

  private static void siftUp(int[] it, float[] sc, int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!better(sc[p], it[p], sc[i], it[i])) {
        break;
      }
      swap(it, sc, i, p);
      i = p;
    }
  }

  private static void siftDown(int[] it, float[] sc, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int w = l;
      int r = l + 1;
      if (r < size && better(sc[l], it[l], sc[r], it[r])) {
        w = r;
      }
      if (!better(sc[i], it[i], sc[w], it[w])) {
        return;
      }
      swap(it, sc, i, w);
      i = w;
    }
  }

  private static void swap(int[] it, float[] sc, int a, int b) {
    int ti = it[a];
    it[a] = it[b];
    it[b] = ti;
    float ts = sc[a];
    sc[a] = sc[b];
    sc[b] = ts;
  }
}
