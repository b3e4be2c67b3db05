package dev.recompose.models.repr.sid;

/**
 * Settings of {@link RqKMeans}.
 *
 * @param levels residual levels (RecBase and TIGER use 3-4)
 * @param codes codes per level (256 in TIGER)
 * @param iterations at most this many Lloyd iterations per level
 * @param tolerance a level stops early when fewer than {@code tolerance * n} items change code
 * @param fitSample each level's Lloyd iterations run on at most this many random items (faiss
 *     uses 256 per code); all items are assigned afterwards. k-means++ seeding uses at most
 *     32 per code of them
 * @param sinkhornEpsilon 0 for plain nearest-centroid assignment; &gt; 0 for a balanced final
 *     assignment per level by Sinkhorn-Knopp on distances scaled to [0, 1]. About 0.01 balances
 *     well; much larger values blur the transport plan so its per-item argmax drifts back to
 *     skew, much smaller ones underflow in float and converge slowly (RecBase uses 0.003 on
 *     distances scaled to [-1, 1], i.e. 0.006 here)
 * @param sinkhornIterations Sinkhorn-Knopp iterations (RecBase default 50)
 * @param seed all randomness (sampling, seeding) derives from it
 */
public record RqKMeansConfig(
    int levels,
    int codes,
    int iterations,
    double tolerance,
    int fitSample,
    double sinkhornEpsilon,
    int sinkhornIterations,
    long seed) {
  public RqKMeansConfig {
    if (levels < 1 || levels > 16) {
      throw new IllegalArgumentException("levels must be in 1..16, was " + levels);
    }
    if (codes < 2) {
      throw new IllegalArgumentException("codes must be >= 2, was " + codes);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
    }
    if (tolerance < 0 || tolerance >= 1) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
    }
    if (fitSample < codes) {
      throw new IllegalArgumentException(
          "fitSample must be >= codes (" + codes + "), was " + fitSample);
    }
    if (sinkhornEpsilon < 0 || Double.isNaN(sinkhornEpsilon)) {
      throw new IllegalArgumentException("sinkhornEpsilon must be >= 0, was " + sinkhornEpsilon);
    }
    if (sinkhornEpsilon > 0 && sinkhornIterations < 1) {
      throw new IllegalArgumentException("sinkhornIterations must be >= 1 when balancing");
    }
  }

  /** 4 levels x 256 codes, 25 iterations, plain assignment, seed 42. */
  public static RqKMeansConfig defaults() {
    return new RqKMeansConfig(4, 256, 25, 1e-3, 65_536, 0, 50, 42);
  }

  /** {@link #defaults()} with Sinkhorn-balanced assignment (epsilon 0.01, 50 iterations). */
  public static RqKMeansConfig balanced() {
    return defaults().withSinkhorn(0.01, 50);
  }

  public RqKMeansConfig withLevels(int l) {
    return new RqKMeansConfig(l, codes, iterations, tolerance, Math.max(fitSample, codes),
        sinkhornEpsilon, sinkhornIterations, seed);
  }

  public RqKMeansConfig withCodes(int c) {
    return new RqKMeansConfig(levels, c, iterations, tolerance, Math.max(fitSample, c),
        sinkhornEpsilon, sinkhornIterations, seed);
  }

  public RqKMeansConfig withSeed(long s) {
    return new RqKMeansConfig(levels, codes, iterations, tolerance, fitSample, sinkhornEpsilon,
        sinkhornIterations, s);
  }

  public RqKMeansConfig withIterations(int it) {
    return new RqKMeansConfig(levels, codes, it, tolerance, fitSample, sinkhornEpsilon,
        sinkhornIterations, seed);
  }

  public RqKMeansConfig withSinkhorn(double epsilon, int iters) {
    return new RqKMeansConfig(levels, codes, iterations, tolerance, fitSample, epsilon, iters,
        seed);
  }
}
