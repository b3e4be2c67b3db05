package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Inverted-dropout multipliers ({@code 0} or {@code 1/(1-p)}) as a pure function of (seed, element
 * index), vectorised: the same values as {@link Functional#fillKeep}, computed on 64-bit vector
 * lanes (AVX-512 has a 64-bit lane multiply) instead of one element at a time.
 *
 * <p>It exists because the scalar SplitMix64 finaliser was the largest non-GEMM cost of a DeepFM
 * training step (about a tenth of it); this is about four times faster. Dropout masks are hashed for every hidden activation.
 */
final class DropoutMask {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    /** Floats with as many lanes as {@link #L}, to receive the converted mask. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(L.length() * 32));

    private DropoutMask() {}

    /**
     * Writes the multipliers of elements {@code first .. first+n-1} of stream {@code seed} into
     * {@code dst[0 .. n-1]}, {@code L.length()} lanes at a time; bit-identical to
     * {@code Functional.fillKeep(dst, 0, first, n, p, seed)}.
     */
    static void fill(float[] dst, long first, int n, float p, long seed) {
        float scale = 1f / (1f - p);
        long threshold = (long) Math.ceil(p * 4294967296.0);
        int lanes = L.length();
        LongVector iota = (LongVector) L.iotaShuffle(0, 1, false).toVector();
        LongVector th = LongVector.broadcast(L, threshold);
        FloatVector kept = FloatVector.broadcast(F, scale), zero = FloatVector.zero(F);
        int j = 0;
        for (int bound = n - n % lanes; j < bound; j += lanes) {
            LongVector z = iota.add(first + j).mul(0x9E3779B97F4A7C15L).add(seed);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            // the top 32 bits below the threshold means dropped (values fit in 33 bits: signed compare is exact)
            VectorMask<Long> dropped = z.lanewise(VectorOperators.LSHR, 32).compare(VectorOperators.LT, th);
            kept.blend(zero, dropped.cast(F)).intoArray(dst, j);
        }
        if (j < n) Functional.fillKeep(dst, j, first + j, n - j, p, seed);
    }
}
