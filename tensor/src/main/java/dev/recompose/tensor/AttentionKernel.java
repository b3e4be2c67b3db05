package dev.recompose.tensor;

import java.util.Arrays;

/**
 * The fused scaled-dot-product attention kernel behind {@link Functional#attention}: forward and
 * backward over one (batch, head) slice at a time, computing only the score block that a query can
 * see.
 *
 * <p>It exists because recommender sequences are short, causal and left-padded (SASRec, BERT4Rec):
 * a dense {@code T x S} product wastes the causally masked upper triangle (half the work) and every
 * padded key, and general GEMM calls on 50 x 50 slices pay packing per call. Here query i sees the
 * key range {@code [lo, hi_i)}, where {@code lo} skips the leading padded keys of the batch row and
 * {@code hi_i = i + 1 + (S - T)} when causal (else S); rows with an empty range are skipped (they
 * output zeros). Products run on {@link Gemm#microBlock} register tiles reading the operands in
 * place (only K and V are transposed, once per slice). Probabilities outside a row's range are
 * exactly zero, so every product below may read them. Each output element is summed in a fixed
 * order whatever the thread count; dropout uses the same position-hashed mask as the rest of the
 * engine ({@link Functional#fillKeep}, stream position {@code slice * T * S + i * S + j}).
 *
 * <p>A second constructor runs the causal one-head case on compact rows (only the real, left-padded
 * positions, {@link Functional#attentionRows}): every access above starts at the slice's first real
 * row, so the same code works with per-slice row offsets instead of {@code slice * T}.
 */
final class AttentionKernel {
    private static final int MR = Gemm.MR;
    private static final int NR = Gemm.NR;
    /** Lanes of {@link VectorExp}: softmax rows are padded to whole vectors. */
    private static final int EXP_LANES = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();

    private final float[] q, k, v;
    private final int[] pad;
    private final int b, h, t, s, dk, dv;
    private final boolean causal;
    private final float scale;
    private final float dropout;
    private final long dropSeed;
    /** Row offsets of each slice in compact q/k/v/output ({@link #rows}); null for the padded layout. */
    private final int[] base;
    private final int outRows;
    /** Softmax probabilities (before dropout), [B*H, T, S]; zero outside each row's key range. */
    final float[] probs;

    AttentionKernel(float[] q, float[] k, float[] v, int[] pad, int b, int h, int t, int s, int dk, int dv,
                    boolean causal, float scale, float dropout, long dropSeed) {
        this.q = q;
        this.k = k;
        this.v = v;
        this.pad = pad;
        this.b = b;
        this.h = h;
        this.t = t;
        this.s = s;
        this.dk = dk;
        this.dv = dv;
        this.causal = causal;
        this.scale = scale;
        this.dropout = dropout;
        this.dropSeed = dropSeed;
        this.probs = new float[b * h * t * s];
        this.base = null;
        this.outRows = b * h * t;
    }

    /**
     * A causal, one-head kernel over compact rows: q, k, v and the output hold only the real
     * (non-padded) positions, batch row after batch row ({@code [R, d]}); with left padding only,
     * batch row {@code bi}'s positions {@code [lo_bi, T)} sit at compact rows
     * {@code base[bi] + lo_bi ..}, and the kernel never touches a position before {@code lo_bi}.
     */
    AttentionKernel(float[] q, float[] k, float[] v, int[] pad, int[] base, int rows, int b, int t, int dk, int dv,
                    float scale, float dropout, long dropSeed) {
        this.q = q;
        this.k = k;
        this.v = v;
        this.pad = pad;
        this.b = b;
        this.h = 1;
        this.t = t;
        this.s = t;
        this.dk = dk;
        this.dv = dv;
        this.causal = true;
        this.scale = scale;
        this.dropout = dropout;
        this.dropSeed = dropSeed;
        this.probs = new float[b * t * t];
        this.base = base;
        this.outRows = rows;
    }

    /** First row of slice x's queries (and outputs) in q / the output, as a row index. */
    private int qRow(int x) {
        return base == null ? x * t : base[x];
    }

    /** First row of slice x's keys and values, as a row index. */
    private int kRow(int x) {
        return base == null ? x * s : base[x];
    }

    /** First key that is not a leading pad of batch row {@code bi} (S when all are padded). */
    private int lo(int bi) {
        if (pad == null) return 0;
        int lo = 0;
        while (lo < s && pad[bi * s + lo] != 0) lo++;
        return lo;
    }

    /** End (exclusive) of query i's key range. */
    private int hi(int i) {
        return causal ? Math.max(0, Math.min(s, i + 1 + s - t)) : s;
    }

    /** First query whose range {@code [lo, hi_i)} is not empty (T when none). */
    private int firstRow(int lo) {
        if (lo >= s) return t;
        return causal ? Math.max(0, lo - (s - t)) : 0;
    }

    private int scratchSize() {
        return MR * Math.max(Math.max(t, s), Math.max(dk, dv)) + MR * NR;
    }

