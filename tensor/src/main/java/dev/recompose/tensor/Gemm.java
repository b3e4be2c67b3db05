package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix multiply, {@code C = alpha * op(A) * op(B) + beta * C}, row-major, BLAS style.
 *
 * <p>It exists because every dense layer, attention score and full-vocabulary logit goes through
 * it. The kernel follows the GotoBLAS layout: B is packed into {@code KC x NR} panels (zero padded,
 * so a transposed B costs only the pack) unless its rows are short enough to stream in place; A is
 * read in place for full row blocks, or packed into {@code MR x KC} slivers (edges, transposes with
 * a scale); an {@code MR x NR} (6 rows x 2 vectors, 6 x 32 with AVX-512) Vector API micro-kernel accumulates with
 * FMA. Row blocks are split across the {@link Parallel} pool when the product is large enough to pay
 * for it; each output element is summed in the same order whatever the thread count.
 */
public final class Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Micro-tile columns: two vectors. */
    static final int NR = 2 * VL;
    /** Micro-tile rows. */
    static final int MR = 6;
    private static final int KC = 256;
    private static final int NC = 4096;
    /** Multiply-adds below which the product runs on the calling thread only. */
    private static final long PARALLEL_MIN_MACS = 1L << 22;

    private static final ThreadLocal<float[]> PACK_A = ThreadLocal.withInitial(() -> new float[MR * KC]);
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);
    private static final ThreadLocal<float[][]> PACK_B = ThreadLocal.withInitial(() -> new float[1][0]);

    private Gemm() {}

    /**
     * {@code C[cOff..] = alpha * op(A) * op(B) + beta * C}; op(A) is {@code m x k}, op(B) is
     * {@code k x n}. With {@code transA} A is stored {@code k x m} (leading dimension lda), likewise B.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("negative gemm size m=" + m + " n=" + n + " k=" + k);
        if (m == 0 || n == 0) return;
        if (beta != 1f) {
            for (int i = 0; i < m; i++) {
                int row = cOff + i * ldc;
                if (beta == 0f) java.util.Arrays.fill(c, row, row + n, 0f);
                else for (int j = 0; j < n; j++) c[row + j] *= beta;
            }
        }
        if (k == 0 || alpha == 0f) return;
        if (n < VL || (long) m * n * k < 4096) {
            small(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        boolean parallel = (long) m * n * k >= PARALLEL_MIN_MACS && Parallel.threads() > 1;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean directB = !transB && ldb <= 256 && !(transA && m <= 64);
                boolean panelMajor = transA && m <= 64 && !directB;
                float[] pb = directB ? null : packB(transB, b, bOff, ldb, pc, kc, jc, nc, panels);
                int lastNr = nc - (panels - 1) * NR;
                // a direct B's partial last panel is copied once, zero padded, so the kernel can read NR columns
                float[] edgeB = directB && lastNr < NR ? edgePanel(b, bOff + pc * ldb + jc + (panels - 1) * NR, ldb, kc, lastNr) : null;
                int rowBlocks = (m + MR - 1) / MR;
                final int fjc = jc, fpc = pc, fnc = nc;
                Parallel.RangeBody body = (rs, re) -> {
                    float[] pa = PACK_A.get();
                    float[] tile = TILE.get();
                    int nb = re - rs, packedRb = -1;
                    for (int it = 0; it < nb * panels; it++) {
                        // weight gradients (transposed A, few rows, long k) walk panel-major so one
                        // packed B panel stays in L1 across the row blocks; elsewhere row-major
                        int rb = rs + (panelMajor ? it % nb : it / panels);
                        int p = panelMajor ? it / nb : it % panels;
                        int i0 = rb * MR;
                        int mr = Math.min(MR, m - i0);
                        boolean directA = mr == MR && alpha == 1f;
                        int aBase, aRs, aKs;
                        float[] aSrc;
                        if (directA) {
                            aSrc = a;
                            aBase = transA ? aOff + fpc * lda + i0 : aOff + i0 * lda + fpc;
                            aRs = transA ? 1 : lda;
                            aKs = transA ? lda : 1;
                        } else {
                            if (rb != packedRb) packA(transA, a, aOff, lda, i0, mr, fpc, kc, alpha, pa);
                            packedRb = rb;
                            aSrc = pa;
                            aBase = 0;
                            aRs = 1;
                            aKs = MR;
                        }
                        {
                            int j0 = fjc + p * NR;
                            int nr = Math.min(NR, fjc + fnc - j0);
                            float[] bSrc;
                            int bBase, bStride;
                            if (!directB) {
                                bSrc = pb;
                                bBase = p * kc * NR;
                                bStride = NR;
                            } else if (nr == NR) {
                                bSrc = b;
                                bBase = bOff + fpc * ldb + j0;
                                bStride = ldb;
                            } else {
                                bSrc = edgeB;
                                bBase = 0;
                                bStride = NR;
                            }
                            if (mr == MR && nr == NR) {
                                kernel(aSrc, aBase, aRs, aKs, bSrc, bBase, bStride, kc, c, cOff + i0 * ldc + j0, ldc);
                            } else {
                                java.util.Arrays.fill(tile, 0f);
                                kernel(aSrc, aBase, aRs, aKs, bSrc, bBase, bStride, kc, tile, 0, NR);
                                addTile(tile, mr, nr, c, cOff + i0 * ldc + j0, ldc);
                            }
                        }
                    }
                };
                if (parallel) Parallel.forRange(rowBlocks, 1, body);
                else body.run(0, rowBlocks);
            }
        }
    }

    /** {@code kc} rows of {@code nr < NR} columns from {@code b[off + kk*ldb]}, zero padded to NR columns. */
    private static float[] edgePanel(float[] b, int off, int ldb, int kc, int nr) {
        float[] e = new float[kc * NR];
        for (int kk = 0; kk < kc; kk++) System.arraycopy(b, off + kk * ldb, e, kk * NR, nr);
        return e;
    }

    private static float[] packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, int panels) {
        float[][] holder = PACK_B.get();
        int need = panels * kc * NR;
        if (holder[0].length < need) holder[0] = new float[Math.max(need, holder[0].length * 2)];
        float[] pb = holder[0];
        for (int p = 0; p < panels; p++) {
            int j0 = jc + p * NR;
            int nr = Math.min(NR, jc + nc - j0);
            int base = p * kc * NR;
            if (!transB) {
                for (int kk = 0; kk < kc; kk++) {
                    int src = bOff + (pc + kk) * ldb + j0;
                    int dst = base + kk * NR;
                    System.arraycopy(b, src, pb, dst, nr);
                    for (int q = nr; q < NR; q++) pb[dst + q] = 0f;
                }
            } else {
                for (int q = 0; q < NR; q++) {
                    if (q < nr) {
                        int src = bOff + (j0 + q) * ldb + pc;
                        for (int kk = 0; kk < kc; kk++) pb[base + kk * NR + q] = b[src + kk];
                    } else {
                        for (int kk = 0; kk < kc; kk++) pb[base + kk * NR + q] = 0f;
                    }
                }
            }
        }
        return pb;
    }

    private static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mr, int pc, int kc, float alpha, float[] pa) {
        if (!transA) {
            for (int r = 0; r < MR; r++) {
                if (r < mr) {
                    int src = aOff + (i0 + r) * lda + pc;
                    for (int kk = 0; kk < kc; kk++) pa[kk * MR + r] = alpha * a[src + kk];
                } else {
                    for (int kk = 0; kk < kc; kk++) pa[kk * MR + r] = 0f;
                }
            }
        } else {
            for (int kk = 0; kk < kc; kk++) {
                int src = aOff + (pc + kk) * lda + i0;
                int dst = kk * MR;
                for (int r = 0; r < MR; r++) pa[dst + r] = r < mr ? alpha * a[src + r] : 0f;
            }
        }
    }

    /**
     * One register tile of a product whose operands are read in place:
     * {@code C[r][q] += sum_{kk<kc} A(r, kk) * B(kk, q)} for {@code r < mr <= MR}, {@code q < nr <= NR},
     * where {@code A(r, kk) = a[aOff + r*aRs + kk*aKs]} and row kk of B starts at {@code b[bOff + kk*bStride]}.
     * Every B row must be readable for NR floats (columns past nr are read but never reach C).
     * Fused kernels (attention) use it to multiply sub-blocks (e.g. only the unmasked causal part)
     * without packing; {@code scratch} holds at least {@code MR*kc + MR*NR} floats for partial row tiles.
     */
    static void microBlock(float[] a, int aOff, int aRs, int aKs, int mr, float[] b, int bOff, int bStride, int nr, int kc,
                           float[] c, int cOff, int ldc, float[] scratch) {
        if (kc <= 0 || mr <= 0 || nr <= 0) return;
        if (mr == MR && nr == NR) {
            kernel(a, aOff, aRs, aKs, b, bOff, bStride, kc, c, cOff, ldc);
            return;
        }
        int tile = MR * kc;
        if (mr < MR) {
            for (int kk = 0; kk < kc; kk++) {
                int src = aOff + kk * aKs, dst = kk * MR;
                for (int r = 0; r < MR; r++) scratch[dst + r] = r < mr ? a[src + r * aRs] : 0f;
            }
            a = scratch;
            aOff = 0;
            aRs = 1;
            aKs = MR;
        }
        java.util.Arrays.fill(scratch, tile, tile + MR * NR, 0f);
        kernel(a, aOff, aRs, aKs, b, bOff, bStride, kc, scratch, tile, NR);
        addTileAt(scratch, tile, mr, nr, c, cOff, ldc);
    }

    /**
     * MR x NR micro-kernel: C[0..MR, 0..NR] += A-sliver * B-panel over kc steps. Element (r, k) of A is
     * {@code a[aOff + r*aRs + k*aKs]} (packed or read in place), row k of B starts at {@code b[bOff + k*bStride]}.
     */
    private static void kernel(float[] a, int aOff, int aRs, int aKs, float[] b, int bOff, int bStride, int kc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        int bi = bOff, ai = aOff;
        int r1 = aRs, r2 = 2 * aRs, r3 = 3 * aRs, r4 = 4 * aRs, r5 = 5 * aRs;
        for (int kk = 0; kk < kc; kk++, bi += bStride, ai += aKs) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector a0 = FloatVector.broadcast(S, a[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + r1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + r2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + r3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + r4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + r5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        int o = cOff;
        c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c01.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o += ldc;
        c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c11.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o += ldc;
        c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c21.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o += ldc;
        c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c31.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o += ldc;
        c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c41.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o += ldc;
        c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c51.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
    }

    /**
     * {@code C[r][q] += tile[r][q]} for {@code r < mr}, {@code q < nr} (a partial edge tile), one
     * masked vector per half row. Kept out of {@link #kernel} on purpose: masks in the kernel's hot
     * method make C1 run out of registers and C2 give up inlining the vector intrinsics, which then
     * fall back to allocating Java loops.
     */
    private static void addTile(float[] tile, int mr, int nr, float[] c, int cOff, int ldc) {
        addTileAt(tile, 0, mr, nr, c, cOff, ldc);
    }

    private static void addTileAt(float[] tile, int tOff, int mr, int nr, float[] c, int cOff, int ldc) {
        VectorMask<Float> m0 = S.indexInRange(0, nr), m1 = S.indexInRange(VL, nr);
        boolean two = nr > VL;
        for (int r = 0; r < mr; r++) {
            int o = cOff + r * ldc, tr = tOff + r * NR;
            FloatVector.fromArray(S, tile, tr).add(FloatVector.fromArray(S, c, o, m0)).intoArray(c, o, m0);
            if (two) FloatVector.fromArray(S, tile, tr + VL).add(FloatVector.fromArray(S, c, o + VL, m1)).intoArray(c, o + VL, m1);
        }
    }

    /** Plain loops for thin products (n smaller than a vector), where packing does not pay. */
    private static void small(boolean transA, boolean transB, int m, int n, int k, float alpha,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int kk = 0; kk < k; kk++) {
                    float av = transA ? a[aOff + kk * lda + i] : a[aOff + i * lda + kk];
                    float bv = transB ? b[bOff + j * ldb + kk] : b[bOff + kk * ldb + j];
                    s += av * bv;
                }
                c[cOff + i * ldc + j] += alpha * s;
            }
        }
    }
}
