package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row kernels of the fused layer norm ({@link Functional#layerNorm}): statistics and normalised
 * output in vector lanes, and a backward pass that recomputes the normalised row on the fly instead
 * of materialising it.
 *
 * <p>It exists because recommender hidden sizes (50, 64) make every layer-norm row a few vectors
 * long, where scalar loops and per-row temporaries cost more than the arithmetic. Tails shorter than
 * a vector run scalar (no masks: the hot loops stay small for the JIT). Each output element is
 * computed in the same order whatever the thread count; the gamma gradient is summed over rows in
 * row order, one vector of columns at a time.
 */
final class LayerNormKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private LayerNormKernel() {}

    /** Normalises rows {@code [r0, r1)} of width d; {@code gm}/{@code bt} are length-d scale and shift. */
    static void forward(float[] in, float[] o, float[] mean, float[] rstd, float[] gm, float[] bt, int d, float eps, int r0, int r1) {
        int vd = S.loopBound(d);
        for (int r = r0; r < r1; r++) {
            int base = r * d;
            float mu = VectorMath.sum(in, base, d) / d;
            float rs = (float) (1 / Math.sqrt(VectorMath.sumSqDev(in, base, d, mu) / d + eps));
            mean[r] = mu;
            rstd[r] = rs;
            int j = 0;
            for (; j < vd; j += L) {
                FloatVector h = FloatVector.fromArray(S, in, base + j).sub(mu).mul(rs);
                h.fma(FloatVector.fromArray(S, gm, j), FloatVector.fromArray(S, bt, j)).intoArray(o, base + j);
            }
            for (; j < d; j++) o[base + j] = Math.fma((in[base + j] - mu) * rs, gm[j], bt[j]);
        }
    }

    /** {@code gg[j] += sum_r g[r][j] * xhat[r][j]} over all rows, in row order. */
    static void gammaGrad(float[] in, float[] g, float[] mean, float[] rstd, int rows, int d, float[] gg) {
        int vd = S.loopBound(d);
        int j = 0;
        for (; j < vd; j += L) {
            FloatVector acc = FloatVector.fromArray(S, gg, j);
            for (int r = 0, at = j; r < rows; r++, at += d) {
                FloatVector h = FloatVector.fromArray(S, in, at).sub(mean[r]).mul(rstd[r]);
                acc = FloatVector.fromArray(S, g, at).fma(h, acc);
            }
            acc.intoArray(gg, j);
        }
        for (; j < d; j++) {
            float acc = gg[j];
            for (int r = 0, at = j; r < rows; r++, at += d) acc = Math.fma(g[at], (in[at] - mean[r]) * rstd[r], acc);
            gg[j] = acc;
        }
    }

    /**
     * Input gradient of rows {@code [r0, r1)}, written over the output gradient {@code g} in place
     * (each row's statistics are taken before it is overwritten):
     * {@code g := rstd * (dh - mean(dh) - xhat * mean(dh * xhat))} with {@code dh = g * gamma}.
     */
    static void inputGrad(float[] in, float[] g, float[] mean, float[] rstd, float[] gm, int d, int r0, int r1) {
        int vd = S.loopBound(d);
        for (int r = r0; r < r1; r++) {
            int base = r * d;
            float mu = mean[r], rs = rstd[r];
            FloatVector a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
            int j = 0;
            for (; j < vd; j += L) {
                FloatVector dh = FloatVector.fromArray(S, g, base + j).mul(FloatVector.fromArray(S, gm, j));
                FloatVector h = FloatVector.fromArray(S, in, base + j).sub(mu).mul(rs);
                a1 = a1.add(dh);
                a2 = dh.fma(h, a2);
            }
            float s1 = VectorMath.lanes(a1), s2 = VectorMath.lanes(a2);
            for (; j < d; j++) {
                float dh = g[base + j] * gm[j];
                s1 += dh;
                s2 += dh * ((in[base + j] - mu) * rs);
            }
            s1 /= d;
            s2 /= d;
            j = 0;
            for (; j < vd; j += L) {
                FloatVector dh = FloatVector.fromArray(S, g, base + j).mul(FloatVector.fromArray(S, gm, j));
                FloatVector h = FloatVector.fromArray(S, in, base + j).sub(mu).mul(rs);
                dh.sub(s1).sub(h.mul(s2)).mul(rs).intoArray(g, base + j);
            }
            for (; j < d; j++) {
                float dh = g[base + j] * gm[j];
                float h = (in[base + j] - mu) * rs;
                g[base + j] = rs * (dh - s1 - h * s2);
            }
        }
    }
}