    /** Runs the forward pass; returns the output [B*H, T, Dv]. */
    float[] forward() {
        int bh = b * h, ts = t * s;
        float[] o = new float[outRows * dv];
        boolean drop = dropout > 0f;
        Parallel.forRange(bh, 1, (start, end) -> {
            float[] kt = new float[dk * sp()];
            float[] vp = new float[s * pad(dv)];
            float[] scratch = new float[scratchSize()];
            float[] ex = new float[s + EXP_LANES];
            float[] pd = drop ? new float[ts] : null;
            for (int x = start; x < end; x++) {
                int lo = lo(x / h), i0 = firstRow(lo);
                if (i0 >= t) continue;
                int pOff = x * ts;
                transpose(k, kRow(x) * dk, sp(), dk, lo, hi(t - 1), kt);
                scores(q, qRow(x) * dk, dk, kt, i0, lo, probs, pOff, scratch);
                softmax(x, i0, lo, pOff, ex);
                float[] src = probs;
                int srcOff = pOff;
                if (drop) {
                    Functional.fillKeep(pd, 0, pOff, ts, dropout, dropSeed);
                    for (int i = 0; i < ts; i++) pd[i] *= probs[pOff + i];
                    src = pd;
                    srcOff = 0;
                }
                padRows(v, kRow(x) * dv, lo, hi(t - 1), dv, vp);
                rowCombine(src, srcOff, i0, lo, vp, dv, o, qRow(x) * dv, scratch);
            }
        });
        return o;
    }

    /** Back-propagates output gradient {@code g} [B*H, T, Dv]; null gradient buffers are skipped. */
    void backward(float[] g, float[] gq, float[] gk, float[] gv) {
        int bh = b * h, ts = t * s;
        boolean drop = dropout > 0f;
        Parallel.forRange(bh, 1, (start, end) -> {
            float[] dp = new float[ts];
            float[] vt = new float[dv * sp()];
            float[] gp = new float[t * pad(dv)];
            float[] kp = new float[s * pad(dk)];
            float[] qp = new float[t * pad(dk)];
            float[] scratch = new float[scratchSize()];
            float[] keep = drop ? new float[ts] : null;
            float[] pd = drop ? new float[ts] : null;
            for (int x = start; x < end; x++) {
                int lo = lo(x / h), i0 = firstRow(lo);
                if (i0 >= t) continue;
                int pOff = x * ts, gOff = qRow(x) * dv;
                if (drop) {
                    Functional.fillKeep(keep, 0, pOff, ts, dropout, dropSeed);
                    for (int i = 0; i < ts; i++) pd[i] = probs[pOff + i] * keep[i];
                }
                if (gv != null) {
                    padRows(g, gOff, i0, t, dv, gp);
                    colCombine(drop ? pd : probs, drop ? 0 : pOff, i0, lo, gp, dv, gv, kRow(x) * dv, scratch);
                }
                if (gq == null && gk == null) continue;
                // dP = dO V^T on the visible block, then dS = P * (dP - rowsum(dP * P)) * scale
                Arrays.fill(dp, 0f);
                transpose(v, kRow(x) * dv, sp(), dv, lo, hi(t - 1), vt);
                scores(g, gOff, dv, vt, i0, lo, dp, 0, scratch);
                for (int i = i0; i < t; i++) {
                    int row = i * s, hiI = hi(i);
                    int end2 = blockEnd(i);
                    if (drop) for (int j = lo; j < hiI; j++) dp[row + j] *= keep[row + j];
                    float dot = 0f;
                    for (int j = lo; j < hiI; j++) dot += dp[row + j] * probs[pOff + row + j];
                    for (int j = lo; j < hiI; j++) dp[row + j] = probs[pOff + row + j] * (dp[row + j] - dot) * scale;
                    if (end2 > hiI) Arrays.fill(dp, row + hiI, row + end2, 0f);
                }
                if (gq != null) {
                    padRows(k, kRow(x) * dk, lo, hi(t - 1), dk, kp);
                    rowCombine(dp, 0, i0, lo, kp, dk, gq, qRow(x) * dk, scratch);
                }
                if (gk != null) {
                    padRows(q, qRow(x) * dk, i0, t, dk, qp);
                    colCombine(dp, 0, i0, lo, qp, dk, gk, kRow(x) * dk, scratch);
                }
            }
        });
    }

    /** End (exclusive) of the key columns computed for query i's row block (the block's widest range). */
    private int blockEnd(int i) {
        return hi(Math.min(t - 1, blockStart(i) + MR - 1));
    }

    /** Row blocks of MR queries start at the slice's first row; rows before it are never touched. */
    private int blockStart(int i) {
        // blocks are aligned to multiples of MR counted from row 0: same blocks for every slice
        return i - i % MR;
    }

    /** {@code dst[c*ld + j] = src[off + j*d + c]} for keys {@code j in [lo, hi)}. */
    private static void transpose(float[] src, int off, int ld, int d, int lo, int hi, float[] dst) {
        for (int j = lo; j < hi; j++) {
            int r = off + j * d;
            for (int c = 0; c < d; c++) dst[c * ld + j] = src[r + c];
        }
    }

