package dev.recompose.tensor;

import java.util.SplittableRandom;

/**
 * A seeded random number generator for initialisation, dropout and sampling.
 *
 * <p>There is no global random state in Recompose: every consumer receives an {@code Rng} built from
 * an explicit seed, so two runs with the same seed produce the same bits. {@link #split()} derives
 * independent streams deterministically.
 */
public final class Rng {
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator seeded with {@code seed}. */
    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent generator whose stream is a deterministic function of this one's state. */
    public Rng split() {
        return new Rng(random.split());
    }

    /** Uniform in [0, 1). */
    public float nextFloat() {
        return (float) ((random.nextLong() >>> 40) * 0x1.0p-24);
    }

    /** 64 uniform random bits (e.g. a seed for a counter-based stream). */
    public long nextLong() {
        return random.nextLong();
    }

    /** Uniform in [0, 1) as a double. */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        return random.nextInt(bound);
    }

    /** Uniform integer in [origin, bound). */
    public int nextInt(int origin, int bound) {
        if (bound <= origin) throw new IllegalArgumentException("empty range [" + origin + ", " + bound + ")");
        return random.nextInt(origin, bound);
    }

    /** Standard normal via the Marsaglia polar method (deterministic, no platform intrinsics). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u, v, s;
        do {
            u = random.nextDouble() * 2 - 1;
            v = random.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }
}
