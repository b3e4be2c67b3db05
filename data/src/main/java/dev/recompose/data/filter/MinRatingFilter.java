package dev.recompose.data.filter;

import dev.recompose.data.log.InteractionLog;
import java.util.Objects;

/** Keeps interactions whose rating is at least a threshold (e.g. 4 stars = positive). */
public final class MinRatingFilter {
  private MinRatingFilter() {}

  public static InteractionLog apply(InteractionLog log, float min) {
    Objects.requireNonNull(log.ratings(), "the log has no ratings");
    float[] r = log.ratings();
    int n = 0;
    int[] keep = new int[log.size()];
    for (int i = 0; i < r.length; i++) {
      if (r[i] >= min) {
        keep[n++] = i;
      }
    }
    return log.select(java.util.Arrays.copyOf(keep, n));
  }
}
