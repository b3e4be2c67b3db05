package dev.recompose.data.log;

import java.util.Objects;

/**
 * An in-memory interaction table: parallel arrays of user code, item code and optional time,
 * rating and label.
 *
 * <p>It exists as the one shape that importers produce and filters (k-core, rating threshold,
 * de-duplication) transform before the store writes it. Optional columns are null when the
 * source has no such field.
 */
public record InteractionLog(
    int[] users, int[] items, long[] timestamps, float[] ratings, byte[] labels) {
  public InteractionLog {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    int n = users.length;
    if (items.length != n
        || (timestamps != null && timestamps.length != n)
        || (ratings != null && ratings.length != n)
        || (labels != null && labels.length != n)) {
      throw new IllegalArgumentException("interaction columns differ in length");
    }
  }

  public int size() {
    return users.length;
  }

  /** The rows at {@code keep} (in that order) as a new log. */
  public InteractionLog select(int[] keep) {
    int[] u = new int[keep.length];
    int[] it = new int[keep.length];
    long[] t = timestamps == null ? null : new long[keep.length];
    float[] r = ratings == null ? null : new float[keep.length];
    byte[] l = labels == null ? null : new byte[keep.length];
    for (int k = 0; k < keep.length; k++) {
      int i = keep[k];
      u[k] = users[i];
      it[k] = items[i];
      if (t != null) {
        t[k] = timestamps[i];
      }
      if (r != null) {
        r[k] = ratings[i];
      }
      if (l != null) {
        l[k] = labels[i];
      }
    }
    return new InteractionLog(u, it, t, r, l);
  }

  /** This log with user and item codes replaced through the given maps ({@code old -> new}). */
  public InteractionLog recode(int[] userMap, int[] itemMap) {
    int[] u = new int[size()];
    int[] it = new int[size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = userMap[users[i]];
      it[i] = itemMap[items[i]];
    }
    return new InteractionLog(u, it, timestamps, ratings, labels);
  }
}
