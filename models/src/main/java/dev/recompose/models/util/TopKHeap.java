package dev.recompose.models.util;

/**
 * A bounded min-heap that keeps the {@code capacity} best (id, score) pairs offered to it.
 *
 * <p>It exists because selecting the K best of many candidates (top-K recommendations, ItemKNN's
 * nearest neighbours) needs O(K) memory and O(n log K) time, never a full sort. Order: higher
 * score first, ties by lower id, so results are deterministic. The worst kept pair sits at the
 * root; {@link #ids()} and {@link #scores()} return the pairs in heap order.
 */
public final class TopKHeap {
  private final int[] ids;
  private final float[] scores;
  private int size;

  public TopKHeap(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    ids = new int[capacity];
    scores = new float[capacity];
  }

  /** Empties the heap for reuse. */
  public void clear() {
    size = 0;
  }

  public int size() {
    return size;
  }

  /** Keeps (id, score) if the heap is not full or it beats the worst pair kept. */
  public void offer(int id, float score) {
    if (size < ids.length) {
      ids[size] = id;
      scores[size] = score;
      siftUp(size++);
    } else if (size > 0 && better(score, id, scores[0], ids[0])) {
      ids[0] = id;
      scores[0] = score;
      siftDown(size);
    }
  }

  /** The kept ids in heap order (a copy). */
  public int[] ids() {
    return java.util.Arrays.copyOf(ids, size);
  }

  /** The kept scores in heap order, aligned with {@link #ids()} (a copy). */
  public float[] scores() {
    return java.util.Arrays.copyOf(scores, size);
  }

  /** The kept ids best first; empties the heap. */
  public int[] drainBestFirst() {
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = ids[0];
      ids[0] = ids[i];
      scores[0] = scores[i];
      siftDown(i);
    }
    size = 0;
    return out;
  }

  /** Whether (s1, i1) ranks before (s2, i2). */
  private static boolean better(float s1, int i1, float s2, int i2) {
    return s1 > s2 || (s1 == s2 && i1 < i2);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!better(scores[p], ids[p], scores[i], ids[i])) {
        return;
      }
      swap(i, p);
      i = p;
    }
  }

  private void siftDown(int n) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= n) {
        return;
      }
      int w = l;
      if (l + 1 < n && better(scores[l], ids[l], scores[l + 1], ids[l + 1])) {
        w = l + 1;
      }
      if (!better(scores[i], ids[i], scores[w], ids[w])) {
        return;
      }
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    int t = ids[a];
    ids[a] = ids[b];
    ids[b] = t;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
