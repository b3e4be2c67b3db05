package dev.recompose.models.train;

import dev.recompose.tensor.Rng;

/**
 * Derives the random stream of each epoch and each step from the run's seed.
 *
 * <p>It exists to make resuming exact without serialising generator state: the shuffle of
 * epoch {@code e} and every random draw of global step {@code s} are pure functions of
 * {@code (seed, e)} and {@code (seed, s)}, so "RNG state" in a checkpoint is just the seed and
 * the step counter. Mixing uses the SplitMix64 finaliser (Steele, Lea &amp; Flood, OOPSLA 2014).
 */
public final class Seeds {
  private static final long EPOCH_STREAM = 0x45504f4348L;
  private static final long STEP_STREAM = 0x53544550L;

  private Seeds() {}

  /** The generator that shuffles epoch {@code epoch}. */
  public static Rng epoch(long seed, int epoch) {
    return new Rng(mix(mix(seed ^ EPOCH_STREAM) + epoch));
  }

  /** The generator of every draw in global step {@code step}. */
  public static Rng step(long seed, long step) {
    return new Rng(mix(mix(seed ^ STEP_STREAM) + step));
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A uniform random permutation of {@code 0..n-1} (Fisher-Yates). */
  public static int[] permutation(int n, Rng rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
