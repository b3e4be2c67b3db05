package dev.recompose.tensor.nn;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * Learned absolute position embeddings (as in SASRec and BERT), plus the fixed sinusoidal table of Vaswani et al. 2017.
 *
 * <p>Self-attention is order-blind; sequence models add one of these to the token/item embeddings.
 */
public final class PositionalEmbedding extends Module {
    private final Tensor weight;
    private final int maxLen;

    /** Positions {@code 0..maxLen-1}, initialised N(0, std^2). */
    public PositionalEmbedding(int maxLen, int dim, float std, Rng rng) {
        if (maxLen <= 0 || dim <= 0) throw new IllegalArgumentException("PositionalEmbedding sizes must be positive, got " + maxLen + ", " + dim);
        this.maxLen = maxLen;
        this.weight = parameter("weight", Init.normal(Tensor.zeros(maxLen, dim), std, rng));
    }

    /** Embeddings of positions {@code 0..len-1}: {@code [len, dim]}, broadcastable over a batch. */
    public Tensor forward(int len) {
        if (len < 1 || len > maxLen) throw new IllegalArgumentException("sequence length " + len + " outside [1, " + maxLen + "]");
        return len == maxLen ? weight.reshape(maxLen, weight.size(1)) : weight.slice(0, 0, len);
    }

    /** The fixed sinusoidal table {@code [len, dim]} (not a parameter). */
    public static Tensor sinusoidal(int len, int dim) {
        float[] d = new float[len * dim];
        for (int p = 0; p < len; p++)
            for (int i = 0; i < dim; i++) {
                double angle = p / Math.pow(10000, 2.0 * (i / 2) / dim);
                d[p * dim + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        return Tensor.of(d, len, dim);
    }
}
