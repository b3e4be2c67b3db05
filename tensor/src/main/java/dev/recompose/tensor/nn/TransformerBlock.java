package dev.recompose.tensor.nn;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * A Transformer encoder block (Vaswani et al. 2017): self-attention and a feed-forward network,
 * each with a residual connection, normalised before (pre-norm, Xiong et al. 2020) or after (post-norm, BERT).
 *
 * <p>SASRec, BERT4Rec and the LM content encoders stack this block; both norm placements are
 * needed to reproduce them.
 */
public final class TransformerBlock extends Module {
    private final MultiHeadAttention attention;
    private final LayerNorm norm1, norm2;
    private final Mlp ffn;
    private final Dropout dropout;
    private final boolean preNorm;

    /** A block of width {@code dim} with a {@code dim -> ffnDim -> dim} feed-forward network. */
    public TransformerBlock(int dim, int heads, int ffnDim, float dropout, boolean preNorm, Activation activation, float eps, Rng rng) {
        this.attention = child("attention", new MultiHeadAttention(dim, heads, dropout, rng));
        this.norm1 = child("norm1", new LayerNorm(dim, eps));
        this.ffn = child("ffn", new Mlp(new int[] {dim, ffnDim, dim}, activation, dropout, rng));
        this.norm2 = child("norm2", new LayerNorm(dim, eps));
        this.dropout = child("dropout", new Dropout(dropout, rng.split()));
        this.preNorm = preNorm;
    }

    /** Applies the block to {@code x [B, T, dim]}. */
    public Tensor forward(Tensor x, boolean causal, Tensor keyPadding) {
        if (preNorm) {
            Tensor h = x.add(dropout.forward(attention.forward(norm1.forward(x), causal, keyPadding)));
            return h.add(dropout.forward(ffn.forward(norm2.forward(h))));
        }
        Tensor h = norm1.forward(x.add(dropout.forward(attention.forward(x, causal, keyPadding))));
        return norm2.forward(h.add(dropout.forward(ffn.forward(h))));
    }
}
