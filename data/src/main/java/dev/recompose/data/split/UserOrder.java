package dev.recompose.data.split;

import dev.recompose.data.log.InteractionLog;
import dev.recompose.data.log.InteractionOrder;
import dev.recompose.data.store.StoreFormatException;

/**
 * The rows of a table grouped by user and ordered by (timestamp, row index) inside each user.
 *
 * <p>It exists because the store's row order is a convention, not a guarantee a split may rely
 * on: this recomputes the order (with {@link InteractionOrder}'s stable sort, so equal timestamps
 * keep row order) and exposes user {@code u}'s rows as {@code rows[start[u] .. start[u+1])}.
 */
final class UserOrder {
  final int[] rows;
  final int[] start;

  private UserOrder(int[] rows, int[] start) {
    this.rows = rows;
    this.start = start;
  }

  int users() {
    return start.length - 1;
  }

  static UserOrder of(int[] users, long[] timestamps) {
    int max = -1;
    for (int i = 0; i < users.length; i++) {
      if (users[i] < 0) {
        throw new StoreFormatException("row " + i + " has negative user code " + users[i]);
      }
      max = Math.max(max, users[i]);
    }
    int count = max + 1;
    // items are not used by the ordering; the user array stands in for the required column
    int[] perm =
        InteractionOrder.byUserThenTime(
            new InteractionLog(users, users, timestamps, null, null), count);
    int[] start = new int[count + 1];
    for (int u : users) {
      start[u + 1]++;
    }
    for (int u = 0; u < count; u++) {
      start[u + 1] += start[u];
    }
    return new UserOrder(perm, start);
  }

  /** All rows ordered by (timestamp, row index): one global stable sort. */
  static int[] byTime(long[] timestamps) {
    int[] zero = new int[timestamps.length];
    return InteractionOrder.byUserThenTime(
        new InteractionLog(zero, zero, timestamps, null, null), 1);
  }
}
