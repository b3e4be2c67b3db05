package dev.recompose.tensor.nn;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * Additive attention pooling (Bahdanau et al. 2015; as used in NRMS and NAML, Wu et al. 2019):
 * {@code a = softmax(q^T tanh(W h + b))}, output {@code sum a_i h_i}.
 *
 * <p>Turns a sequence of word or news vectors into one vector; the pooling of NRMS news and user encoders.
 */
public final class AdditiveAttention extends Module {
    private final Linear projection;
    private final Tensor query;

    /** Score given to padded positions before the softmax. */
    private static final float MASKED = -1e30f;

    /** Pools vectors of size {@code dim} through a {@code hidden}-sized scoring layer. */
    public AdditiveAttention(int dim, int hidden, Rng rng) {
        this.projection = child("projection", new Linear(dim, hidden, rng));
        this.query = parameter("query", Init.uniform(Tensor.zeros(hidden, 1), -0.1f, 0.1f, rng));
    }

    /** Pools {@code x [B, T, dim]} to {@code [B, dim]}; {@code padding} int32 [B, T] (non-zero = ignore) may be null; a row with every position padded pools to zeros. */
    public Tensor forward(Tensor x, Tensor padding) {
        if (x.dim() != 3) throw new IllegalArgumentException("additive attention input must be [B, T, dim], got " + dev.recompose.tensor.Shapes.str(x.shape()));
        int b = x.size(0), t = x.size(1);
        Tensor scores = projection.forward(x).tanh().matmul(query).reshape(b, t);
        if (padding == null) return scores.softmax(1).reshape(b, 1, t).matmul(x).reshape(b, x.size(2));
        // a large finite mask, not -inf: a row with every position padded (a user with no history)
        // would be exp(-inf - -inf) = NaN; here it gets uniform weights and is then zeroed below
        Tensor weights = scores.maskedFill(padding, MASKED).softmax(1).reshape(b, 1, t);
        Tensor pooled = weights.matmul(x).reshape(b, x.size(2));
        float[] any = new float[b];
        int[] pad = padding.intData();
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < t && any[r] == 0f; j++) if (pad[r * t + j] == 0) any[r] = 1f;
        }
        return pooled.mul(Tensor.of(any, b, 1));
    }
}
