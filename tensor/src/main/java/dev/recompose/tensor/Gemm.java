package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix multiply, {@code C = alpha * op(A) * op(B) + beta * C}, row-major, BLAS style.
 *
 * <p>It exists because every dense layer, attention score and full-vocabulary logit goes through
 * it. The kernel follows the GotoBLAS layout: B is packed into {@code KC x NR} panels and A into
 * {@code MR x KC} slivers (both zero padded, so transposes and {@code alpha} cost only the pack),
 * and an {@code MR x NR} Vector API micro-kernel accumulates with FMA: 12 rows x 2 vectors (12 x 32,
 * 24 accumulators) where the vector registers are 512 bits wide (32 registers), 6 x 2 vectors
 * elsewhere. Both operands are always packed because the packed layout gives the kernel constant
 * strides, which lets C2 hoist every bounds check out of the loop (read in place, with strides
 * passed in, the checks cost 30-40% of the kernel's time). Row blocks are split across the
 * {@link Parallel} pool when the product is large enough to pay for it; each output element is
 * summed in the same order whatever the thread count.
 */
public final class Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Micro-tile columns: two vectors. */
    static final int NR = 2 * VL;
    /** Rows of the strided register tile behind {@link #microBlock} (fused kernels' sub-blocks). */
    static final int MR = 6;
    /** Rows of the packed micro-kernel of {@link #sgemm}: 12 with 32 vector registers, else 6. */
    static final int PMR = VL >= 16 ? 12 : 6;
    private static final int KC = 256;
    /**
     * Depths up to which the product is one k block: the 400-deep products of a [400]x3 tower then
     * pack A once and load and store each C tile once instead of twice (k = 256 + 144);
     * 4096 x 400 x 400 with caches flushed between calls: 171-181 -> 184-188 GFLOP/s on two threads.
     */
    private static final int KC_SINGLE = 512;
    private static final int NC = 4096;
    /**
     * Most floats of packed B a deep product keeps for all its k blocks at once (16 MiB: a 400-wide
     * weight gradient up to a batch of ~10,000); deeper ones pack one k block at a time.
     */
    private static final long DEEP_PACK_MAX = Long.getLong("recompose.gemm.deep_pack_floats", 1L << 22);
    /** Multiply-adds below which the product runs on the calling thread only. */
    private static final long PARALLEL_MIN_MACS = 1L << 22;

    private static final ThreadLocal<float[]> PACK_A = ThreadLocal.withInitial(() -> new float[PMR * KC + VL]);
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[PMR * NR]);
    private static final ThreadLocal<float[][]> PACK_B = ThreadLocal.withInitial(() -> new float[1][0]);
    /** Row offsets {@code min(r, 11) * lda} of the gather that packs a row-major 12-row sliver. */
    private static final ThreadLocal<int[]> ROW_OFFSETS = ThreadLocal.withInitial(() -> new int[VL]);

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
        if (beta == 0f && alpha != 0f && packs(m, n, k)) {
            // each row block is cleared just before its first kernel, while it is in cache, instead
            // of in a pass over all of C first
            packed(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, ZERO_ROWS, null);
            return;
        }
        if (beta != 1f) {
            // split across threads when large: with beta = 0 this is the first write of a fresh output
            if ((long) m * n >= (1L << 16) && Parallel.threads() > 1) {
                Parallel.forRange(m, Math.max(1, (1 << 14) / n), (s, e) -> scaleRows(c, cOff, ldc, n, beta, s, e));
            } else {
                scaleRows(c, cOff, ldc, n, beta, 0, m);
            }
        }
        if (k == 0 || alpha == 0f) return;
        if (m == 1 || n == 1 || k == 1) {
            thin(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        if (n < VL || (long) m * n * k < 4096) {
            small(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        packed(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, null, null);
    }

    /** Whether a product goes to the packed kernel with whole rows in one column block (so row hooks apply there). */
    private static boolean packs(int m, int n, int k) {
        return m > 1 && n > 1 && k > 1 && n >= VL && (long) m * n * k >= 4096 && n <= NC;
    }

    /** Work on whole output rows: rows {@code [from, to)} of C, {@code n} columns each, row r at {@code cOff + r*ldc}. */
    @FunctionalInterface
    public interface RowHook {
        void apply(float[] c, int cOff, int ldc, int n, int from, int to);
    }

    private static final RowHook ZERO_ROWS = (c, cOff, ldc, n, from, to) -> {
        for (int r = from; r < to; r++) java.util.Arrays.fill(c, cOff + r * ldc, cOff + r * ldc + n, 0f);
    };

    /**
     * {@code C = init; C += op(A) * op(B); done(C)} where {@code init} writes the starting value of
     * whole rows (every column of each row it is given) and {@code done} (may be null) post-processes
     * whole rows once their sums are final. Both are applied to one block of rows at a time, just
     * before its first and just after its last micro-kernel, while those rows are in cache.
     *
     * <p>It exists for fused layers: bias + product + ReLU + dropout of a hidden layer make one pass
     * over a {@code batch x 400} activation instead of three. Each row's value is the same as
     * {@code init}, then {@link #sgemm} with {@code beta = 1}, then {@code done} over all rows (which is
     * what happens when the product does not go to the packed kernel); hooks must treat rows
     * independently and may run on any thread.
     */
    public static void sgemmRows(boolean transA, boolean transB, int m, int n, int k,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, RowHook init, RowHook done) {
        if (init == null) throw new IllegalArgumentException("sgemmRows needs an init hook");
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("negative gemm size m=" + m + " n=" + n + " k=" + k);
        if (m == 0 || n == 0) return;
        if (k > 0 && packs(m, n, k)) {
            packed(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, init, done);
            return;
        }
        int grain = Math.max(1, (1 << 14) / n);
        Parallel.forRange(m, grain, (s, e) -> init.apply(c, cOff, ldc, n, s, e));
        sgemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 1f, c, cOff, ldc);
        if (done != null) Parallel.forRange(m, grain, (s, e) -> done.apply(c, cOff, ldc, n, s, e));
    }

    /**
     * The packed (GotoBLAS) product, accumulating into C; with hooks (then {@code n <= NC}) each row
     * block gets {@code init} before its first kernel and {@code done} after its last.
     */
    private static void packed(boolean transA, boolean transB, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float[] c, int cOff, int ldc, RowHook init, RowHook done) {
        boolean parallel = (long) m * n * k >= PARALLEL_MIN_MACS && Parallel.threads() > 1;
        int kBlock = k <= KC_SINGLE ? k : KC;
        int kBlocks = (k + kBlock - 1) / kBlock;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            Block block = new Block(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, init, done, jc, nc);
            int panels = block.panels, rowBlocks = block.rowBlocks;
            if (!parallel || rowBlocks == 1) {
                float[] pb = bPanels(panels, kBlock);
                for (int pc = 0; pc < k; pc += kBlock) {
                    int kc = Math.min(kBlock, k - pc);
                    packPanels(transB, b, bOff, ldb, pc, kc, jc, nc, pb, 0, 0, panels);
                    block.rows(0, rowBlocks, pc, kc, pb, 0, null, 0);
                }
            } else if (kBlocks == 1) {
                // B panels are packed on first use by whichever thread claims them (each thread
                // starts at its own share of the panels, so the packing is split too)
                float[] pb = bPanels(panels, k);
                PanelClaims claims = new PanelClaims(panels);
                claimRowBlocks(rowBlocks, (rs, re) -> block.rows(rs, re, 0, k, pb, 0, claims, 0));
            } else if ((long) kBlocks * panels * kBlock * NR > DEEP_PACK_MAX) {
                // too deep to hold every k block's panels: one region per k block, still a static
                // split so each thread keeps its rows of C
                float[] pb = bPanels(panels, kBlock);
                for (int pc = 0; pc < k; pc += kBlock) {
                    int fpc = pc, kc = Math.min(kBlock, k - pc);
                    PanelClaims claims = new PanelClaims(panels);
                    Parallel.forRange(rowBlocks, 1, (rs, re) -> block.rows(rs, re, fpc, kc, pb, 0, claims, 0));
                }
            } else {
                // deep products (the weight gradients, k = batch): one region over all k blocks, each
                // thread keeping its rows of C (in its own cache) from the first k block to the last;
                // the panels of every k block are packed once, by whichever thread needs them first
                float[] pb = bPanels(kBlocks * panels, kBlock);
                PanelClaims claims = new PanelClaims(kBlocks * panels);
                Parallel.forRange(rowBlocks, 1, (rs, re) -> {
                    for (int q = 0; q < kBlocks; q++) {
                        int pc = q * kBlock;
                        block.rows(rs, re, pc, Math.min(kBlock, k - pc), pb, q * panels * kBlock * NR, claims, q * panels);
                    }
                });
            }
        }
    }

    /**
     * One column block ({@code jc}, {@code nc}) of a packed product: runs the row blocks of one k
     * block against its packed B panels.
     */
    private static final class Block {
        final boolean transA, transB, panelMajor;
        final int m, n, k, lda, ldb, ldc, aOff, bOff, cOff, jc, nc, panels, rowBlocks;
        final float alpha;
        final float[] a, b, c;
        final RowHook init, done;

        Block(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, RowHook init, RowHook done, int jc, int nc) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
            this.init = init;
            this.done = done;
            this.jc = jc;
            this.nc = nc;
            this.panels = (nc + NR - 1) / NR;
            this.rowBlocks = (m + PMR - 1) / PMR;
            // weight gradients (transposed A, few rows, long k) walk panel-major so one packed B panel
            // stays in L1 across the row blocks (all of the thread's A slivers are packed up front)
            this.panelMajor = transA && m <= 64;
        }

        /**
         * Row blocks {@code [rs, re)} over k block {@code [pc, pc + kc)}, its B panels at
         * {@code pb[pbOff..]}; with {@code claims}, panel p is packed on first use under claim
         * {@code claimOff + p}, else all panels are already packed.
         */
        void rows(int rs, int re, int pc, int kc, float[] pb, int pbOff, PanelClaims claims, int claimOff) {
            boolean first = pc == 0, last = pc + kc >= k;
            int nb = re - rs;
            int start = claims == null ? 0 : (int) ((long) rs * panels / rowBlocks);
            float[] pa = aSlivers(panelMajor ? nb : 1, kc);
            float[] tile = TILE.get();
            if (panelMajor) {
                for (int q = 0; q < nb; q++) packA(transA, a, aOff, lda, m, (rs + q) * PMR, pc, kc, alpha, pa, q * PMR * kc);
                if (first && init != null) init.apply(c, cOff, ldc, n, rs * PMR, Math.min(m, re * PMR));
            }
            for (int it = 0; it < nb * panels; it++) {
                int rb = rs + (panelMajor ? it % nb : it / panels);
                int p = ((panelMajor ? it / nb : it % panels) + start) % panels;
                if (claims != null) claims.ensure(claimOff + p, () -> packPanels(transB, b, bOff, ldb, pc, kc, jc, nc, pb, pbOff, p, p + 1));
                int i0 = rb * PMR;
                int mr = Math.min(PMR, m - i0);
                int aBase = panelMajor ? (rb - rs) * PMR * kc : 0;
                if (!panelMajor && it % panels == 0) {
                    packA(transA, a, aOff, lda, m, i0, pc, kc, alpha, pa, 0);
                    if (first && init != null) init.apply(c, cOff, ldc, n, i0, i0 + mr);
                }
                int j0 = jc + p * NR;
                int nr = Math.min(NR, jc + nc - j0);
                int bBase = pbOff + p * kc * NR;
                // an edge panel one vector wide or less (n = 400 is 12 panels and 16 columns, n = 100
                // three and 4) takes the half-width kernel: half the multiply-adds of a full panel
                // (a lane-masked store of C in it made C2 box its vectors: 5x slower steps)
                boolean half = PMR == 12 && nr <= VL;
                if (mr == PMR && nr == NR) {
                    packedKernel(pa, aBase, pb, bBase, kc, c, cOff + i0 * ldc + j0, ldc);
                } else if (half && mr == PMR && nr == VL) {
                    kernel12Half(pa, aBase, pb, bBase, kc, c, cOff + i0 * ldc + j0, ldc);
                } else {
                    java.util.Arrays.fill(tile, 0f);
                    if (half) kernel12Half(pa, aBase, pb, bBase, kc, tile, 0, NR);
                    else packedKernel(pa, aBase, pb, bBase, kc, tile, 0, NR);
                    addTileAt(tile, 0, mr, nr, c, cOff + i0 * ldc + j0, ldc);
                }
                if (last && done != null && !panelMajor && it % panels == panels - 1) done.apply(c, cOff, ldc, n, i0, i0 + mr);
            }
            if (last && done != null && panelMajor) done.apply(c, cOff, ldc, n, rs * PMR, Math.min(m, re * PMR));
        }
    }

    /**
     * Runs {@code body} over the row blocks {@code [0, rowBlocks)} on all threads, each claiming the
     * next few blocks when it is done with its last. With a static half-and-half split the caller
     * of a DeepFM step on these shared VMs waited 1-15 ms per step for the slower thread (depending
     * on the round); claiming bounds that tail by one grain. Claims are guided: an eighth of a
     * thread's share of what is left (21 blocks of 4096 rows first, 1 at the end), so the tail is
     * one block where a fixed 5-block grain left up to five (DeepFM step ~1% faster in same-JVM
     * alternating rounds, about the noise; a fixed 21-block grain ran ~1 ms/step slower).
     * Bits do not depend on who ran which block: each block's tiles are summed the same way.
     */
    private static void claimRowBlocks(int rowBlocks, Parallel.RangeBody body) {
        int t = Math.min(Parallel.threads(), rowBlocks);
        int parts = 8 * t;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Parallel.forRange(t, 1, (ts, te) -> {
            for (int s; (s = next.get()) < rowBlocks; ) {
                int g = Math.max(1, (rowBlocks - s) / parts);
                if (next.compareAndSet(s, s + g)) body.run(s, s + g);
            }
        });
    }

    /** {@code C[rows from, to) *= beta}; with {@code beta == 0} the rows are cleared whatever they held. */
    private static void scaleRows(float[] c, int cOff, int ldc, int n, float beta, int from, int to) {
        for (int i = from; i < to; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) java.util.Arrays.fill(c, row, row + n, 0f);
            else for (int j = 0; j < n; j++) c[row + j] *= beta;
        }
    }

    /**
     * Who packs which B panel of a parallel block: the first thread to need a panel packs it, the
     * others wait for it (panels are packed once, by both threads, inside the one parallel region).
     */
    private static final class PanelClaims {
        private static final int FREE = 0, PACKING = 1, READY = 2, FAILED = 3;
        private final java.util.concurrent.atomic.AtomicIntegerArray state;

        PanelClaims(int panels) {
            this.state = new java.util.concurrent.atomic.AtomicIntegerArray(panels);
        }

        void ensure(int p, Runnable pack) {
            int st = state.get(p);
            if (st == READY) return;
            if (st == FREE && state.compareAndSet(p, FREE, PACKING)) {
                try {
                    pack.run();
                } catch (RuntimeException | Error e) {
                    state.set(p, FAILED);
                    throw e;
                }
                state.set(p, READY);
                return;
            }
            while ((st = state.get(p)) != READY) {
                if (st == FAILED) throw new IllegalStateException("packing B panel " + p + " failed on another thread");
                Thread.onSpinWait();
            }
        }
    }

    private static float[] aSlivers(int slivers, int kc) {
        float[] pa = PACK_A.get();
        if (pa.length < slivers * PMR * kc + VL) {
            pa = new float[slivers * PMR * Math.max(kc, KC) + VL];
            PACK_A.set(pa);
        }
        return pa;
    }

    private static void packedKernel(float[] a, int aOff, float[] b, int bOff, int kc, float[] c, int cOff, int ldc) {
        if (PMR == 12) kernel12(a, aOff, b, bOff, kc, c, cOff, ldc);
        else kernel6(a, aOff, b, bOff, kc, c, cOff, ldc);
    }

    private static float[] bPanels(int panels, int kc) {
        float[][] holder = PACK_B.get();
        int need = panels * kc * NR;
        if (holder[0].length < need) holder[0] = new float[Math.max(need, holder[0].length * 2)];
        return holder[0];
    }

    /** Packs B panels {@code [p0, p1)} of the block {@code (pc, jc)} into {@code pb} from {@code pbOff}, zero padded to NR columns. */
    private static void packPanels(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] pb, int pbOff, int p0, int p1) {
        for (int p = p0; p < p1; p++) {
            int j0 = jc + p * NR;
            int nr = Math.min(NR, jc + nc - j0);
            int base = pbOff + p * kc * NR;
            if (!transB && nr == NR) {
                // two vector copies per k row: System.arraycopy's call costs as much as the 128-byte
                // copy, and the weight gradients pack all of a 4096-row activation this way
                for (int kk = 0; kk < kc; kk++) {
                    int src = bOff + (pc + kk) * ldb + j0;
                    int dst = base + kk * NR;
                    FloatVector.fromArray(S, b, src).intoArray(pb, dst);
                    FloatVector.fromArray(S, b, src + VL).intoArray(pb, dst + VL);
                }
            } else if (!transB) {
                for (int kk = 0; kk < kc; kk++) {
                    int src = bOff + (pc + kk) * ldb + j0;
                    int dst = base + kk * NR;
                    System.arraycopy(b, src, pb, dst, nr);
                    for (int q = nr; q < NR; q++) pb[dst + q] = 0f;
                }
            } else {
                int done = 0;
                if (PackTranspose.AVAILABLE && nr == NR) {
                    // two 16-row register transposes per 16 k steps (NR is 32 here); the one
                    // narrower edge panel takes the element loop below
                    int src = bOff + j0 * ldb + pc;
                    done = PackTranspose.pack16(b, src, ldb, kc, pb, base, NR);
                    PackTranspose.pack16(b, src + 16 * ldb, ldb, kc, pb, base + 16, NR);
                }
                for (int q = 0; q < NR; q++) {
                    if (q < nr) {
                        int src = bOff + (j0 + q) * ldb + pc;
                        for (int kk = done; kk < kc; kk++) pb[base + kk * NR + q] = b[src + kk];
                    } else {
                        for (int kk = 0; kk < kc; kk++) pb[base + kk * NR + q] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Packs rows {@code [i0, i0 + PMR)} of op(A) (times alpha), columns {@code [pc, pc + kc)}, k-major
     * ({@code pa[off + kk*PMR + r]}); rows at or past {@code m} are zeros.
     */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int m, int i0, int pc, int kc, float alpha, float[] pa, int off) {
        int mr = Math.min(PMR, m - i0);
        if (!transA && mr == 12 && alpha == 1f) {
            // sixteen k steps at a time through a register transpose, the rest with one gather per
            // k step (lane r reads row min(r, 11)); lanes past 12 land where the next step writes
            // (the buffer has a vector of slack)
            int[] map = ROW_OFFSETS.get();
            if (map[1] != lda) for (int r = 0; r < VL; r++) map[r] = Math.min(r, 11) * lda;
            int s0 = aOff + i0 * lda + pc;
            int done = PackTranspose.AVAILABLE ? PackTranspose.pack12(a, s0, lda, kc, pa, off, 12) : 0;
            for (int kk = done; kk < kc; kk++) {
                FloatVector.fromArray(S, a, s0 + kk, map, 0).intoArray(pa, off + kk * 12);
            }
        } else if (!transA) {
            for (int r = 0; r < PMR; r++) {
                if (r < mr) {
                    int src = aOff + (i0 + r) * lda + pc;
                    if (alpha == 1f) for (int kk = 0; kk < kc; kk++) pa[off + kk * PMR + r] = a[src + kk];
                    else for (int kk = 0; kk < kc; kk++) pa[off + kk * PMR + r] = alpha * a[src + kk];
                } else {
                    for (int kk = 0; kk < kc; kk++) pa[off + kk * PMR + r] = 0f;
                }
            }
        } else {
            int kk = 0;
            if (mr == PMR && alpha == 1f && PMR <= VL) {
                // one whole vector per step: its lanes past PMR land where the next step writes
                // (the sliver buffers have a vector of slack), and the source must hold them too
                int src = aOff + pc * lda + i0;
                for (; kk < kc && src + (long) kk * lda + VL <= a.length; kk++) {
                    FloatVector.fromArray(S, a, src + kk * lda).intoArray(pa, off + kk * PMR);
                }
            }
            for (; kk < kc; kk++) {
                int src = aOff + (pc + kk) * lda + i0;
                int dst = off + kk * PMR;
                for (int r = 0; r < PMR; r++) pa[dst + r] = r < mr ? alpha * a[src + r] : 0f;
            }
        }
    }

    /** 12 x NR packed micro-kernel: {@code C[0..12, 0..NR] += A-sliver * B-panel} over kc steps, A at {@code a[aOff + kk*PMR + r]}, B row kk at {@code b[bOff + kk*NR]}. */
    private static void kernel12(float[] a, int aOff, float[] b, int bOff, int kc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S), c81 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S), c91 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S), c101 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S), c111 = FloatVector.zero(S);
        // two steps per trip: the loop's own instructions are paid half as often (3-5% here)
        int kk = 0;
        for (; kk + 1 < kc; kk += 2) {
            { int bi = bOff + (kk + 0) * NR, ai = aOff + (kk + 0) * 12;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector a0 = FloatVector.broadcast(S, a[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(S, a[ai + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(S, a[ai + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(S, a[ai + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(S, a[ai + 11]);
            c110 = a11.fma(b0, c110);
            c111 = a11.fma(b1, c111);
            }
            { int bi = bOff + (kk + 1) * NR, ai = aOff + (kk + 1) * 12;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector a0 = FloatVector.broadcast(S, a[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(S, a[ai + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(S, a[ai + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(S, a[ai + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(S, a[ai + 11]);
            c110 = a11.fma(b0, c110);
            c111 = a11.fma(b1, c111);
            }
        }
        for (; kk < kc; kk++) {
            int bi = bOff + kk * NR, ai = aOff + kk * 12;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector a0 = FloatVector.broadcast(S, a[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(S, a[ai + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(S, a[ai + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(S, a[ai + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(S, a[ai + 11]);
            c110 = a11.fma(b0, c110);
            c111 = a11.fma(b1, c111);
        }
        // the epilogue is written out: through a helper method C2 stops inlining the vector
        // intrinsics of this large method and falls back to boxed vectors (20x slower)
        int o = cOff;
        c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c01.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 1 * ldc;
        c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c11.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 2 * ldc;
        c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c21.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 3 * ldc;
        c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c31.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 4 * ldc;
        c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c41.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 5 * ldc;
        c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c51.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 6 * ldc;
        c60.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c61.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 7 * ldc;
        c70.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c71.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 8 * ldc;
        c80.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c81.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 9 * ldc;
        c90.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c91.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 10 * ldc;
        c100.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c101.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 11 * ldc;
        c110.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c111.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
    }

    /**
     * 12 x VL packed micro-kernel for edge panels at most one vector wide: {@code C[0..12, 0..VL] +=
     * A-sliver * B-panel}, reading the first vector of each (NR-wide) B panel row. Each element is
     * summed in the same order as by {@link #kernel12}, so the edge columns' bits do not change.
     */
    private static void kernel12Half(float[] a, int aOff, float[] b, int bOff, int kc, float[] c, int cOff, int ldc) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S), c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S), c8 = FloatVector.zero(S), c9 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        int kk = 0;
        for (; kk + 1 < kc; kk += 2) {
            { int bi = bOff + (kk + 0) * NR, ai = aOff + (kk + 0) * 12;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c0 = FloatVector.broadcast(S, a[ai + 0]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ai + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ai + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, a[ai + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, a[ai + 7]).fma(b0, c7);
            c8 = FloatVector.broadcast(S, a[ai + 8]).fma(b0, c8);
            c9 = FloatVector.broadcast(S, a[ai + 9]).fma(b0, c9);
            c10 = FloatVector.broadcast(S, a[ai + 10]).fma(b0, c10);
            c11 = FloatVector.broadcast(S, a[ai + 11]).fma(b0, c11);
            }
            { int bi = bOff + (kk + 1) * NR, ai = aOff + (kk + 1) * 12;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c0 = FloatVector.broadcast(S, a[ai + 0]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ai + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ai + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, a[ai + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, a[ai + 7]).fma(b0, c7);
            c8 = FloatVector.broadcast(S, a[ai + 8]).fma(b0, c8);
            c9 = FloatVector.broadcast(S, a[ai + 9]).fma(b0, c9);
            c10 = FloatVector.broadcast(S, a[ai + 10]).fma(b0, c10);
            c11 = FloatVector.broadcast(S, a[ai + 11]).fma(b0, c11);
            }
        }
        for (; kk < kc; kk++) {
            { int bi = bOff + kk * NR, ai = aOff + kk * 12;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c0 = FloatVector.broadcast(S, a[ai + 0]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ai + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ai + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, a[ai + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, a[ai + 7]).fma(b0, c7);
            c8 = FloatVector.broadcast(S, a[ai + 8]).fma(b0, c8);
            c9 = FloatVector.broadcast(S, a[ai + 9]).fma(b0, c9);
            c10 = FloatVector.broadcast(S, a[ai + 10]).fma(b0, c10);
            c11 = FloatVector.broadcast(S, a[ai + 11]).fma(b0, c11);
            }
        }
        // written out, as in kernel12
        c0.add(FloatVector.fromArray(S, c, cOff)).intoArray(c, cOff);
        c1.add(FloatVector.fromArray(S, c, cOff + 1 * ldc)).intoArray(c, cOff + 1 * ldc);
        c2.add(FloatVector.fromArray(S, c, cOff + 2 * ldc)).intoArray(c, cOff + 2 * ldc);
        c3.add(FloatVector.fromArray(S, c, cOff + 3 * ldc)).intoArray(c, cOff + 3 * ldc);
        c4.add(FloatVector.fromArray(S, c, cOff + 4 * ldc)).intoArray(c, cOff + 4 * ldc);
        c5.add(FloatVector.fromArray(S, c, cOff + 5 * ldc)).intoArray(c, cOff + 5 * ldc);
        c6.add(FloatVector.fromArray(S, c, cOff + 6 * ldc)).intoArray(c, cOff + 6 * ldc);
        c7.add(FloatVector.fromArray(S, c, cOff + 7 * ldc)).intoArray(c, cOff + 7 * ldc);
        c8.add(FloatVector.fromArray(S, c, cOff + 8 * ldc)).intoArray(c, cOff + 8 * ldc);
        c9.add(FloatVector.fromArray(S, c, cOff + 9 * ldc)).intoArray(c, cOff + 9 * ldc);
        c10.add(FloatVector.fromArray(S, c, cOff + 10 * ldc)).intoArray(c, cOff + 10 * ldc);
        c11.add(FloatVector.fromArray(S, c, cOff + 11 * ldc)).intoArray(c, cOff + 11 * ldc);
    }

    /** 6 x NR packed micro-kernel: {@code C[0..6, 0..NR] += A-sliver * B-panel} over kc steps, A at {@code a[aOff + kk*PMR + r]}, B row kk at {@code b[bOff + kk*NR]}. */
    private static void kernel6(float[] a, int aOff, float[] b, int bOff, int kc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int kk = 0; kk < kc; kk++) {
            int bi = bOff + kk * NR, ai = aOff + kk * 6;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector a0 = FloatVector.broadcast(S, a[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        // the epilogue is written out: through a helper method C2 stops inlining the vector
        // intrinsics of this large method and falls back to boxed vectors (20x slower)
        int o = cOff;
        c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c01.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 1 * ldc;
        c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c11.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 2 * ldc;
        c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c21.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 3 * ldc;
        c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c31.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 4 * ldc;
        c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c41.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
        o = cOff + 5 * ldc;
        c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c51.add(FloatVector.fromArray(S, c, o + VL)).intoArray(c, o + VL);
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
     * masked vector per half row; the tile's rows start at {@code tile[tOff]}, NR floats apart. Kept
     * out of the kernels on purpose: masks in a kernel's hot method make C1 run out of registers and
     * C2 give up inlining the vector intrinsics, which then fall back to allocating Java loops.
     */
    private static void addTileAt(float[] tile, int tOff, int mr, int nr, float[] c, int cOff, int ldc) {
        VectorMask<Float> m0 = S.indexInRange(0, nr), m1 = S.indexInRange(VL, nr);
        boolean two = nr > VL;
        for (int r = 0; r < mr; r++) {
            int o = cOff + r * ldc, tr = tOff + r * NR;
            FloatVector.fromArray(S, tile, tr).add(FloatVector.fromArray(S, c, o, m0)).intoArray(c, o, m0);
            if (two) FloatVector.fromArray(S, tile, tr + VL).add(FloatVector.fromArray(S, c, o + VL, m1)).intoArray(c, o + VL, m1);
        }
    }

    /** Outputs per parallel chunk of a thin product. */
    private static final int THIN_GRAIN = 64;

    /**
     * Products with a single row, column or inner step (a layer with one output, its gradients, a
     * rank-1 update), where packing would copy an operand to use each element once: one vector
     * loop per output row or column chunk, split across threads by output (each output summed in
     * the same order whatever the thread count).
     */
    private static void thin(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        boolean parallel = (long) m * n * k >= (1L << 16);
        if (k == 1) {
            // C[i][:] += alpha * A(i, 0) * B(0, :)
            float[] row = contiguousRow(transB, b, bOff, ldb, n);
            Parallel.RangeBody body = (s, e) -> {
                for (int i = s; i < e; i++) {
                    float ai = alpha * (transA ? a[aOff + i] : a[aOff + i * lda]);
                    VectorMath.axpy(ai, row, 0, c, cOff + i * ldc, n);
                }
            };
            if (parallel) Parallel.forRange(m, THIN_GRAIN, body);
            else body.run(0, m);
        } else if (n == 1) {
            // C[i][0] += alpha * op(A)[i, :] . op(B)[:, 0]
            float[] col = contiguousRow(!transB, b, bOff, ldb, k);
            Parallel.RangeBody body;
            if (!transA) {
                body = (s, e) -> {
                    for (int i = s; i < e; i++) c[cOff + i * ldc] += alpha * VectorMath.dot(a, aOff + i * lda, col, 0, k);
                };
            } else {
                // rows of A (stored k x m) are contiguous along i: accumulate chunk sums kk by kk
                body = (s, e) -> {
                    float[] acc = new float[e - s];
                    for (int kk = 0; kk < k; kk++) VectorMath.axpy(col[kk], a, aOff + kk * lda + s, acc, 0, e - s);
                    for (int i = s; i < e; i++) c[cOff + i * ldc] += alpha * acc[i - s];
                };
            }
            if (parallel) Parallel.forRange(m, THIN_GRAIN, body);
            else body.run(0, m);
        } else {
            // m == 1: C[0][j] += alpha * op(A)[0, :] . op(B)[:, j]
            float[] arow = contiguousRow(transA, a, aOff, lda, k);
            Parallel.RangeBody body;
            if (transB) {
                body = (s, e) -> {
                    for (int j = s; j < e; j++) c[cOff + j] += alpha * VectorMath.dot(arow, 0, b, bOff + j * ldb, k);
                };
            } else {
                body = (s, e) -> {
                    float[] acc = new float[e - s];
                    for (int kk = 0; kk < k; kk++) VectorMath.axpy(arow[kk], b, bOff + kk * ldb + s, acc, 0, e - s);
                    for (int j = s; j < e; j++) c[cOff + j] += alpha * acc[j - s];
                };
            }
            if (parallel) Parallel.forRange(n, THIN_GRAIN, body);
            else body.run(0, n);
        }
    }

    /**
     * The {@code len} elements of a vector stored at {@code x[off]} with stride {@code strided ? ld : 1},
     * copied into a contiguous array (a contiguous one is still copied: the copy is len floats, the
     * product that reads it len x (m or n) multiply-adds).
     */
    private static float[] contiguousRow(boolean strided, float[] x, int off, int ld, int len) {
        float[] out = new float[len];
        if (!strided) System.arraycopy(x, off, out, 0, len);
        else for (int q = 0; q < len; q++) out[q] = x[off + q * ld];
        return out;
    }

    /** Plain loops for narrow or tiny products (n smaller than a vector, few multiply-adds), where packing does not pay. */
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
