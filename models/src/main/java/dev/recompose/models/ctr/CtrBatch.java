package dev.recompose.models.ctr;

import dev.recompose.models.ctr.data.CtrData;
import java.util.HashMap;
import java.util.Map;

/**
 * A batch of scoring rows: {@code N} candidate items, each tied to one of {@code B} user rows
 * (user code plus visible history).
 *
 * <p>It exists so that user representations are computed once per user row (an impression's
 * candidates share one) and expanded to the candidates, and so that list-wise batches
 * ({@code B} users x {@code 1 + K} candidates, positive first) and point-wise batches share one
 * shape.
 *
 * @param candidates item code per row
 * @param labels label per row
 * @param rowUser user row of each row
 * @param users user code per user row
 * @param histories visible history per user row (oldest first, truncated)
 * @param listSize {@code 1 + K} for a list-wise batch (rows grouped per user row), else 0
 */
public record CtrBatch(int[] candidates, float[] labels, int[] rowUser, int[] users,
    int[][] histories, int listSize) {
  private record UserRow(int user, int owner, int length) {}

  /** Number of scoring rows. */
  public int size() {
    return candidates.length;
  }

  /** A point-wise batch of samples {@code idx}; samples with the same user and history share a user row. */
  public static CtrBatch pointwise(CtrData data, int[] idx, int maxHistory) {
    int n = idx.length;
    int[] cand = new int[n];
    float[] y = new float[n];
    int[] rowUser = new int[n];
    Map<UserRow, Integer> rows = new HashMap<>();
    int[] users = new int[n];
    int[][] hist = new int[n][];
    int b = 0;
    for (int r = 0; r < n; r++) {
      int i = idx[r];
      cand[r] = data.item()[i];
      y[r] = data.label()[i];
      UserRow key = new UserRow(data.user()[i], data.historyOwner()[i], data.historyLength()[i]);
      Integer row = rows.get(key);
      if (row == null) {
        row = b++;
        rows.put(key, row);
        users[row] = data.user()[i];
        hist[row] = data.history(i, maxHistory);
      }
      rowUser[r] = row;
    }
    return new CtrBatch(cand, y, rowUser, java.util.Arrays.copyOf(users, b),
        java.util.Arrays.copyOf(hist, b), 0);
  }

  /**
   * A list-wise batch: for each positive sample {@code positives[b]}, its row first then the
   * items {@code negatives[b]} (all with the positive's user and history).
   */
  public static CtrBatch listwise(CtrData data, int[] positives, int[][] negatives,
      int maxHistory) {
    int b = positives.length;
    int list = 1 + negatives[0].length;
    int[] cand = new int[b * list];
    float[] y = new float[b * list];
    int[] rowUser = new int[b * list];
    int[] users = new int[b];
    int[][] hist = new int[b][];
    for (int r = 0; r < b; r++) {
      int i = positives[r];
      if (negatives[r].length != list - 1) {
        throw new IllegalArgumentException("every positive needs " + (list - 1) + " negatives");
      }
      users[r] = data.user()[i];
      hist[r] = data.history(i, maxHistory);
      cand[r * list] = data.item()[i];
      y[r * list] = 1f;
      for (int k = 0; k < list - 1; k++) {
        cand[r * list + 1 + k] = negatives[r][k];
      }
      for (int k = 0; k < list; k++) {
        rowUser[r * list + k] = r;
      }
    }
    return new CtrBatch(cand, y, rowUser, users, hist, list);
  }
}
