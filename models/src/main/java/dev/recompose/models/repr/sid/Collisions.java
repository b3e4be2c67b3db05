package dev.recompose.models.repr.sid;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collision statistics and TIGER's resolution of colliding semantic IDs (Rajput et al. 2023).
 *
 * <p>It exists because residual quantisation can give two items the same code tuple, and a
 * generative recommender must be able to name every item. Following TIGER, one more level is
 * appended: items sharing a tuple get 0, 1, 2, ... in item-id order, a unique tuple gets 0, so
 * every item has a distinct ID of {@code levels + 1} codes.
 */
public final class Collisions {
  private Collisions() {}

  /** Items whose tuple is shared, and the largest group, of {@code codes} ({@code n x levels}). */
  public record Stats(int collidingItems, int maxShared) {}

  private record Key(int[] codes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(codes, k.codes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(codes);
    }
  }

  private static Map<Key, int[]> groups(int[] codes, int n, int levels) {
    Map<Key, int[]> g = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      g.computeIfAbsent(new Key(Arrays.copyOfRange(codes, i * levels, (i + 1) * levels)),
          k -> new int[1])[0]++;
    }
    return g;
  }

  /** How many items collide and the largest group size. */
  public static Stats stats(int[] codes, int n, int levels) {
    int colliding = 0;
    int max = n == 0 ? 0 : 1;
    for (int[] c : groups(codes, n, levels).values()) {
      if (c[0] > 1) {
        colliding += c[0];
      }
      max = Math.max(max, c[0]);
    }
    return new Stats(colliding, max);
  }

  /** The {@code n x (levels + 1)} codes with TIGER's disambiguation level appended. */
  public static int[] resolve(int[] codes, int n, int levels) {
    Map<Key, int[]> seen = new HashMap<>(n * 2);
    int[] out = new int[n * (levels + 1)];
    for (int i = 0; i < n; i++) {
      int[] tuple = Arrays.copyOfRange(codes, i * levels, (i + 1) * levels);
      int[] counter = seen.computeIfAbsent(new Key(tuple), k -> new int[1]);
      System.arraycopy(tuple, 0, out, i * (levels + 1), levels);
      out[i * (levels + 1) + levels] = counter[0]++;
    }
    return out;
  }
}
