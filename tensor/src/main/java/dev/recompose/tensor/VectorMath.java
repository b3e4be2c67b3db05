package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API building blocks for row-wise kernels: sums, dot products, maxima and scaling (the
 * softmax exponential is {@link VectorExp}).
 *
 * <p>C2 does not auto-vectorise float reductions (it must keep the sequential rounding order), so
 * layer norm, softmax and row sums would run scalar; these helpers reduce in vector lanes instead.
 * Results are deterministic for a given length: lanes are summed in a fixed order (not with
 * {@code reduceLanes(ADD)}, whose float order is unspecified and differs between interpreted and
 * compiled code), so the bits do not depend on the thread count or on JIT state.
 */
final class VectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorMath() {}

    /** Butterfly partners {@code i ^ 2^s} for the in-register lane sum, widest first. */
    private static final VectorShuffle<Float>[] BUTTERFLY = butterfly();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] butterfly() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] out = new VectorShuffle[steps];
        for (int s = 0; s < steps; s++) {
            int bit = L >> (s + 1);
            out[s] = VectorShuffle.fromOp(S, i -> i ^ bit);
        }
        return out;
    }

    /**
     * Sum of the lanes in a fixed pairwise order (a butterfly: lane i plus lane i ^ L/2, then i ^ L/4,
     * ...), in registers: the same bits in interpreted and compiled code and for any caller, unlike
     * {@code reduceLanes(ADD)}, whose order is unspecified, and without {@code toArray()}'s allocation.
     */
    private static float lanesInOrder(FloatVector v) {
        for (VectorShuffle<Float> sh : BUTTERFLY) v = v.add(v.rearrange(sh));
        return v.lane(0);
    }

    /** The lanes of {@code v} summed in the fixed order of {@link #lanesInOrder}. */
    static float lanes(FloatVector v) {
        return lanesInOrder(v);
    }

    static float sum(float[] a, int off, int n) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += L) acc = acc.add(FloatVector.fromArray(S, a, off + i));
        float s = lanesInOrder(acc);
        for (; i < n; i++) s += a[off + i];
        return s;
    }

    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc);
        }
        float s = lanesInOrder(acc);
        for (; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    /**
     * {@code y[yo + i] += f * x[xo + i]} for {@code i < n}, each element one fused multiply-add (the
     * same bits in the vector body and the scalar tail, so results do not depend on alignment).
     */
    static void axpy(float f, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        FloatVector fv = FloatVector.broadcast(S, f);
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).fma(fv, FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] = Math.fma(f, x[xo + i], y[yo + i]);
    }

    /** Sum of squared deviations from {@code mean}. */
    static float sumSqDev(float[] a, int off, int n, float mean) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector c = FloatVector.fromArray(S, a, off + i).sub(mean);
            acc = c.fma(c, acc);
        }
        float s = lanesInOrder(acc);
        for (; i < n; i++) {
            float c = a[off + i] - mean;
            s += c * c;
        }
        return s;
    }

    static float max(float[] a, int off, int n) {
        int i = 0;
        FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int bound = S.loopBound(n); i < bound; i += L) acc = acc.max(FloatVector.fromArray(S, a, off + i));
        float m = acc.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) m = Math.max(m, a[off + i]);
        return m;
    }

    /** {@code a[i] *= f}. */
    static void scale(float[] a, int off, int n, float f) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) FloatVector.fromArray(S, a, off + i).mul(f).intoArray(a, off + i);
        for (; i < n; i++) a[off + i] *= f;
    }
}
