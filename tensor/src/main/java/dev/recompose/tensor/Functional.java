package dev.recompose.tensor;

import java.util.Arrays;

/**
 * Stateless neural-network functions with hand-written fused backward passes.
 *
 * <p>These are the ops where composing primitives would cost extra passes over memory or extra
 * tape nodes: layer norm, embedding lookup with row-sparse gradients, seeded dropout, scaled
 * dot-product attention with causal and padding masks, 1-D convolution and the GRU cell.
 * {@code nn} modules hold parameters and call into here.
 */
public final class Functional {
    /** Dropout masks are regenerated in blocks of this many elements, never stored whole. */
    private static final int MASK_BLOCK = 2048;

    private Functional() {}

    /** {@code op(a) @ op(b)} with explicit transposes of the last two axes. */
    public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        return MatMul.matmul(a, b, transA, transB);
    }

    /** {@code x @ w^T + b} for a weight stored {@code out x in} (PyTorch layout); {@code b} may be null. */
    public static Tensor linear(Tensor x, Tensor w, Tensor b) {
        if (w.dim() != 2 || x.size(-1) != w.size(1)) throw new IllegalArgumentException("linear: input " + Shapes.str(x.shapeRef()) + " does not match weight " + Shapes.str(w.shapeRef()));
        return MatMul.linear(x, w, b);
    }

    /**
     * Dot products along the last axis, {@code sum(a * b, -1)} for equally shaped {@code a} and
     * {@code b}, fused: the scoring step of every two-tower and sequential recommender
     * (user or sequence state against item embeddings) without materialising the product.
     */
    public static Tensor rowDot(Tensor a, Tensor b) {
        if (!Arrays.equals(a.shapeRef(), b.shapeRef()) || a.dim() == 0) {
            throw new IllegalArgumentException("rowDot needs equal shapes of rank >= 1, got " + Shapes.str(a.shapeRef()) + " and " + Shapes.str(b.shapeRef()));
        }
        int d = a.size(-1);
        float[] x = a.data(), y = b.data();
        int rows = d == 0 ? 0 : x.length / d;
        float[] o = new float[rows];
        for (int r = 0; r < rows; r++) o[r] = VectorMath.dot(x, r * d, y, r * d, d);
        return Tensor.result(o, Arrays.copyOf(a.shapeRef(), a.dim() - 1), g -> {
            if (a.requiresGrad) {
                float[] ga = a.gradBuf();
                for (int r = 0; r < rows; r++) for (int j = 0, at = r * d; j < d; j++, at++) ga[at] += g[r] * y[at];
            }
            if (b.requiresGrad) {
                float[] gb = b.gradBuf();
                for (int r = 0; r < rows; r++) for (int j = 0, at = r * d; j < d; j++, at++) gb[at] += g[r] * x[at];
            }
        }, a, b);
    }

    /**
     * Inverted dropout: zeroes each element with probability {@code p} and scales the rest by
     * {@code 1/(1-p)}; the identity when not training or {@code p == 0}.
     */
    public static Tensor dropout(Tensor x, float p, boolean training, Rng rng) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        if (!training || p == 0f) return x;
        float[] in = x.data();
        long seed = rng.nextLong();
        float[] o = new float[in.length];
        Parallel.forRange(in.length, Elementwise.GRAIN, (s, e) -> {
            float[] mask = new float[Math.min(MASK_BLOCK, e - s)];
            for (int b0 = s; b0 < e; b0 += MASK_BLOCK) {
                int len = Math.min(MASK_BLOCK, e - b0);
                DropoutMask.fill(mask, b0, len, p, seed);
                for (int j = 0; j < len; j++) o[b0 + j] = in[b0 + j] * mask[j];
            }
        });
        return Tensor.result(o, x.shape(), g -> {
            float[] gx = x.gradBuf();
            Parallel.forRange(g.length, Elementwise.GRAIN, (s, e) -> {
                float[] mask = new float[Math.min(MASK_BLOCK, e - s)];
                for (int b0 = s; b0 < e; b0 += MASK_BLOCK) {
                    int len = Math.min(MASK_BLOCK, e - b0);
                    DropoutMask.fill(mask, b0, len, p, seed);
                    for (int j = 0; j < len; j++) gx[b0 + j] += g[b0 + j] * mask[j];
                }
            });
        }, x);
    }

    /**
     * Writes inverted-dropout multipliers ({@code 0} or {@code 1/(1-p)}) for elements
     * {@code first .. first+n-1} of the stream {@code seed} into {@code dst[dstOff ..]}. Element i
     * keeps iff a SplitMix64 hash of {@code (seed, i)} clears {@code p}: the mask is a pure function
     * of (seed, index), so it is never stored — backward passes regenerate it — and it is the same
     * for any thread count or chunking.
     */
    static void fillKeep(float[] dst, int dstOff, long first, int n, float p, long seed) {
        float scale = 1f / (1f - p);
        long threshold = (long) Math.ceil(p * 4294967296.0);
        for (int j = 0; j < n; j++) {
            long z = seed + (first + j) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            // branch-free: (u - threshold) >>> 63 is 1 exactly when u < threshold (dropped)
            dst[dstOff + j] = scale * (1 - (int) (((z >>> 32) - threshold) >>> 63));
        }
    }

    /**
     * Layer normalisation over the last axis (Ba, Kiros and Hinton 2016), fused forward and
     * backward; {@code gamma} and {@code beta} (shape [last]) may be null.
     */
    public static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        int d = x.size(-1);
        if (gamma != null && gamma.numel() != d) throw new IllegalArgumentException("layerNorm gamma " + Shapes.str(gamma.shapeRef()) + " does not match input " + Shapes.str(x.shapeRef()));
        if (beta != null && beta.numel() != d) throw new IllegalArgumentException("layerNorm beta " + Shapes.str(beta.shapeRef()) + " does not match input " + Shapes.str(x.shapeRef()));
        float[] in = x.data();
        int rows = d == 0 ? 0 : in.length / d;
        // only per-row statistics are saved; the normalised rows are recomputed in backward
        float[] mean = new float[rows];
        float[] rstd = new float[rows];
        float[] o = new float[in.length];
        float[] gm = gamma == null ? null : gamma.data, bt = beta == null ? null : beta.data;
        int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, d));
        Parallel.forRange(rows, grain, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int base = r * d;
                float mu = VectorMath.sum(in, base, d) / d;
                float rs = (float) (1 / Math.sqrt(VectorMath.sumSqDev(in, base, d, mu) / d + eps));
                mean[r] = mu;
                rstd[r] = rs;
                for (int j = 0; j < d; j++) {
                    float h = (in[base + j] - mu) * rs;
                    o[base + j] = (gm == null ? h : h * gm[j]) + (bt == null ? 0f : bt[j]);
                }
            }
        });
        return Tensor.result(o, x.shape(), g -> {
            if (gamma != null && gamma.requiresGrad) {
                float[] gg = gamma.gradBuf();
                for (int r = 0; r < rows; r++) {
                    int base = r * d;
                    float mu = mean[r], rs = rstd[r];
                    for (int j = 0; j < d; j++) gg[j] += g[base + j] * ((in[base + j] - mu) * rs);
                }
            }
            if (beta != null && beta.requiresGrad) MatMul.columnSums(g, rows, d, beta.gradBuf());
            if (x.requiresGrad) {
                float[] gx = x.gradBuf();
                Parallel.forRange(rows, grain, (r0, r1) -> {
                    float[] dh = new float[d], xh = new float[d];
                    for (int r = r0; r < r1; r++) {
                        int base = r * d;
                        float mu = mean[r], rs = rstd[r];
                        for (int j = 0; j < d; j++) xh[j] = (in[base + j] - mu) * rs;
                        if (gm == null) System.arraycopy(g, base, dh, 0, d);
                        else for (int j = 0; j < d; j++) dh[j] = g[base + j] * gm[j];
                        float s1 = VectorMath.sum(dh, 0, d) / d;
                        float s2 = VectorMath.dot(dh, 0, xh, 0, d) / d;
                        for (int j = 0; j < d; j++) gx[base + j] += rs * (dh[j] - s1 - xh[j] * s2);
                    }
                });
            }
        }, x, gamma, beta);
    }

    /**
     * Embedding lookup: rows of {@code weight [V, d]} at int32 {@code ids} (any shape), giving
     * {@code ids.shape + [d]}. Rows equal to {@code paddingIdx} (use -1 for none) receive no
     * gradient; with {@code sparse} the gradient is stored row-sparse ({@link RowSparseGrad}).
     */
    public static Tensor embedding(Tensor weight, Tensor ids, int paddingIdx, boolean sparse) {
        if (!ids.isInt()) throw new IllegalArgumentException("embedding ids must be int32, got " + ids.dtype());
        if (weight.dim() != 2) throw new IllegalArgumentException("embedding weight must be 2-D, got " + Shapes.str(weight.shapeRef()));
        int v = weight.size(0), d = weight.size(1);
        int[] idx = ids.ints;
        float[] w = weight.data();
        float[] o = new float[idx.length * d];
        for (int j = 0; j < idx.length; j++) {
            int r = idx[j];
            if (r < 0 || r >= v) throw new IndexOutOfBoundsException("id " + r + " outside embedding table of " + v + " rows");
            System.arraycopy(w, r * d, o, j * d, d);
        }
        int[] shape = Arrays.copyOf(ids.shapeRef(), ids.dim() + 1);
        shape[ids.dim()] = d;
        return Tensor.result(o, shape, g -> {
            if (sparse) {
                if (weight.sparseGrad == null) weight.sparseGrad = new RowSparseGrad(v, d);
                weight.sparseGrad.add(idx, g, paddingIdx);
            } else {
                float[] gw = weight.gradBuf();
                for (int j = 0; j < idx.length; j++) {
                    int r = idx[j];
                    if (r == paddingIdx) continue;
                    int dst = r * d, src = j * d;
                    for (int q = 0; q < d; q++) gw[dst + q] += g[src + q];
                }
            }
        }, weight);
    }

    /**
     * Scaled dot-product attention (Vaswani et al. 2017), fused: {@code softmax(q k^T * scale + masks) v}.
     *
     * @param q [B, H, T, D]
     * @param k [B, H, S, D]
     * @param v [B, H, S, Dv]
     * @param causal when true, query i sees keys {@code j <= i + (S - T)}
     * @param keyPadding int32 [B, S], non-zero marks a padded key that no query may see; may be null.
     *     A query that sees no key outputs zeros.
     * @param dropout probability of dropping an attention weight (training only, needs {@code rng})
     * @param rng random source for dropout; may be null when {@code dropout == 0}
     */
    public static Tensor attention(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, float dropout, Rng rng) {
        if (q.dim() != 4 || k.dim() != 4 || v.dim() != 4) {
            throw new IllegalArgumentException("attention needs rank-4 q, k, v; got " + Shapes.str(q.shapeRef()) + ", " + Shapes.str(k.shapeRef()) + ", " + Shapes.str(v.shapeRef()));
        }
        int b = q.size(0), h = q.size(1), t = q.size(2), dk = q.size(3), s = k.size(2), dv = v.size(3);
        if (k.size(0) != b || k.size(1) != h || k.size(3) != dk) throw new IllegalArgumentException("attention key " + Shapes.str(k.shapeRef()) + " does not match query " + Shapes.str(q.shapeRef()));
        if (v.size(0) != b || v.size(1) != h || v.size(2) != s) throw new IllegalArgumentException("attention value " + Shapes.str(v.shapeRef()) + " does not match key " + Shapes.str(k.shapeRef()));
        if (keyPadding != null && (!keyPadding.isInt() || keyPadding.dim() != 2 || keyPadding.size(0) != b || keyPadding.size(1) != s)) {
            throw new IllegalArgumentException("key padding mask must be int32 [" + b + ", " + s + "], got " + Shapes.str(keyPadding.shapeRef()));
        }
        if (dropout > 0f && rng == null) throw new IllegalArgumentException("attention dropout needs an Rng");
        float scale = (float) (1 / Math.sqrt(dk));
        float[] qd = q.data(), kd = k.data(), vd = v.data();
        int[] pad = keyPadding == null ? null : keyPadding.ints;
        int bh = b * h, ts = t * s;
        float[] probs = new float[bh * ts];
        boolean drop = dropout > 0f;
        long dropSeed = drop ? rng.nextLong() : 0L;
        float[] o = new float[bh * t * dv];
        int shift = s - t;
        Parallel.forRange(bh, 1, (start, end) -> {
            float[] pd = drop ? new float[ts] : null;
            float[] keep = drop ? new float[ts] : null;
            for (int x = start; x < end; x++) {
                int bi = x / h;
                int pOff = x * ts;
                Gemm.sgemm(false, true, t, s, dk, scale, qd, x * t * dk, dk, kd, x * s * dk, dk, 0f, probs, pOff, s);
                for (int i = 0; i < t; i++) {
                    int row = pOff + i * s;
                    float mx = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < s; j++) {
                        boolean masked = (causal && j > i + shift) || (pad != null && pad[bi * s + j] != 0);
                        if (masked) probs[row + j] = Float.NEGATIVE_INFINITY;
                        else mx = Math.max(mx, probs[row + j]);
                    }
                    if (mx == Float.NEGATIVE_INFINITY) {
                        Arrays.fill(probs, row, row + s, 0f);
                        continue;
                    }
                    float sum = VectorMath.expShiftSum(probs, row, s, mx);
                    VectorMath.scale(probs, row, s, 1f / sum);
                }
                float[] src = probs;
                int srcOff = pOff;
                if (pd != null) {
                    fillKeep(keep, 0, (long) pOff, ts, dropout, dropSeed);
                    for (int i = 0; i < ts; i++) pd[i] = probs[pOff + i] * keep[i];
                    src = pd;
                    srcOff = 0;
                }
                Gemm.sgemm(false, false, t, dv, s, 1f, src, srcOff, s, vd, x * s * dv, dv, 0f, o, x * t * dv, dv);
            }
        });
        return Tensor.result(o, new int[] {b, h, t, dv}, g -> {
            float[] gq = q.requiresGrad ? q.gradBuf() : null;
            float[] gk = k.requiresGrad ? k.gradBuf() : null;
            float[] gv = v.requiresGrad ? v.gradBuf() : null;
            Parallel.forRange(bh, 1, (start, end) -> {
                float[] dp = new float[ts];
                float[] pd = drop ? new float[ts] : null;
                float[] keep = drop ? new float[ts] : null;
                for (int x = start; x < end; x++) {
                    int pOff = x * ts;
                    if (drop) fillKeep(keep, 0, (long) pOff, ts, dropout, dropSeed);
                    if (gv != null) {
                        float[] src = probs;
                        int srcOff = pOff;
                        if (pd != null) {
                            for (int i = 0; i < ts; i++) pd[i] = probs[pOff + i] * keep[i];
                            src = pd;
                            srcOff = 0;
                        }
                        Gemm.sgemm(true, false, s, dv, t, 1f, src, srcOff, s, g, x * t * dv, dv, 1f, gv, x * s * dv, dv);
                    }
                    if (gq == null && gk == null) continue;
                    Gemm.sgemm(false, true, t, s, dv, 1f, g, x * t * dv, dv, vd, x * s * dv, dv, 0f, dp, 0, s);
                    if (drop) for (int i = 0; i < ts; i++) dp[i] *= keep[i];
                    for (int i = 0; i < t; i++) {
                        int row = i * s;
                        float dot = VectorMath.dot(dp, row, probs, pOff + row, s);
                        for (int j = 0; j < s; j++) dp[row + j] = probs[pOff + row + j] * (dp[row + j] - dot);
                    }
                    if (gq != null) Gemm.sgemm(false, false, t, dk, s, scale, dp, 0, s, kd, x * s * dk, dk, 1f, gq, x * t * dk, dk);
                    if (gk != null) Gemm.sgemm(true, false, s, dk, t, scale, dp, 0, s, qd, x * t * dk, dk, 1f, gk, x * s * dk, dk);
                }
            });
        }, q, k, v);
    }

    /**
     * Sliding windows of a channels-last sequence: {@code x [B, L, C]} to {@code [B, Lout, C*K]}
     * with {@code Lout = L + 2*padding - K + 1}; window entries are ordered (channel, tap) to match
     * a PyTorch {@code Conv1d} weight {@code [Cout, C, K]} reshaped to {@code [Cout, C*K]}.
     */
    public static Tensor unfold1d(Tensor x, int kernel, int padding) {
        if (x.dim() != 3) throw new IllegalArgumentException("unfold1d needs [B, L, C], got " + Shapes.str(x.shapeRef()));
        int b = x.size(0), l = x.size(1), c = x.size(2);
        int lout = l + 2 * padding - kernel + 1;
        if (kernel < 1 || lout < 1) throw new IllegalArgumentException("kernel " + kernel + " with padding " + padding + " does not fit length " + l);
        float[] in = x.data();
        int ck = c * kernel;
        float[] o = new float[b * lout * ck];
        for (int bi = 0; bi < b; bi++)
            for (int p = 0; p < lout; p++) {
                int dst = (bi * lout + p) * ck;
                for (int tap = 0; tap < kernel; tap++) {
                    int pos = p + tap - padding;
                    if (pos < 0 || pos >= l) continue;
                    int src = (bi * l + pos) * c;
                    for (int ch = 0; ch < c; ch++) o[dst + ch * kernel + tap] = in[src + ch];
                }
            }
        return Tensor.result(o, new int[] {b, lout, ck}, g -> {
            float[] gx = x.gradBuf();
            for (int bi = 0; bi < b; bi++)
                for (int p = 0; p < lout; p++) {
                    int src = (bi * lout + p) * ck;
                    for (int tap = 0; tap < kernel; tap++) {
                        int pos = p + tap - padding;
                        if (pos < 0 || pos >= l) continue;
                        int dst = (bi * l + pos) * c;
                        for (int ch = 0; ch < c; ch++) gx[dst + ch] += g[src + ch * kernel + tap];
                    }
                }
        }, x);
    }

    /**
     * 1-D convolution (Kim 2014 text CNN) on channels-last input {@code x [B, L, Cin]} with a PyTorch
     * layout weight {@code [Cout, Cin, K]}; returns {@code [B, Lout, Cout]}. {@code bias} may be null.
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int padding) {
        if (weight.dim() != 3 || x.dim() != 3 || weight.size(1) != x.size(2)) {
            throw new IllegalArgumentException("conv1d weight " + Shapes.str(weight.shapeRef()) + " does not match input [B, L, C] " + Shapes.str(x.shapeRef()));
        }
        int cout = weight.size(0), k = weight.size(2);
        Tensor cols = unfold1d(x, k, padding);
        Tensor y = cols.matmulT(weight.reshape(cout, weight.size(1) * k));
        return bias == null ? y : y.add(bias);
    }

    /**
     * One GRU step (Cho et al. 2014) with PyTorch's gate layout and formula:
     * r, z from {@code x W_ih^T + b_ih + h W_hh^T + b_hh}; {@code n = tanh(x_n + r * h_n)};
     * {@code h' = (1 - z) * n + z * h}. Weights are {@code [3H, In]} and {@code [3H, H]}, rows (r, z, n).
     */
    public static Tensor gruCell(Tensor x, Tensor h, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        int hidden = h.size(-1);
        if (wIh.size(0) != 3 * hidden || wHh.size(0) != 3 * hidden || wHh.size(1) != hidden) {
            throw new IllegalArgumentException("GRU weights " + Shapes.str(wIh.shapeRef()) + ", " + Shapes.str(wHh.shapeRef()) + " do not match hidden state " + Shapes.str(h.shapeRef()));
        }
        Tensor gi = linear(x, wIh, bIh);
        Tensor gh = linear(h, wHh, bHh);
        var pi = gi.split(-1, hidden, hidden, hidden);
        var ph = gh.split(-1, hidden, hidden, hidden);
        Tensor r = pi.get(0).add(ph.get(0)).sigmoid();
        Tensor z = pi.get(1).add(ph.get(1)).sigmoid();
        Tensor n = pi.get(2).add(r.mul(ph.get(2))).tanh();
        return n.add(z.mul(h.sub(n)));
    }
}
