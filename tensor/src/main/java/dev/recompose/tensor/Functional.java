package dev.recompose.tensor;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

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
    /** Floats of the preferred shape, for the dropout mask multiply. */
    private static final VectorSpecies<Float> FP = FloatVector.SPECIES_PREFERRED;
    /** 64-bit lanes for the vectorised dropout hash, and the float shape of as many lanes. */
    private static final VectorSpecies<Long> KS = LongVector.SPECIES_PREFERRED;
    private static final int KL = KS.length();
    /** Hashes per group of 16 dropout decisions (each hash gives two 32-bit halves). */
    private static final int PAIRS = 8;
    private static final VectorSpecies<Float> KF = VectorSpecies.of(float.class, VectorShape.forBitSize(KL * 32));

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
        float[] o = Buffers.uninitialized(in.length); // every element written below
        Parallel.forRange(in.length, Elementwise.GRAIN, (s, e) -> {
            float[] mask = new float[Math.min(MASK_BLOCK, e - s)];
            for (int b0 = s; b0 < e; b0 += MASK_BLOCK) {
                int len = Math.min(MASK_BLOCK, e - b0);
                fillKeep(mask, 0, b0, len, p, seed);
                multiply(in, b0, mask, o, b0, len);
            }
        });
        return Tensor.result(o, x.shape(), g -> {
            // the output gradient is owned by this step and dead after it: mask it in place and
            // hand it to x (adopted when x has no gradient yet), with no new array
            Parallel.forRange(g.length, Elementwise.GRAIN, (s, e) -> {
                float[] mask = new float[Math.min(MASK_BLOCK, e - s)];
                for (int b0 = s; b0 < e; b0 += MASK_BLOCK) {
                    int len = Math.min(MASK_BLOCK, e - b0);
                    fillKeep(mask, 0, b0, len, p, seed);
                    multiply(g, b0, mask, g, b0, len);
                }
            });
            x.accumulateGrad(g);
        }, x);
    }

    /**
     * Writes inverted-dropout multipliers ({@code 0} or {@code 1/(1-p)}) for elements
     * {@code first .. first+n-1} of the stream {@code seed} into {@code dst[dstOff ..]}. The mask is
     * a pure function of (seed, index), so it is never stored — backward passes regenerate it — and
     * it is the same for any thread count, chunking or machine. One SplitMix64 hash serves two
     * elements: in each aligned group of 16 indices starting at {@code G}, element {@code G + l} keeps
     * iff the high 32 bits of {@code hash(seed, G/2 + l)} clear p, element {@code G + 8 + l} iff its
     * low 32 bits do ({@code l < 8}), so with 8 64-bit lanes (AVX-512) a group is one vector of hashes.
     */
    static void fillKeep(float[] dst, int dstOff, long first, int n, float p, long seed) {
        float scale = 1f / (1f - p);
        long threshold = (long) Math.ceil(p * 4294967296.0);
        int group = 2 * PAIRS;
        int j = 0;
        int head = (int) Math.min(n, Math.floorMod(-first, (long) group));
        for (; j < head; j++) dst[dstOff + j] = keepScalar(first + j, scale, threshold, seed);
        if (KL == PAIRS && n - j >= group) {
            LongVector iota = LongVector.zero(KS).addIndex(1);
            FloatVector one = FloatVector.broadcast(KF, 1f);
            for (int bound = n - group; j <= bound; j += group) {
                long pair = (first + j) / 2;
                LongVector z = hash(iota.add(pair), seed);
                LongVector hi = z.lanewise(VectorOperators.LSHR, 32).sub(threshold).lanewise(VectorOperators.LSHR, 63);
                LongVector lo = z.and(0xFFFFFFFFL).sub(threshold).lanewise(VectorOperators.LSHR, 63);
                one.sub((FloatVector) hi.convertShape(VectorOperators.L2F, KF, 0)).mul(scale).intoArray(dst, dstOff + j);
                one.sub((FloatVector) lo.convertShape(VectorOperators.L2F, KF, 0)).mul(scale).intoArray(dst, dstOff + j + KL);
            }
        }
        for (; j < n; j++) dst[dstOff + j] = keepScalar(first + j, scale, threshold, seed);
    }

    private static LongVector hash(LongVector index, long seed) {
        LongVector z = index.mul(0x9E3779B97F4A7C15L).add(seed);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }

    /** The multiplier of element {@code i} of the stream (see {@link #fillKeep}), one at a time. */
    static float keepScalar(long i, float scale, long threshold, long seed) {
        int group = 2 * PAIRS;
        long g = Math.floorDiv(i, group) * group;
        int l = (int) (i - g);
        long z = seed + (g / 2 + (l % PAIRS)) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        long u = l < PAIRS ? z >>> 32 : z & 0xFFFFFFFFL;
        // branch-free: (u - threshold) >>> 63 is 1 exactly when u < threshold (dropped)
        return scale * (1 - (int) ((u - threshold) >>> 63));
    }

    /**
     * {@link #dropout} on the real rows of a larger padded tensor: row {@code r} of {@code x [R, d]}
     * is row {@code rows[r]} of a {@code [N, d]} tensor, and gets that row's mask (stream positions
     * {@code rows[r] * d .. + d-1}). Dropping out the gathered rows is therefore exactly dropping
     * out the padded tensor and gathering afterwards, for the same {@code rng} state.
     *
     * <p>It exists so that sequence models can run their row-wise layers on the real positions
     * only (SASRec's left padding is about a fifth of ml-100k positions) without changing the
     * dropout stream of the padded layout.
     */
    public static Tensor dropoutRows(Tensor x, float p, boolean training, Rng rng, int[] rows) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        if (x.dim() != 2 || x.size(0) != rows.length) {
            throw new IllegalArgumentException("dropoutRows needs [" + rows.length + ", d] input, got " + Shapes.str(x.shapeRef()));
        }
        if (!training || p == 0f) return x;
        float[] in = x.data();
        int d = x.size(1);
        long seed = rng.nextLong();
        float[] o = new float[in.length];
        int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, d));
        Parallel.forRange(rows.length, grain, (r0, r1) -> maskRows(in, o, rows, d, p, seed, r0, r1));
        return Tensor.result(o, x.shape(), g -> {
            Parallel.forRange(rows.length, grain, (r0, r1) -> maskRows(g, g, rows, d, p, seed, r0, r1));
            x.accumulateGrad(g);
        }, x);
    }

    /**
     * {@code out = in * mask} over rows {@code [r0, r1)} of {@link #dropoutRows}; the mask of each
     * run of consecutive padded rows is generated in one piece, so the vector hash covers it.
     */
    private static void maskRows(float[] in, float[] out, int[] rows, int d, float p, long seed, int r0, int r1) {
        int maxRun = Math.max(1, MASK_BLOCK / Math.max(1, d));
        float[] mask = new float[Math.min(r1 - r0, maxRun) * d];
        for (int r = r0; r < r1; ) {
            int e = r + 1;
            while (e < r1 && e - r < maxRun && rows[e] == rows[e - 1] + 1) e++;
            int len = (e - r) * d;
            fillKeep(mask, 0, (long) rows[r] * d, len, p, seed);
            multiply(in, r * d, mask, out, r * d, len);
            r = e;
        }
    }

    /**
     * {@code out[oo + j] = in[io + j] * mask[j]} for {@code j < n} (out may be in), as an explicit
     * vector loop: C2 leaves this two-array loop scalar, and it then costs more than the mask hash.
     */
    private static void multiply(float[] in, int io, float[] mask, float[] out, int oo, int n) {
        int j = 0;
        for (int bound = FP.loopBound(n); j < bound; j += FP.length()) {
            FloatVector.fromArray(FP, in, io + j).mul(FloatVector.fromArray(FP, mask, j)).intoArray(out, oo + j);
        }
        for (; j < n; j++) out[oo + j] = in[io + j] * mask[j];
    }

    /**
     * The inverse of gathering rows: {@code x [R, d]} written to rows {@code rows[r]} of a zero
     * {@code [n, d]} tensor (rows strictly increasing). Its gradient gathers those rows back.
     *
     * <p>It exists for sequence models that run row-wise layers on real (unpadded) positions only
     * and need the padded layout again for attention.
     */
    public static Tensor scatterRows(Tensor x, int[] rows, int n) {
        if (x.dim() != 2 || x.size(0) != rows.length) {
            throw new IllegalArgumentException("scatterRows needs [" + rows.length + ", d] input, got " + Shapes.str(x.shapeRef()));
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] < 0 || rows[r] >= n || (r > 0 && rows[r] <= rows[r - 1])) {
                throw new IllegalArgumentException("scatterRows rows must be strictly increasing in [0, " + n + "), got " + rows[r] + " at " + r);
            }
        }
        int d = x.size(1);
        float[] in = x.data();
        float[] o = new float[n * d];
        for (int r = 0; r < rows.length; r++) System.arraycopy(in, r * d, o, rows[r] * d, d);
        return Tensor.result(o, new int[] {n, d}, g -> {
            float[] gx = new float[in.length];
            for (int r = 0; r < rows.length; r++) System.arraycopy(g, rows[r] * d, gx, r * d, d);
            x.accumulateGrad(gx);
        }, x);
    }

    /**
     * Causal one-head {@link #attention} on compact rows: {@code q}, {@code k} {@code [R, dk]} and
     * {@code v} {@code [R, dv]} hold only the real positions of a left-padded batch
     * ({@code keyPadding} int32 {@code [B, T]}, non-zero = pad, pads leading in each row), batch row
     * after batch row, and so does the output {@code [R, dv]}. Equal, row for row, to the padded
     * attention gathered at the real positions, with the same dropout stream.
     *
     * <p>It exists so that sequence models that run their row-wise layers on real rows only
     * (SASRec) need no scatter to, and gather from, the padded layout around attention.
     */
    public static Tensor attentionRows(Tensor q, Tensor k, Tensor v, Tensor keyPadding, float dropout, Rng rng) {
        if (q.dim() != 2 || k.dim() != 2 || v.dim() != 2 || k.size(0) != q.size(0) || v.size(0) != q.size(0) || k.size(1) != q.size(1)) {
            throw new IllegalArgumentException("attentionRows needs q, k [R, dk] and v [R, dv]; got " + Shapes.str(q.shapeRef()) + ", " + Shapes.str(k.shapeRef()) + ", " + Shapes.str(v.shapeRef()));
        }
        if (!keyPadding.isInt() || keyPadding.dim() != 2) throw new IllegalArgumentException("key padding mask must be int32 [B, T], got " + Shapes.str(keyPadding.shapeRef()));
        if (dropout > 0f && rng == null) throw new IllegalArgumentException("attention dropout needs an Rng");
        int b = keyPadding.size(0), t = keyPadding.size(1), rows = q.size(0), dk = q.size(1), dv = v.size(1);
        int[] pad = keyPadding.ints;
        int[] base = new int[b];
        int c = 0;
        for (int bi = 0; bi < b; bi++) {
            int lo = 0;
            while (lo < t && pad[bi * t + lo] != 0) lo++;
            for (int j = lo; j < t; j++) {
                if (pad[bi * t + j] != 0) throw new IllegalArgumentException("attentionRows needs leading padding only; batch row " + bi + " has a pad at " + j);
            }
            base[bi] = c - lo;
            c += t - lo;
        }
        if (c != rows) throw new IllegalArgumentException("key padding has " + c + " real positions but q has " + rows + " rows");
        float scale = (float) (1 / Math.sqrt(dk));
        long dropSeed = dropout > 0f ? rng.nextLong() : 0L;
        AttentionKernel kernel = new AttentionKernel(q.data(), k.data(), v.data(), pad, base, rows, b, t, dk, dv, scale, dropout, dropSeed);
        float[] o = kernel.forward();
        return Tensor.result(o, new int[] {rows, dv}, g -> kernel.backward(g,
                q.requiresGrad ? q.gradBuf() : null, k.requiresGrad ? k.gradBuf() : null, v.requiresGrad ? v.gradBuf() : null), q, k, v);
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
        float[] gm = gamma == null ? filled(d, 1f) : gamma.data, bt = beta == null ? new float[d] : beta.data;
        int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, d));
        Parallel.forRange(rows, grain, (r0, r1) -> LayerNormKernel.forward(in, o, mean, rstd, gm, bt, d, eps, r0, r1));
        return Tensor.result(o, x.shape(), g -> {
            if (gamma != null && gamma.requiresGrad) LayerNormKernel.gammaGrad(in, g, mean, rstd, rows, d, gamma.gradBuf());
            if (beta != null && beta.requiresGrad) ColumnSums.add(g, rows, d, beta.gradBuf());
            if (x.requiresGrad) {
                // rows of the (dead after this) output gradient are replaced by the input gradient in place
                Parallel.forRange(rows, grain, (r0, r1) -> LayerNormKernel.inputGrad(in, g, mean, rstd, gm, d, r0, r1));
                x.accumulateGrad(g);
            }
        }, x, gamma, beta);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
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
        float[] o = Buffers.uninitialized(idx.length * d); // every row copied below
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
     * Only the score block a query can see is computed ({@link AttentionKernel}): the causally masked
     * triangle, leading padded keys and fully padded query rows cost nothing.
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
        boolean drop = dropout > 0f;
        long dropSeed = drop ? rng.nextLong() : 0L;
        AttentionKernel kernel = new AttentionKernel(q.data(), k.data(), v.data(), keyPadding == null ? null : keyPadding.ints,
                b, h, t, s, dk, dv, causal, scale, dropout, dropSeed);
        float[] o = kernel.forward();
        return Tensor.result(o, new int[] {b, h, t, dv}, g -> kernel.backward(g,
                q.requiresGrad ? q.gradBuf() : null, k.requiresGrad ? k.gradBuf() : null, v.requiresGrad ? v.gradBuf() : null), q, k, v);
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
