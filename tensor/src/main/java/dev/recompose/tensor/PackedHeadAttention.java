package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017) on heads packed in the last axis:
 * {@code q [B, T, H*D]}, {@code k, v [B, S, H*D]} (the outputs of the projections, as they come)
 * to {@code [B, T, H*D]} (the input of the output projection), with an optional key-padding mask,
 * no causal mask and no attention dropout.
 *
 * <p>It exists for the short sequences of news recommenders (NRMS: 30-word titles and 50-item
 * histories, 16 heads of 16 dimensions), where {@link Functional#attention} spends most of its
 * time outside arithmetic: splitting heads and merging them are permute copies, and each head's
 * products are {@code 30 x 30 x 16} GEMMs, too small for the blocked kernel's packing and edge
 * tiles. Here every (batch, head) pair is one task that reads its rows in place (stride
 * {@code H*D}), keeps a transposed copy of its keys and values ({@code D x S}, a few KB) and
 * does both products and the softmax with vector FMAs over keys, with gradients the same way.
 * Attention probabilities are kept for backward, as {@link Functional#attention} keeps them.
 */
public final class PackedHeadAttention {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int VL = F.length();

    private PackedHeadAttention() {}

    /**
     * {@code softmax(q_h k_h^T / sqrt(D) + mask) v_h} for every head {@code h}, heads packed.
     *
     * @param keyPadding int32 {@code [B, S]}, non-zero marks a padded key no query may see; may be
     *     null. A query that sees no key outputs zeros.
     */
    public static Tensor apply(Tensor q, Tensor k, Tensor v, int heads, Tensor keyPadding) {
        if (q.dim() != 3 || k.dim() != 3 || v.dim() != 3) {
            throw new IllegalArgumentException("packed attention needs [B, T, H*D] q, k, v; got " + Shapes.str(q.shapeRef())
                    + ", " + Shapes.str(k.shapeRef()) + ", " + Shapes.str(v.shapeRef()));
        }
        int b = q.size(0), t = q.size(1), width = q.size(2), s = k.size(1);
        if (heads <= 0 || width % heads != 0) throw new IllegalArgumentException("width " + width + " is not divisible by heads " + heads);
        if (k.size(0) != b || v.size(0) != b || k.size(2) != width || v.size(2) != width || v.size(1) != s) {
            throw new IllegalArgumentException("packed attention: k " + Shapes.str(k.shapeRef()) + " and v " + Shapes.str(v.shapeRef())
                    + " do not match q " + Shapes.str(q.shapeRef()));
        }
        if (keyPadding != null && (!keyPadding.isInt() || keyPadding.dim() != 2 || keyPadding.size(0) != b || keyPadding.size(1) != s)) {
            throw new IllegalArgumentException("key padding mask must be int32 [" + b + ", " + s + "], got " + Shapes.str(keyPadding.shapeRef()));
        }
        int d = width / heads;
        int sp = (s + VL - 1) / VL * VL;
        float scale = (float) (1 / Math.sqrt(d));
        float[] qd = q.data(), kd = k.data(), vd = v.data();
        int[] pad = keyPadding == null ? null : keyPadding.ints;
        int ts = t * s;
        float[] probs = new float[b * heads * ts];
        float[] o = new float[b * t * width];
        Parallel.forRange(b * heads, 1, (start, end) -> {
            float[] kt = new float[d * sp];
            float[] row = new float[sp];
            for (int x = start; x < end; x++) {
                int bi = x / heads, h = x % heads;
                int qBase = bi * t * width + h * d, kBase = bi * s * width + h * d;
                transpose(kd, kBase, width, s, d, sp, kt);
                int pOff = x * ts;
                for (int i = 0; i < t; i++) {
                    rowTimes(qd, qBase + i * width, d, kt, sp, row);
                    float mx = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < s; j++) {
                        if (pad != null && pad[bi * s + j] != 0) {
                            row[j] = Float.NEGATIVE_INFINITY;
                        } else {
                            row[j] *= scale;
                            mx = Math.max(mx, row[j]);
                        }
                    }
                    int pr = pOff + i * s;
                    if (mx == Float.NEGATIVE_INFINITY) continue; // no visible key: zeros
                    float sum = 0f;
                    for (int j = 0; j < s; j++) {
                        float e = row[j] == Float.NEGATIVE_INFINITY ? 0f : (float) Math.exp(row[j] - mx);
                        probs[pr + j] = e;
                        sum += e;
                    }
                    float inv = 1f / sum;
                    int oRow = qBase + i * width;
                    for (int j = 0; j < s; j++) {
                        float p = probs[pr + j] * inv;
                        probs[pr + j] = p;
                        if (p != 0f) axpy(p, vd, kBase + j * width, o, oRow, d);
                    }
                }
            }
        });
        return Tensor.result(o, new int[] {b, t, width}, g -> {
            float[] gq = q.requiresGrad ? q.gradBuf() : null;
            float[] gk = k.requiresGrad ? k.gradBuf() : null;
            float[] gv = v.requiresGrad ? v.gradBuf() : null;
            Parallel.forRange(b * heads, 1, (start, end) -> {
                float[] vt = new float[d * sp];
                float[] dp = new float[sp];
                for (int x = start; x < end; x++) {
                    int bi = x / heads, h = x % heads;
                    int qBase = bi * t * width + h * d, kBase = bi * s * width + h * d;
                    int pOff = x * ts;
                    transpose(vd, kBase, width, s, d, sp, vt);
                    for (int i = 0; i < t; i++) {
                        int gRow = qBase + i * width;
                        int pr = pOff + i * s;
                        if (gv != null) {
                            for (int j = 0; j < s; j++) {
                                float p = probs[pr + j];
                                if (p != 0f) axpy(p, g, gRow, gv, kBase + j * width, d);
                            }
                        }
                        if (gq == null && gk == null) continue;
                        rowTimes(g, gRow, d, vt, sp, dp);
                        float dot = 0f;
                        for (int j = 0; j < s; j++) dot += dp[j] * probs[pr + j];
                        for (int j = 0; j < s; j++) {
                            float ds = probs[pr + j] * (dp[j] - dot) * scale;
                            if (ds == 0f) continue;
                            if (gq != null) axpy(ds, kd, kBase + j * width, gq, gRow, d);
                            if (gk != null) axpy(ds, qd, gRow, gk, kBase + j * width, d);
                        }
                    }
                }
            });
        }, q, k, v);
    }

    /** {@code dst[c*sp + j] = src[base + j*stride + c]} for {@code j < s, c < d}; columns past s stay 0. */
    private static void transpose(float[] src, int base, int stride, int s, int d, int sp, float[] dst) {
        for (int j = 0; j < s; j++) {
            int at = base + j * stride;
            for (int c = 0; c < d; c++) dst[c * sp + j] = src[at + c];
        }
    }

    /** {@code out[0..sp) = sum_c a[aOff + c] * mt[c*sp ..]}: one row times a transposed {@code d x sp} block. */
    private static void rowTimes(float[] a, int aOff, int d, float[] mt, int sp, float[] out) {
        for (int j = 0; j < sp; j += VL) {
            FloatVector acc = FloatVector.zero(F);
            for (int c = 0, at = j; c < d; c++, at += sp) {
                acc = FloatVector.broadcast(F, a[aOff + c]).fma(FloatVector.fromArray(F, mt, at), acc);
            }
            acc.intoArray(out, j);
        }
    }

    /** {@code y[yOff ..+n] += alpha * x[xOff ..+n]}. */
    private static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int c = 0;
        if (n >= VL) {
            FloatVector av = FloatVector.broadcast(F, alpha);
            for (int bound = F.loopBound(n); c < bound; c += VL) {
                av.fma(FloatVector.fromArray(F, x, xOff + c), FloatVector.fromArray(F, y, yOff + c)).intoArray(y, yOff + c);
            }
        }
        for (; c < n; c++) y[yOff + c] += alpha * x[xOff + c];
    }
}
