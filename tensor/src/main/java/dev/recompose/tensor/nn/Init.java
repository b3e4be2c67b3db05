package dev.recompose.tensor.nn;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * Weight initialisers (Glorot and Bengio 2010; He et al. 2015; truncated normal as in BERT).
 *
 * <p>Each fills a tensor in place, element by element from one {@link Rng}, so the same seed gives
 * the same bits on every machine and thread count. Fans follow PyTorch: {@code fanIn = shape[1] *
 * receptive field}, {@code fanOut = shape[0] * receptive field}.
 */
public final class Init {
    private Init() {}

    private static int[] fans(Tensor t) {
        int[] s = t.shape();
        if (s.length < 2) return new int[] {s.length == 1 ? s[0] : 1, s.length == 1 ? s[0] : 1};
        int receptive = 1;
        for (int i = 2; i < s.length; i++) receptive *= s[i];
        return new int[] {s[1] * receptive, s[0] * receptive};
    }

    /** Uniform in {@code [lo, hi)}. */
    public static Tensor uniform(Tensor t, float lo, float hi, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * rng.nextFloat();
        return t;
    }

    /** Normal with mean 0 and standard deviation {@code std}. */
    public static Tensor normal(Tensor t, float std, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (rng.nextGaussian() * std);
        return t;
    }

    /** Normal with standard deviation {@code std}, redrawn outside {@code [-2 std, 2 std]} (BERT's initializer). */
    public static Tensor truncatedNormal(Tensor t, float std, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double v;
            do v = rng.nextGaussian(); while (v < -2 || v > 2);
            d[i] = (float) (v * std);
        }
        return t;
    }

    /** Xavier/Glorot uniform: {@code U(-a, a)}, {@code a = sqrt(6 / (fanIn + fanOut))}. */
    public static Tensor xavierUniform(Tensor t, Rng rng) {
        int[] f = fans(t);
        float a = (float) Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform(t, -a, a, rng);
    }

    /** Xavier/Glorot normal: std {@code sqrt(2 / (fanIn + fanOut))}. */
    public static Tensor xavierNormal(Tensor t, Rng rng) {
        int[] f = fans(t);
        return normal(t, (float) Math.sqrt(2.0 / (f[0] + f[1])), rng);
    }

    /** Kaiming/He uniform for ReLU: {@code U(-a, a)}, {@code a = sqrt(6 / fanIn)}. */
    public static Tensor kaimingUniform(Tensor t, Rng rng) {
        float a = (float) Math.sqrt(6.0 / fans(t)[0]);
        return uniform(t, -a, a, rng);
    }

    /** Kaiming/He normal for ReLU: std {@code sqrt(2 / fanIn)}. */
    public static Tensor kaimingNormal(Tensor t, Rng rng) {
        return normal(t, (float) Math.sqrt(2.0 / fans(t)[0]), rng);
    }

    /** PyTorch's default for Linear/Conv weights and biases: {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}. */
    public static Tensor torchDefault(Tensor t, int fanIn, Rng rng) {
        float a = (float) (1 / Math.sqrt(fanIn));
        return uniform(t, -a, a, rng);
    }
}
