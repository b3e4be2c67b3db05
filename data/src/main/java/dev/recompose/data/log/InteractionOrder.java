package dev.recompose.data.log;

/**
 * Orders interactions by user, then time, breaking ties by the order rows were read.
 *
 * <p>It exists because the store keeps each user's interactions contiguous and chronological
 * (a sequence model reads a user's history as one slice), and a tie-break that depends on a
 * hash or an unstable sort would make splits irreproducible. Runs in O(n) for the user pass
 * (counting sort) plus a stable merge sort inside each user's rows.
 */
public final class InteractionOrder {
  private InteractionOrder() {}

  /** The permutation that sorts {@code log} by (user, timestamp, original row). */
  public static int[] byUserThenTime(InteractionLog log, int userCount) {
    int n = log.size();
    int[] users = log.users();
    int[] start = new int[userCount + 1];
    for (int u : users) {
      start[u + 1]++;
    }
    for (int u = 0; u < userCount; u++) {
      start[u + 1] += start[u];
    }
    int[] perm = new int[n];
    int[] fill = start.clone();
    for (int i = 0; i < n; i++) {
      perm[fill[users[i]]++] = i;
    }
    long[] t = log.timestamps();
    if (t != null) {
      int[] scratch = new int[n];
      for (int u = 0; u < userCount; u++) {
        int from = start[u];
        int to = start[u + 1];
        if (!sorted(perm, from, to, t)) {
          mergeSort(perm, scratch, from, to, t);
        }
      }
    }
    return perm;
  }

  private static boolean sorted(int[] idx, int from, int to, long[] key) {
    for (int i = from + 1; i < to; i++) {
      if (key[idx[i - 1]] > key[idx[i]]) {
        return false;
      }
    }
    return true;
  }

  /** Stable merge sort of {@code idx[from, to)} by {@code key[idx[i]]}. */
  static void mergeSort(int[] idx, int[] tmp, int from, int to, long[] key) {
    if (to - from < 24) {
      for (int i = from + 1; i < to; i++) {
        int v = idx[i];
        long k = key[v];
        int j = i - 1;
        while (j >= from && key[idx[j]] > k) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(idx, tmp, from, mid, key);
    mergeSort(idx, tmp, mid, to, key);
    if (key[idx[mid - 1]] <= key[idx[mid]]) {
      return;
    }
    System.arraycopy(idx, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      idx[k++] = key[tmp[j]] < key[tmp[i]] ? tmp[j++] : tmp[i++];
    }
    while (i < mid) {
      idx[k++] = tmp[i++];
    }
    while (j < to) {
      idx[k++] = tmp[j++];
    }
  }
}