    /** Rows {@code [from, to)} of a {@code d}-wide matrix at {@code off} into {@code dst} with row stride {@link #pad}(d). */
    private static void padRows(float[] src, int off, int from, int to, int d, float[] dst) {
        int ld = pad(d);
        for (int r = from; r < to; r++) System.arraycopy(src, off + r * d, dst, r * ld, d);
    }

    /** Row stride of a padded copy: whole register tiles, so a tile may read NR columns of any row. */
    private static int pad(int d) {
        return (d + NR - 1) / NR * NR;
    }

    /** Row stride of the transposed K and V: S plus a tile, for tiles that start at an unaligned key. */
    private int sp() {
        return s + NR;
    }

    /**
     * {@code out[i][j] += A[i] . Bt[:, j]} for rows {@code i >= i0} and keys {@code j} in the row
     * block's range {@code [lo, blockEnd)}; A rows have {@code d} floats at {@code aOff + i*d}.
     */
    private void scores(float[] a, int aOff, int d, float[] bt, int i0, int lo, float[] out, int outOff, float[] scratch) {
        for (int r0 = i0 - i0 % MR; r0 < t; r0 += MR) {
            int rs = Math.max(r0, i0), mr = Math.min(r0 + MR, t) - rs;
            int end = hi(Math.min(t - 1, r0 + MR - 1));
            for (int c0 = lo; c0 < end; c0 += NR) {
                Gemm.microBlock(a, aOff + rs * d, d, 1, mr, bt, c0, sp(), Math.min(NR, end - c0), d,
                        out, outOff + rs * s + c0, s, scratch);
            }
        }
    }

    /** Scales, masks and normalises the score rows {@code i >= i0} in place; clears what lies past each range. */
    private void softmax(int x, int i0, int lo, int pOff, float[] ex) {
        int bi = x / h;
        for (int i = i0; i < t; i++) {
            int row = pOff + i * s, hiI = hi(i);
            int end = blockEnd(i);
            if (end > hiI) Arrays.fill(probs, row + hiI, row + end, 0f);
            float mx = Float.NEGATIVE_INFINITY;
            for (int j = lo; j < hiI; j++) {
                if (pad != null && pad[bi * s + j] != 0) {
                    probs[row + j] = Float.NEGATIVE_INFINITY;
                } else {
                    float z = probs[row + j] * scale;
                    probs[row + j] = z;
                    if (z > mx) mx = z;
                }
            }
            if (mx == Float.NEGATIVE_INFINITY) {
                Arrays.fill(probs, row + lo, row + hiI, 0f);
                continue;
            }
            // the row's scores in whole vectors (minus infinity past the range gives 0) through the
            // reproducible vector exp, then back in place
            int n = hiI - lo, nv = (n + EXP_LANES - 1) / EXP_LANES * EXP_LANES;
            System.arraycopy(probs, row + lo, ex, 0, n);
            Arrays.fill(ex, n, nv, Float.NEGATIVE_INFINITY);
            VectorExp.expShifted(ex, nv, mx);
            System.arraycopy(ex, 0, probs, row + lo, n);
            float sum = VectorMath.sum(probs, row + lo, n);
            VectorMath.scale(probs, row + lo, hiI - lo, 1f / sum);
        }
    }

    /**
     * {@code out[i] += sum_j W[i][j] M[j]} over rows {@code i >= i0} and the block's key range
     * (W is zero past each row's range); M is a padded copy ({@link #padRows}) of rows with {@code d} floats.
     */
    private void rowCombine(float[] w, int wOff, int i0, int lo, float[] m, int d, float[] out, int outOff, float[] scratch) {
        int ld = pad(d);
        for (int r0 = i0 - i0 % MR; r0 < t; r0 += MR) {
            int rs = Math.max(r0, i0), mr = Math.min(r0 + MR, t) - rs;
            int end = hi(Math.min(t - 1, r0 + MR - 1));
            if (end <= lo) continue;
            for (int c0 = 0; c0 < d; c0 += NR) {
                Gemm.microBlock(w, wOff + rs * s + lo, s, 1, mr, m, lo * ld + c0, ld, Math.min(NR, d - c0), end - lo,
                        out, outOff + rs * d + c0, d, scratch);
            }
        }
    }

    /**
     * {@code out[j] += sum_i W[i][j] M[i]} for keys {@code j} in {@code [lo, hi_{T-1})}, over the
     * queries that see key j; M is a padded copy ({@link #padRows}) of rows with {@code d} floats.
     */
    private void colCombine(float[] w, int wOff, int i0, int lo, float[] m, int d, float[] out, int outOff, float[] scratch) {
        int ld = pad(d);
        int keys = hi(t - 1);
        for (int j0 = lo; j0 < keys; j0 += MR) {
            int mj = Math.min(MR, keys - j0);
            // the first query that sees key j0 (later keys of the block are seen by later or equal queries)
            int from = causal ? Math.max(i0, j0 - (s - t)) : i0;
            if (from >= t) continue;
            for (int c0 = 0; c0 < d; c0 += NR) {
                Gemm.microBlock(w, wOff + from * s + j0, 1, s, mj, m, from * ld + c0, ld, Math.min(NR, d - c0), t - from,
                        out, outOff + j0 * d + c0, d, scratch);
            }
        }
    }
}
