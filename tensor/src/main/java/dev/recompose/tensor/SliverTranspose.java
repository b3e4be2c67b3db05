package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs twelve row-major rows of a GEMM's A operand into the k-major sliver its 12-row micro-kernel
 * reads ({@code pa[off + kk*12 + r] = a[s0 + r*lda + kk]}), sixteen k steps at a time through a
 * 16 x 16 transpose in vector registers.
 *
 * <p>It exists because that pack is a transpose, and done with one gather per k step it was about a
 * tenth of a DeepFM training step; twelve row loads and four butterfly stages of two-vector
 * permutes ({@code selectFrom}, one instruction each on AVX-512) do the same in about a third of
 * the time (measured on the 4096 x 256 blocks of a 4096 x 400 activation). Only for 16-lane vectors,
 * where {@link Gemm} uses 12-row slivers.
 */
final class SliverTranspose {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Whether {@link #pack} may be used: the butterfly is written for 16 lanes. */
    static final boolean AVAILABLE = S.length() == 16;
    private static final FloatVector[] LO = new FloatVector[4];
    private static final FloatVector[] HI = new FloatVector[4];

    static {
        if (AVAILABLE) {
            // stage b pairs rows r and r + d (d = 2^b, bit b of r clear): where bit b of the column
            // is clear the low row keeps its lane and the high row takes the low row's lane c + d;
            // where it is set the low row takes the high row's lane c - d and the high row keeps its own
            for (int b = 0; b < 4; b++) {
                int d = 1 << b;
                float[] lo = new float[16];
                float[] hi = new float[16];
                for (int c = 0; c < 16; c++) {
                    boolean set = (c & d) != 0;
                    lo[c] = set ? 16 + c - d : c;
                    hi[c] = set ? 16 + c : c + d;
                }
                LO[b] = FloatVector.fromArray(S, lo, 0);
                HI[b] = FloatVector.fromArray(S, hi, 0);
            }
        }
    }

    private SliverTranspose() {}

