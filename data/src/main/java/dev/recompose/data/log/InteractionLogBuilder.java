package dev.recompose.data.log;

import java.util.Arrays;

/**
 * Collects interactions row by row into primitive arrays and builds an {@link InteractionLog}.
 *
 * <p>It exists so that every importer appends rows the same way; which optional columns exist is
 * fixed at construction, so a source either has timestamps for every row or for none.
 */
public final class InteractionLogBuilder {
  private final boolean hasTime;
  private final boolean hasRating;
  private final boolean hasLabel;
  private int[] users = new int[1024];
  private int[] items = new int[1024];
  private long[] times;
  private float[] ratings;
  private byte[] labels;
  private int size;

  public InteractionLogBuilder(boolean hasTime, boolean hasRating, boolean hasLabel) {
    this.hasTime = hasTime;
    this.hasRating = hasRating;
    this.hasLabel = hasLabel;
    times = hasTime ? new long[1024] : null;
    ratings = hasRating ? new float[1024] : null;
    labels = hasLabel ? new byte[1024] : null;
  }

  private void grow() {
    int cap = users.length + (users.length >> 1) + 1024;
    users = Arrays.copyOf(users, cap);
    items = Arrays.copyOf(items, cap);
    if (times != null) {
      times = Arrays.copyOf(times, cap);
    }
    if (ratings != null) {
      ratings = Arrays.copyOf(ratings, cap);
    }
    if (labels != null) {
      labels = Arrays.copyOf(labels, cap);
    }
  }

  /** Appends one row; values of columns this log does not have are ignored. */
  public void add(int user, int item, long time, float rating, byte label) {
    if (size == users.length) {
      grow();
    }
    users[size] = user;
    items[size] = item;
    if (times != null) {
      times[size] = time;
    }
    if (ratings != null) {
      ratings[size] = rating;
    }
    if (labels != null) {
      labels[size] = label;
    }
    size++;
  }

  public int size() {
    return size;
  }

  public boolean hasTime() {
    return hasTime;
  }

  public boolean hasRating() {
    return hasRating;
  }

  public boolean hasLabel() {
    return hasLabel;
  }

  public InteractionLog build() {
    return new InteractionLog(
        Arrays.copyOf(users, size),
        Arrays.copyOf(items, size),
        times == null ? null : Arrays.copyOf(times, size),
        ratings == null ? null : Arrays.copyOf(ratings, size),
        labels == null ? null : Arrays.copyOf(labels, size));
  }
}
