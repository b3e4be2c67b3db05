package dev.recompose.data.split;

/**
 * Derives independent, reproducible seeds from a run seed and an index (a user code).
 *
 * <p>It exists so that per-user random choices do not depend on how many draws other users
 * made: changing one user's data leaves every other user's assignment unchanged.
 */
final class Seeds {
  private Seeds() {}

  /** A well-mixed 64-bit seed from {@code seed} and {@code index} (SplitMix64 finaliser). */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
