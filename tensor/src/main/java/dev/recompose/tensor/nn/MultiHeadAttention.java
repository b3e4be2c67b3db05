package dev.recompose.tensor.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * Multi-head attention (Vaswani et al. 2017) with separate query/key/value/output projections.
 *
 * <p>The core of SASRec, BERT4Rec and the LM encoders; heads run through the fused
 * {@link Functional#attention} op with causal and key-padding masks, and separate projections
 * match the layout of BERT checkpoints.
 */
public final class MultiHeadAttention extends Module {
    private final Linear query, key, value, output;
    private final int heads, dim;
    private final float dropout;
    private final Rng rng;

    /** {@code dim} must be divisible by {@code heads}; {@code dropout} applies to attention weights. */
    public MultiHeadAttention(int dim, int heads, float dropout, Rng rng) {
        if (heads <= 0 || dim % heads != 0) throw new IllegalArgumentException("dim " + dim + " is not divisible by heads " + heads);
        this.dim = dim;
        this.heads = heads;
        this.dropout = dropout;
        this.query = child("query", new Linear(dim, dim, rng));
        this.key = child("key", new Linear(dim, dim, rng));
        this.value = child("value", new Linear(dim, dim, rng));
        this.output = child("output", new Linear(dim, dim, rng));
        this.rng = rng.split();
    }

    /**
     * Attends queries {@code q [B, T, dim]} over keys/values {@code k, v [B, S, dim]}.
     *
     * @param causal query i sees keys up to i only
     * @param keyPadding int32 [B, S], non-zero marks padded keys; may be null
     */
    public Tensor forward(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding) {
        if (q.dim() != 3 || q.size(2) != dim) throw new IllegalArgumentException("attention input must be [B, T, " + dim + "], got " + dev.recompose.tensor.Shapes.str(q.shape()));
        int b = q.size(0), t = q.size(1), s = k.size(1);
        Tensor qh = split(query.forward(q), b, t), kh = split(key.forward(k), b, s), vh = split(value.forward(v), b, s);
        float p = isTraining() ? dropout : 0f;
        Tensor o = Functional.attention(qh, kh, vh, causal, keyPadding, p, rng);
        Tensor merged = heads == 1 ? o.reshape(b, t, dim) : o.permute(0, 2, 1, 3).reshape(b, t, dim);
        return output.forward(merged);
    }

    /** Self-attention. */
    public Tensor forward(Tensor x, boolean causal, Tensor keyPadding) {
        return forward(x, x, x, causal, keyPadding);
    }

    private Tensor split(Tensor x, int b, int t) {
        if (heads == 1) return x.reshape(b, 1, t, dim);
        return x.reshape(b, t, heads, dim / heads).permute(0, 2, 1, 3);
    }
}
