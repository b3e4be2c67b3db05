package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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
        return core(q, k, v, null, b, t, s, width, heads, keyPadding);
    }

    /**
     * Self-attention from one fused projection {@code qkv [B, T, 3*H*D]} (queries, keys and values
     * side by side in each row, as one {@code [3*H*D, in]} projection produces them): the same
     * function as {@link #apply} on its three column blocks, reading them in place, so a model can
     * run one GEMM (one pass over its input, forward and backward) instead of three.
     */
    public static Tensor applyFused(Tensor qkv, int heads, Tensor keyPadding) {
        if (qkv.dim() != 3 || qkv.size(2) % 3 != 0) {
            throw new IllegalArgumentException("fused packed attention needs [B, T, 3*H*D]; got " + Shapes.str(qkv.shapeRef()));
        }
        int b = qkv.size(0), t = qkv.size(1), width = qkv.size(2) / 3;
        if (heads <= 0 || width % heads != 0) throw new IllegalArgumentException("width " + width + " is not divisible by heads " + heads);
        if (keyPadding != null && (!keyPadding.isInt() || keyPadding.dim() != 2 || keyPadding.size(0) != b || keyPadding.size(1) != t)) {
            throw new IllegalArgumentException("key padding mask must be int32 [" + b + ", " + t + "], got " + Shapes.str(keyPadding.shapeRef()));
        }
        return core(qkv, qkv, qkv, qkv, b, t, t, width, heads, keyPadding);
    }

    /**
     * The kernel: q, k and v rows have stride {@code ld} ({@code width}, or {@code 3*width} when
     * {@code fused} is the one tensor holding all three at column offsets 0, width, 2*width).
     */
    private static Tensor core(Tensor q, Tensor k, Tensor v, Tensor fused, int b, int t, int s, int width, int heads, Tensor keyPadding) {
        int ld = fused == null ? width : 3 * width;
        int qOff = 0, kOff = fused == null ? 0 : width, vOff = fused == null ? 0 : 2 * width;
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
            // 0 for a key the batch row's queries may see, minus infinity for padding and the
            // lanes past S: added to the scaled scores, it masks them in whole vectors
            float[] maskAdd = new float[sp];
            int maskRow = -1;
            for (int x = start; x < end; x++) {
                int bi = x / heads, h = x % heads;
                int qBase = bi * t * ld + h * d + qOff, kBase = bi * s * ld + h * d + kOff, vBase = bi * s * ld + h * d + vOff;
                int oBase = bi * t * width + h * d;
                if (bi != maskRow) {
                    for (int j = 0; j < sp; j++) {
                        maskAdd[j] = j >= s || (pad != null && pad[bi * s + j] != 0) ? Float.NEGATIVE_INFINITY : 0f;
                    }
                    maskRow = bi;
                }
                transpose(kd, kBase, ld, s, d, sp, kt);
                int pOff = x * ts;
                for (int i = 0; i < t; i++) {
                    rowTimes(qd, qBase + i * ld, d, kt, sp, row);
                    FloatVector mxv = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
                    for (int j = 0; j < sp; j += VL) {
                        FloatVector z = FloatVector.fromArray(F, row, j).mul(scale).add(FloatVector.fromArray(F, maskAdd, j));
                        z.intoArray(row, j);
                        mxv = mxv.max(z);
                    }
                    float mx = mxv.reduceLanes(VectorOperators.MAX); // a maximum is exact in any order
                    int pr = pOff + i * s;
                    if (mx == Float.NEGATIVE_INFINITY) continue; // no visible key: zeros
                    VectorExp.expShifted(row, sp, mx); // reproducible bits; exp(-inf) = 0
                    float inv = 1f / VectorMath.sum(row, 0, sp); // lanes summed in a fixed order
                    int j = 0;
                    for (int bound = F.loopBound(s); j < bound; j += VL) {
                        FloatVector.fromArray(F, row, j).mul(inv).intoArray(probs, pr + j);
                    }
                    for (; j < s; j++) probs[pr + j] = row[j] * inv;
                }
                combine(probs, pOff, s, 1, t, s, vd, vBase, ld, o, oBase, width, d);
            }
        });
        Tensor[] inputs = fused == null ? new Tensor[] {q, k, v} : new Tensor[] {fused};
        return Tensor.result(o, new int[] {b, t, width}, g -> {
            float[] gq = q.requiresGrad ? q.gradBuf() : null;
            float[] gk = k.requiresGrad ? k.gradBuf() : null;
            float[] gv = v.requiresGrad ? v.gradBuf() : null;
            Parallel.forRange(b * heads, 1, (start, end) -> {
                float[] vt = new float[d * sp];
                float[] dp = new float[sp];
                float[] ds = new float[ts];
                for (int x = start; x < end; x++) {
                    int bi = x / heads, h = x % heads;
                    int qBase = bi * t * ld + h * d + qOff, kBase = bi * s * ld + h * d + kOff, vBase = bi * s * ld + h * d + vOff;
                    int oBase = bi * t * width + h * d;
                    int pOff = x * ts;
                    if (gv != null) combine(probs, pOff, 1, s, s, t, g, oBase, width, gv, vBase, ld, d);
                    if (gq == null && gk == null) continue;
                    transpose(vd, vBase, ld, s, d, sp, vt);
                    for (int i = 0; i < t; i++) {
                        int pr = pOff + i * s;
                        rowTimes(g, oBase + i * width, d, vt, sp, dp);
                        float dot = VectorMath.dot(dp, 0, probs, pr, s);
                        int j = 0;
                        for (int bound = F.loopBound(s); j < bound; j += VL) {
                            FloatVector.fromArray(F, probs, pr + j).mul(FloatVector.fromArray(F, dp, j).sub(dot)).mul(scale)
                                    .intoArray(ds, i * s + j);
                        }
                        for (; j < s; j++) ds[i * s + j] = probs[pr + j] * (dp[j] - dot) * scale;
                    }
                    if (gq != null) combine(ds, 0, s, 1, t, s, kd, kBase, ld, gq, qBase, ld, d);
                    if (gk != null) combine(ds, 0, 1, s, s, t, qd, qBase, ld, gk, kBase, ld, d);
                }
            });
        }, inputs);
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
            FloatVector acc = FloatVector.zero(F), acc2 = FloatVector.zero(F);
            int c = 0, at = j;
            for (; c + 2 <= d; c += 2, at += 2 * sp) { // two chains, half the FMA latency waits
                acc = FloatVector.broadcast(F, a[aOff + c]).fma(FloatVector.fromArray(F, mt, at), acc);
                acc2 = FloatVector.broadcast(F, a[aOff + c + 1]).fma(FloatVector.fromArray(F, mt, at + sp), acc2);
            }
            if (c < d) acc = FloatVector.broadcast(F, a[aOff + c]).fma(FloatVector.fromArray(F, mt, at), acc);
            acc.add(acc2).intoArray(out, j);
        }
    }

    /**
     * {@code dst[dOff + i*dStride + c] += sum_r coef[cOff + i*ci + r*cr] * src[sOff + r*ss + c]} for
     * outputs {@code i < n}, {@code r < rows}, {@code c < d}: the small products of one head
     * (probabilities times values, and the three gradients) with four output rows per pass, so each
     * source row is loaded once for four multiply-adds; each output sums over r in order.
     */
    private static void combine(float[] coef, int cOff, int ci, int cr, int n, int rows, float[] src, int sOff, int ss,
                                float[] dst, int dOff, int dStride, int d) {
        int vd = F.loopBound(d);
        for (int c = 0; c < vd; c += VL) {
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                int o0 = dOff + i * dStride + c, o1 = o0 + dStride, o2 = o1 + dStride, o3 = o2 + dStride;
                FloatVector a0 = FloatVector.fromArray(F, dst, o0), a1 = FloatVector.fromArray(F, dst, o1);
                FloatVector a2 = FloatVector.fromArray(F, dst, o2), a3 = FloatVector.fromArray(F, dst, o3);
                int k0 = cOff + i * ci;
                for (int r = 0, si = sOff + c, kr = k0; r < rows; r++, si += ss, kr += cr) {
                    FloatVector v = FloatVector.fromArray(F, src, si);
                    a0 = FloatVector.broadcast(F, coef[kr]).fma(v, a0);
                    a1 = FloatVector.broadcast(F, coef[kr + ci]).fma(v, a1);
                    a2 = FloatVector.broadcast(F, coef[kr + 2 * ci]).fma(v, a2);
                    a3 = FloatVector.broadcast(F, coef[kr + 3 * ci]).fma(v, a3);
                }
                a0.intoArray(dst, o0);
                a1.intoArray(dst, o1);
                a2.intoArray(dst, o2);
                a3.intoArray(dst, o3);
            }
            for (; i < n; i++) {
                int o0 = dOff + i * dStride + c;
                FloatVector a0 = FloatVector.fromArray(F, dst, o0);
                for (int r = 0, si = sOff + c, kr = cOff + i * ci; r < rows; r++, si += ss, kr += cr) {
                    a0 = FloatVector.broadcast(F, coef[kr]).fma(FloatVector.fromArray(F, src, si), a0);
                }
                a0.intoArray(dst, o0);
            }
        }
        for (int c = vd; c < d; c++) {
            for (int i = 0; i < n; i++) {
                int o0 = dOff + i * dStride + c;
                float acc = dst[o0];
                for (int r = 0; r < rows; r++) acc = Math.fma(coef[cOff + i * ci + r * cr], src[sOff + r * ss + c], acc);
                dst[o0] = acc;
            }
        }
    }
}
