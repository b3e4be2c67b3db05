package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transposes up to sixteen rows of a row-major matrix into k-major order
 * ({@code out[off + kk*stride + r] = a[s0 + r*lda + kk]}), sixteen k steps at a time through a
 * 16 x 16 transpose in vector registers: the pack of {@link Gemm}'s row-major A slivers and of its
 * transposed B panels.
 *
 * <p>It exists because those packs are transposes, and done with one gather (A) or one scalar
 * copy (B) per element they were about a tenth of a DeepFM training step; sixteen row loads and
 * four butterfly stages of two-vector permutes ({@code selectFrom}, one instruction each on
 * AVX-512) took the A pack of a 4096 x 256 block from 0.61 to 0.22 ms and one-thread 4096 x 400 x 400
 * products from 84-86 to 99-100 GFLOP/s. Only for 16-lane vectors.
 */
final class PackTranspose {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Whether the packs may be used: the butterfly is written for 16 lanes. */
    static final boolean AVAILABLE = S.length() == 16;
    /**
     * The permutation indices of butterfly stage b ({@code LO_IDX[b]}, {@code HI_IDX[b]}), loaded into
     * local vectors at the top of each pack. Not kept as {@code FloatVector}s in a static array:
     * C2 then depends on the call sites' type profile to compile {@code selectFrom} on them; with
     * them there, in roughly a third of JVMs the A pack ran 4-5x slower for the whole run (14-16%
     * of a DeepFM step's samples under async-profiler instead of 3%; every product on two threads
     * ~135 instead of ~190 GFLOP/s). Loaded here through the constant species, the vectors' class
     * is exact: 18 JVMs out of 18 ran fast afterwards (the link is measured, the compiler's
     * mechanism not traced).
     */
    private static final float[][] LO_IDX = new float[4][16];
    private static final float[][] HI_IDX = new float[4][16];

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
                LO_IDX[b] = lo;
                HI_IDX[b] = hi;
            }
        }
    }

    private PackTranspose() {}

    /**
     * Transposes the first {@code kc - kc % 16} k steps of the twelve rows {@code s0 + r*lda} (a
     * 12-row A sliver; the four missing rows read as zeros) and returns how many steps it wrote;
     * the caller does the rest. Each step's store is a whole 16-lane vector: with
     * {@code stride < 16} its lanes past {@code stride} land where the next step writes, and
     * {@code out} needs {@code 16 - stride} floats of slack after the last step.
     */
    static int pack12(float[] a, int s0, int lda, int kc, float[] out, int off, int stride) {
        FloatVector z = FloatVector.zero(S);
        int kk = 0;
        FloatVector lo0 = FloatVector.fromArray(S, LO_IDX[0], 0), hi0 = FloatVector.fromArray(S, HI_IDX[0], 0),
                lo1 = FloatVector.fromArray(S, LO_IDX[1], 0), hi1 = FloatVector.fromArray(S, HI_IDX[1], 0),
                lo2 = FloatVector.fromArray(S, LO_IDX[2], 0), hi2 = FloatVector.fromArray(S, HI_IDX[2], 0),
                lo3 = FloatVector.fromArray(S, LO_IDX[3], 0), hi3 = FloatVector.fromArray(S, HI_IDX[3], 0);
        for (; kk + 16 <= kc; kk += 16) {
            int s = s0 + kk;
            int o = off + kk * stride;
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
            FloatVector s00 = lo0.selectFrom(v0, v1),
                    s01 = hi0.selectFrom(v0, v1),
                    s02 = lo0.selectFrom(v2, v3),
                    s03 = hi0.selectFrom(v2, v3),
                    s04 = lo0.selectFrom(v4, v5),
                    s05 = hi0.selectFrom(v4, v5),
                    s06 = lo0.selectFrom(v6, v7),
                    s07 = hi0.selectFrom(v6, v7),
                    s08 = lo0.selectFrom(v8, v9),
                    s09 = hi0.selectFrom(v8, v9),
                    s0a = lo0.selectFrom(v10, v11),
                    s0b = hi0.selectFrom(v10, v11),
                    s0c = lo0.selectFrom(z, z),
                    s0d = hi0.selectFrom(z, z),
                    s0e = lo0.selectFrom(z, z),
                    s0f = hi0.selectFrom(z, z);
            // stage 1: swap bit 1 of the row and column indices (pairs of rows 2 apart)
            FloatVector s10 = lo1.selectFrom(s00, s02),
                    s12 = hi1.selectFrom(s00, s02),
                    s11 = lo1.selectFrom(s01, s03),
                    s13 = hi1.selectFrom(s01, s03),
                    s14 = lo1.selectFrom(s04, s06),
                    s16 = hi1.selectFrom(s04, s06),
                    s15 = lo1.selectFrom(s05, s07),
                    s17 = hi1.selectFrom(s05, s07),
                    s18 = lo1.selectFrom(s08, s0a),
                    s1a = hi1.selectFrom(s08, s0a),
                    s19 = lo1.selectFrom(s09, s0b),
                    s1b = hi1.selectFrom(s09, s0b),
                    s1c = lo1.selectFrom(s0c, s0e),
                    s1e = hi1.selectFrom(s0c, s0e),
                    s1d = lo1.selectFrom(s0d, s0f),
                    s1f = hi1.selectFrom(s0d, s0f);
            // stage 2: swap bit 2 of the row and column indices (pairs of rows 4 apart)
            FloatVector s20 = lo2.selectFrom(s10, s14),
                    s24 = hi2.selectFrom(s10, s14),
                    s21 = lo2.selectFrom(s11, s15),
                    s25 = hi2.selectFrom(s11, s15),
                    s22 = lo2.selectFrom(s12, s16),
                    s26 = hi2.selectFrom(s12, s16),
                    s23 = lo2.selectFrom(s13, s17),
                    s27 = hi2.selectFrom(s13, s17),
                    s28 = lo2.selectFrom(s18, s1c),
                    s2c = hi2.selectFrom(s18, s1c),
                    s29 = lo2.selectFrom(s19, s1d),
                    s2d = hi2.selectFrom(s19, s1d),
                    s2a = lo2.selectFrom(s1a, s1e),
                    s2e = hi2.selectFrom(s1a, s1e),
                    s2b = lo2.selectFrom(s1b, s1f),
                    s2f = hi2.selectFrom(s1b, s1f);
            // stage 3: swap bit 3 of the row and column indices (pairs of rows 8 apart)
            FloatVector s30 = lo3.selectFrom(s20, s28),
                    s38 = hi3.selectFrom(s20, s28),
                    s31 = lo3.selectFrom(s21, s29),
                    s39 = hi3.selectFrom(s21, s29),
                    s32 = lo3.selectFrom(s22, s2a),
                    s3a = hi3.selectFrom(s22, s2a),
                    s33 = lo3.selectFrom(s23, s2b),
                    s3b = hi3.selectFrom(s23, s2b),
                    s34 = lo3.selectFrom(s24, s2c),
                    s3c = hi3.selectFrom(s24, s2c),
                    s35 = lo3.selectFrom(s25, s2d),
                    s3d = hi3.selectFrom(s25, s2d),
                    s36 = lo3.selectFrom(s26, s2e),
                    s3e = hi3.selectFrom(s26, s2e),
                    s37 = lo3.selectFrom(s27, s2f),
                    s3f = hi3.selectFrom(s27, s2f);
            s30.intoArray(out, o + 0 * stride);
            s31.intoArray(out, o + 1 * stride);
            s32.intoArray(out, o + 2 * stride);
            s33.intoArray(out, o + 3 * stride);
            s34.intoArray(out, o + 4 * stride);
            s35.intoArray(out, o + 5 * stride);
            s36.intoArray(out, o + 6 * stride);
            s37.intoArray(out, o + 7 * stride);
            s38.intoArray(out, o + 8 * stride);
            s39.intoArray(out, o + 9 * stride);
            s3a.intoArray(out, o + 10 * stride);
            s3b.intoArray(out, o + 11 * stride);
            s3c.intoArray(out, o + 12 * stride);
            s3d.intoArray(out, o + 13 * stride);
            s3e.intoArray(out, o + 14 * stride);
            s3f.intoArray(out, o + 15 * stride);
        }
        return kk;
    }

    /**
     * As {@link #pack12} for sixteen rows (half of a 32-column B panel), with {@code stride >= 16}.
     * Two methods rather than one with a row count: loads made conditional on it split C2's graph
     * until it gave up ("out of nodes during split") and left the pack to the tier-1 compiler,
     * whose boxed vectors made every product that followed a third slower for the whole run.
     */
    static int pack16(float[] a, int s0, int lda, int kc, float[] out, int off, int stride) {
        int kk = 0;
        FloatVector lo0 = FloatVector.fromArray(S, LO_IDX[0], 0), hi0 = FloatVector.fromArray(S, HI_IDX[0], 0),
                lo1 = FloatVector.fromArray(S, LO_IDX[1], 0), hi1 = FloatVector.fromArray(S, HI_IDX[1], 0),
                lo2 = FloatVector.fromArray(S, LO_IDX[2], 0), hi2 = FloatVector.fromArray(S, HI_IDX[2], 0),
                lo3 = FloatVector.fromArray(S, LO_IDX[3], 0), hi3 = FloatVector.fromArray(S, HI_IDX[3], 0);
        for (; kk + 16 <= kc; kk += 16) {
            int s = s0 + kk;
            int o = off + kk * stride;
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
                    v11 = FloatVector.fromArray(S, a, s + 11 * lda),
                    v12 = FloatVector.fromArray(S, a, s + 12 * lda),
                    v13 = FloatVector.fromArray(S, a, s + 13 * lda),
                    v14 = FloatVector.fromArray(S, a, s + 14 * lda),
                    v15 = FloatVector.fromArray(S, a, s + 15 * lda);
            // stage 0: swap bit 0 of the row and column indices (pairs of rows 1 apart)
            FloatVector s00 = lo0.selectFrom(v0, v1),
                    s01 = hi0.selectFrom(v0, v1),
                    s02 = lo0.selectFrom(v2, v3),
                    s03 = hi0.selectFrom(v2, v3),
                    s04 = lo0.selectFrom(v4, v5),
                    s05 = hi0.selectFrom(v4, v5),
                    s06 = lo0.selectFrom(v6, v7),
                    s07 = hi0.selectFrom(v6, v7),
                    s08 = lo0.selectFrom(v8, v9),
                    s09 = hi0.selectFrom(v8, v9),
                    s0a = lo0.selectFrom(v10, v11),
                    s0b = hi0.selectFrom(v10, v11),
                    s0c = lo0.selectFrom(v12, v13),
                    s0d = hi0.selectFrom(v12, v13),
                    s0e = lo0.selectFrom(v14, v15),
                    s0f = hi0.selectFrom(v14, v15);
            // stage 1: swap bit 1 of the row and column indices (pairs of rows 2 apart)
            FloatVector s10 = lo1.selectFrom(s00, s02),
                    s12 = hi1.selectFrom(s00, s02),
                    s11 = lo1.selectFrom(s01, s03),
                    s13 = hi1.selectFrom(s01, s03),
                    s14 = lo1.selectFrom(s04, s06),
                    s16 = hi1.selectFrom(s04, s06),
                    s15 = lo1.selectFrom(s05, s07),
                    s17 = hi1.selectFrom(s05, s07),
                    s18 = lo1.selectFrom(s08, s0a),
                    s1a = hi1.selectFrom(s08, s0a),
                    s19 = lo1.selectFrom(s09, s0b),
                    s1b = hi1.selectFrom(s09, s0b),
                    s1c = lo1.selectFrom(s0c, s0e),
                    s1e = hi1.selectFrom(s0c, s0e),
                    s1d = lo1.selectFrom(s0d, s0f),
                    s1f = hi1.selectFrom(s0d, s0f);
            // stage 2: swap bit 2 of the row and column indices (pairs of rows 4 apart)
            FloatVector s20 = lo2.selectFrom(s10, s14),
                    s24 = hi2.selectFrom(s10, s14),
                    s21 = lo2.selectFrom(s11, s15),
                    s25 = hi2.selectFrom(s11, s15),
                    s22 = lo2.selectFrom(s12, s16),
                    s26 = hi2.selectFrom(s12, s16),
                    s23 = lo2.selectFrom(s13, s17),
                    s27 = hi2.selectFrom(s13, s17),
                    s28 = lo2.selectFrom(s18, s1c),
                    s2c = hi2.selectFrom(s18, s1c),
                    s29 = lo2.selectFrom(s19, s1d),
                    s2d = hi2.selectFrom(s19, s1d),
                    s2a = lo2.selectFrom(s1a, s1e),
                    s2e = hi2.selectFrom(s1a, s1e),
                    s2b = lo2.selectFrom(s1b, s1f),
                    s2f = hi2.selectFrom(s1b, s1f);
            // stage 3: swap bit 3 of the row and column indices (pairs of rows 8 apart)
            FloatVector s30 = lo3.selectFrom(s20, s28),
                    s38 = hi3.selectFrom(s20, s28),
                    s31 = lo3.selectFrom(s21, s29),
                    s39 = hi3.selectFrom(s21, s29),
                    s32 = lo3.selectFrom(s22, s2a),
                    s3a = hi3.selectFrom(s22, s2a),
                    s33 = lo3.selectFrom(s23, s2b),
                    s3b = hi3.selectFrom(s23, s2b),
                    s34 = lo3.selectFrom(s24, s2c),
                    s3c = hi3.selectFrom(s24, s2c),
                    s35 = lo3.selectFrom(s25, s2d),
                    s3d = hi3.selectFrom(s25, s2d),
                    s36 = lo3.selectFrom(s26, s2e),
                    s3e = hi3.selectFrom(s26, s2e),
                    s37 = lo3.selectFrom(s27, s2f),
                    s3f = hi3.selectFrom(s27, s2f);
            s30.intoArray(out, o + 0 * stride);
            s31.intoArray(out, o + 1 * stride);
            s32.intoArray(out, o + 2 * stride);
            s33.intoArray(out, o + 3 * stride);
            s34.intoArray(out, o + 4 * stride);
            s35.intoArray(out, o + 5 * stride);
            s36.intoArray(out, o + 6 * stride);
            s37.intoArray(out, o + 7 * stride);
            s38.intoArray(out, o + 8 * stride);
            s39.intoArray(out, o + 9 * stride);
            s3a.intoArray(out, o + 10 * stride);
            s3b.intoArray(out, o + 11 * stride);
            s3c.intoArray(out, o + 12 * stride);
            s3d.intoArray(out, o + 13 * stride);
            s3e.intoArray(out, o + 14 * stride);
            s3f.intoArray(out, o + 15 * stride);
        }
        return kk;
    }
}
