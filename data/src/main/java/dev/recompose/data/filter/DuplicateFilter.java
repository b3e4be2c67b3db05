package dev.recompose.data.filter;

import dev.recompose.data.log.InteractionLog;
import dev.recompose.data.log.InteractionOrder;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Keeps one interaction per user-item pair: the first or the last in time (ties by read order).
 *
 * <p>Repeated consumption (listening to an artist again) is a signal for some models and noise
 * for others; this filter makes the choice explicit and recorded.
 */
public final class DuplicateFilter {
  private DuplicateFilter() {}

  public static InteractionLog apply(InteractionLog log, int userCount, String keep) {
    boolean first = switch (keep) {
      case "first" -> true;
      case "last" -> false;
      default -> throw new IllegalArgumentException(
          "dedupe: expected 'first' or 'last', found '" + keep + "'");
    };
    int[] order = InteractionOrder.byUserThenTime(log, userCount);
    boolean[] kept = new boolean[log.size()];
    int from = 0;
    HashMap<Integer, Integer> chosen = new HashMap<>();
    while (from < order.length) {
      int user = log.users()[order[from]];
      int to = from;
      chosen.clear();
      while (to < order.length && log.users()[order[to]] == user) {
        int row = order[to];
        if (first) {
          chosen.putIfAbsent(log.items()[row], row);
        } else {
          chosen.put(log.items()[row], row);
        }
        to++;
      }
      for (int row : chosen.values()) {
        kept[row] = true;
      }
      from = to;
    }
    int[] idx = new int[log.size()];
    int n = 0;
    for (int i = 0; i < kept.length; i++) {
      if (kept[i]) {
        idx[n++] = i;
      }
    }
    return log.select(Arrays.copyOf(idx, n));
  }
}
