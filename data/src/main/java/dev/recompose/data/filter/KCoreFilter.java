package dev.recompose.data.filter;

import dev.recompose.data.log.InteractionLog;
import java.util.Arrays;

/**
 * Iterative k-core: repeatedly drops users with fewer than {@code userK} and items with fewer
 * than {@code itemK} interactions until nothing changes.
 *
 * <p>It exists because the "5-core" datasets of the sequential-recommendation literature are
 * defined by this fixed point; a single pass (as some scripts do) gives different counts.
 */
public final class KCoreFilter {
  private KCoreFilter() {}

  /** The filtered log (codes unchanged), the kept users and items (ascending) and rounds run. */
  public record Result(InteractionLog log, int[] keptUsers, int[] keptItems, int rounds) {}

  public static Result apply(InteractionLog log, int users, int items, int userK, int itemK) {
    boolean[] alive = new boolean[log.size()];
    Arrays.fill(alive, true);
    int[] uc = new int[users];
    int[] ic = new int[items];
    for (int i = 0; i < log.size(); i++) {
      uc[log.users()[i]]++;
      ic[log.items()[i]]++;
    }
    int rounds = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      rounds++;
      for (int i = 0; i < log.size(); i++) {
        if (!alive[i]) {
          continue;
        }
        int u = log.users()[i];
        int it = log.items()[i];
        if (uc[u] < userK || ic[it] < itemK) {
          alive[i] = false;
          changed = true;
        }
      }
      Arrays.fill(uc, 0);
      Arrays.fill(ic, 0);
      for (int i = 0; i < log.size(); i++) {
        if (alive[i]) {
          uc[log.users()[i]]++;
          ic[log.items()[i]]++;
        }
      }
    }
    int n = 0;
    int[] keep = new int[log.size()];
    for (int i = 0; i < alive.length; i++) {
      if (alive[i]) {
        keep[n++] = i;
      }
    }
    return new Result(log.select(Arrays.copyOf(keep, n)), nonZero(uc), nonZero(ic), rounds);
  }

  private static int[] nonZero(int[] counts) {
    return java.util.stream.IntStream.range(0, counts.length).filter(i -> counts[i] > 0).toArray();
  }
}
