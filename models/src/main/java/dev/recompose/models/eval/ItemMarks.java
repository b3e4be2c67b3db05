package dev.recompose.models.eval;

import java.util.Arrays;

/**
 * A reusable set of item ids with O(1) clear, backed by a stamp per item.
 *
 * <p>It exists so that per-user masks (history, drawn negatives) cost O(history) rather than
 * O(items) per user: clearing bumps an epoch instead of wiping an array. Not thread-safe; each
 * evaluation worker owns one.
 */
public final class ItemMarks {
  private final int[] stamp;
  private int epoch = 1;

  public ItemMarks(int numItems) {
    if (numItems <= 0) {
      throw new IllegalArgumentException("numItems must be positive, got " + numItems);
    }
    this.stamp = new int[numItems];
  }

  /** Empties the set. */
  public void clear() {
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
  }

  /** Adds {@code item}; returns whether it was absent. */
  public boolean mark(int item) {
    if (stamp[item] == epoch) {
      return false;
    }
    stamp[item] = epoch;
    return true;
  }

  public boolean isMarked(int item) {
    return stamp[item] == epoch;
  }
}