    /**
     * Packs the first {@code kc - kc % 16} k steps of rows {@code s0 + r*lda} (r below 12) and returns
     * how many it packed; the caller packs the rest. Each step's store is a whole vector whose last
     * four lanes land where the next step writes: {@code pa} needs four floats of slack.
     */
    static int pack(float[] a, int s0, int lda, int kc, float[] pa, int off) {
        FloatVector z = FloatVector.zero(S);
        int kk = 0;
        for (; kk + 16 <= kc; kk += 16) {
            int s = s0 + kk;
            int o = off + kk * 12;
            FloatVector v0 = FloatVector.fromArray(S, a, s),
                    v1 = FloatVector.fromArray(S, a, s + 1 * lda),
                    v2 = FloatVector.fromArray(S, a, s + 2 * lda),
                    v3 = FloatVector.fromArray(S, a, s + 3 * lda),
                    v4 = FloatVector.fromArray(S, a, s + 4 * lda),
                    v5 = FloatVector.fromArray(S, a, s + 5 * lda),
                    v6 = FloatVector.fromArray(S, a, s + 6 * lda),
                    v7 = FloatVector.fromArray(S, a, s + 7 * lda),
                    v8 = FloatVector.fromArray(S, a, s + 8 * lda),
                    v9 = FloatVector.fromArray(S, a, s + 9 * lda),
                    v10 = FloatVector.fromArray(S, a, s + 10 * lda),
                    v11 = FloatVector.fromArray(S, a, s + 11 * lda);
            // stage 0: swap bit 0 of the row and column indices (pairs of rows 1 apart)
            FloatVector s00 = LO[0].selectFrom(v0, v1),
                    s01 = HI[0].selectFrom(v0, v1),
                    s02 = LO[0].selectFrom(v2, v3),
                    s03 = HI[0].selectFrom(v2, v3),
                    s04 = LO[0].selectFrom(v4, v5),
                    s05 = HI[0].selectFrom(v4, v5),
                    s06 = LO[0].selectFrom(v6, v7),
                    s07 = HI[0].selectFrom(v6, v7),
                    s08 = LO[0].selectFrom(v8, v9),
                    s09 = HI[0].selectFrom(v8, v9),
                    s0a = LO[0].selectFrom(v10, v11),
                    s0b = HI[0].selectFrom(v10, v11),
                    s0c = LO[0].selectFrom(z, z),
                    s0d = HI[0].selectFrom(z, z),
                    s0e = LO[0].selectFrom(z, z),
                    s0f = HI[0].selectFrom(z, z);
            // stage 1: swap bit 1 of the row and column indices (pairs of rows 2 apart)
            FloatVector s10 = LO[1].selectFrom(s00, s02),
                    s12 = HI[1].selectFrom(s00, s02),
                    s11 = LO[1].selectFrom(s01, s03),
                    s13 = HI[1].selectFrom(s01, s03),
                    s14 = LO[1].selectFrom(s04, s06),
                    s16 = HI[1].selectFrom(s04, s06),
                    s15 = LO[1].selectFrom(s05, s07),
                    s17 = HI[1].selectFrom(s05, s07),
                    s18 = LO[1].selectFrom(s08, s0a),
                    s1a = HI[1].selectFrom(s08, s0a),
                    s19 = LO[1].selectFrom(s09, s0b),
                    s1b = HI[1].selectFrom(s09, s0b),
                    s1c = LO[1].selectFrom(s0c, s0e),
                    s1e = HI[1].selectFrom(s0c, s0e),
                    s1d = LO[1].selectFrom(s0d, s0f),
                    s1f = HI[1].selectFrom(s0d, s0f);
            // stage 2: swap bit 2 of the row and column indices (pairs of rows 4 apart)
            FloatVector s20 = LO[2].selectFrom(s10, s14),
                    s24 = HI[2].selectFrom(s10, s14),
                    s21 = LO[2].selectFrom(s11, s15),
                    s25 = HI[2].selectFrom(s11, s15),
                    s22 = LO[2].selectFrom(s12, s16),
                    s26 = HI[2].selectFrom(s12, s16),
                    s23 = LO[2].selectFrom(s13, s17),
                    s27 = HI[2].selectFrom(s13, s17),
                    s28 = LO[2].selectFrom(s18, s1c),
                    s2c = HI[2].selectFrom(s18, s1c),
                    s29 = LO[2].selectFrom(s19, s1d),
                    s2d = HI[2].selectFrom(s19, s1d),
                    s2a = LO[2].selectFrom(s1a, s1e),
                    s2e = HI[2].selectFrom(s1a, s1e),
                    s2b = LO[2].selectFrom(s1b, s1f),
                    s2f = HI[2].selectFrom(s1b, s1f);
            // stage 3: swap bit 3 of the row and column indices (pairs of rows 8 apart)
            FloatVector s30 = LO[3].selectFrom(s20, s28),
                    s38 = HI[3].selectFrom(s20, s28),
                    s31 = LO[3].selectFrom(s21, s29),
                    s39 = HI[3].selectFrom(s21, s29),
                    s32 = LO[3].selectFrom(s22, s2a),
                    s3a = HI[3].selectFrom(s22, s2a),
                    s33 = LO[3].selectFrom(s23, s2b),
                    s3b = HI[3].selectFrom(s23, s2b),
                    s34 = LO[3].selectFrom(s24, s2c),
                    s3c = HI[3].selectFrom(s24, s2c),
                    s35 = LO[3].selectFrom(s25, s2d),
                    s3d = HI[3].selectFrom(s25, s2d),
                    s36 = LO[3].selectFrom(s26, s2e),
                    s3e = HI[3].selectFrom(s26, s2e),
                    s37 = LO[3].selectFrom(s27, s2f),
                    s3f = HI[3].selectFrom(s27, s2f);
            s30.intoArray(pa, o + 0);
            s31.intoArray(pa, o + 12);
            s32.intoArray(pa, o + 24);
            s33.intoArray(pa, o + 36);
            s34.intoArray(pa, o + 48);
            s35.intoArray(pa, o + 60);
            s36.intoArray(pa, o + 72);
            s37.intoArray(pa, o + 84);
            s38.intoArray(pa, o + 96);
            s39.intoArray(pa, o + 108);
            s3a.intoArray(pa, o + 120);
            s3b.intoArray(pa, o + 132);
            s3c.intoArray(pa, o + 144);
            s3d.intoArray(pa, o + 156);
            s3e.intoArray(pa, o + 168);
            s3f.intoArray(pa, o + 180);
        }
        return kk;
    }
}
