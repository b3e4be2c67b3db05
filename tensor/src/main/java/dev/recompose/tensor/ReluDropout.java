package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code dropout(relu(x))} as one tape node: the hidden layer of every MLP tower (DeepFM, DCN,
 * DNN; Srivastava et al. 2014 for the dropout).
 *
 * <p>It exists because, in a {@code batch x 400} tower, the two separate ops cost about a sixth of
 * a DeepFM training step: dropout hashes every element twice (forward, and again to regenerate
 * the mask in backward) with scalar 64-bit arithmetic, and ReLU and dropout each make their own
 * pass and output. Here the mask is hashed once, on 64-bit vector lanes, and backward needs no
 * mask at all: the output is positive exactly where the input was positive and kept, so the
 * gradient is {@code g / (1 - p)} there and zero elsewhere. The mask is the same function of
 * (seed, index) as {@link Functional#dropout}'s, so results are bit-identical to
 * {@code dropout(relu(x))} for the same {@link Rng} state.
 */
public final class ReluDropout {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int BLOCK = 2048;

    private static final ThreadLocal<float[]> MASK = ThreadLocal.withInitial(() -> new float[BLOCK]);

    private ReluDropout() {}

    /**
     * {@code o[i] = max(in[i], 0) * keep(i)} for {@code i} in {@code [s, e)}, the keep multipliers of
     * {@link Functional#fillKeep} for {@code seed}; {@code in} may be {@code o} (in place). The one
     * forward body of this op and of {@link LinearReluDropout}, so the two agree to the bit.
     */
    static void forward(float[] in, float[] o, int s, int e, float p, long seed) {
        float[] mask = MASK.get();
        for (int b0 = s; b0 < e; b0 += BLOCK) {
            int len = Math.min(BLOCK, e - b0);
            Functional.fillKeep(mask, 0, b0, len, p, seed);
            int j = 0;
            for (int bound = F.loopBound(len); j < bound; j += F.length()) {
                FloatVector.fromArray(F, in, b0 + j).max(0f).mul(FloatVector.fromArray(F, mask, j)).intoArray(o, b0 + j);
            }
            for (; j < len; j++) o[b0 + j] = Math.max(in[b0 + j], 0f) * mask[j];
        }
    }

    /**
     * {@code gx[i] = g[i] * scale} where the output {@code o[i]} is positive, else 0, for {@code i} in
     * {@code [s, e)} ({@code gx} may be {@code g}): the input gradient, written whole.
     */
    static void gradient(float[] o, float[] g, float[] gx, int s, int e, float scale) {
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            gradient(FloatVector.fromArray(F, o, i), FloatVector.fromArray(F, g, i), scale).intoArray(gx, i);
        }
        for (; i < e; i++) gx[i] = gradient(o[i], g[i], scale);
    }

    /** One vector of {@link #gradient(float[], float[], float[], int, int, float)}: {@code out} the output, {@code g} its gradient. */
    static FloatVector gradient(FloatVector out, FloatVector g, float scale) {
        // + 0 as the accumulating path's 0 + g * scale: a -0 gradient becomes +0 there too
        return g.mul(scale).add(0f).blend(0f, out.compare(VectorOperators.GT, 0f).not());
    }

    /** One element of {@link #gradient(float[], float[], float[], int, int, float)}. */
    static float gradient(float out, float g, float scale) {
        return out > 0f ? g * scale + 0f : 0f;
    }

    /**
     * {@code dropout(relu(x), p)}; in eval mode or with {@code p == 0} just {@code relu(x)}. Draws one
     * {@code long} from {@code rng} when it drops, as {@link Functional#dropout} does.
     */
    public static Tensor apply(Tensor x, float p, boolean training, Rng rng) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        if (!training || p == 0f) return x.relu();
        float[] in = x.data();
        long seed = rng.nextLong();
        float scale = 1f / (1f - p);
        float[] o = Buffers.uninitialized(in.length); // every element written below
        Parallel.forRange(in.length, Elementwise.GRAIN, (s, e) -> forward(in, o, s, e, p, seed));
        return Tensor.result(o, x.shape(), g -> {
            if (x.grad == null) {
                // the input's first gradient: written whole into an unzeroed buffer
                float[] gx = x.freshGradBuf();
                Parallel.forRange(g.length, Elementwise.GRAIN, (s, e) -> gradient(o, g, gx, s, e, scale));
                return;
            }
            float[] gx = x.gradBuf();
            Parallel.forRange(g.length, Elementwise.GRAIN, (s, e) -> {
                int i = s;
                for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
                    var kept = FloatVector.fromArray(F, o, i).compare(VectorOperators.GT, 0f);
                    FloatVector.fromArray(F, gx, i)
                            .add(FloatVector.fromArray(F, g, i).mul(scale), kept).intoArray(gx, i);
                }
                for (; i < e; i++) if (o[i] > 0f) gx[i] += g[i] * scale;
            });
        }, x);
    }
}
