package dev.recompose.tensor.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * A lookup table of {@code num x dim} learned vectors, with an optional padding row and row-sparse gradients.
 *
 * <p>Item and feature embeddings are most of a recommender's parameters; sparse gradients let a
 * lazy optimizer touch only the rows a batch used. The padding row starts at zero and never
 * receives gradient.
 */
public final class Embedding extends Module {
    private final Tensor weight;
    private final int paddingIdx;
    private final boolean sparse;

    /** A table initialised N(0, std^2); {@code paddingIdx} -1 for none. */
    public Embedding(int num, int dim, int paddingIdx, boolean sparse, float std, Rng rng) {
        if (num <= 0 || dim <= 0) throw new IllegalArgumentException("Embedding sizes must be positive, got " + num + " x " + dim);
        if (paddingIdx < -1 || paddingIdx >= num) throw new IllegalArgumentException("padding index " + paddingIdx + " outside [0, " + num + ")");
        this.weight = parameter("weight", Init.normal(Tensor.zeros(num, dim), std, rng));
        this.paddingIdx = paddingIdx;
        this.sparse = sparse;
        if (paddingIdx >= 0) java.util.Arrays.fill(weight.data(), paddingIdx * dim, (paddingIdx + 1) * dim, 0f);
    }

    /** A dense-gradient table initialised N(0, 1) like PyTorch. */
    public Embedding(int num, int dim, Rng rng) {
        this(num, dim, -1, false, 1f, rng);
    }

    /** Rows at int32 {@code ids} (any shape), giving {@code ids.shape + [dim]}. */
    public Tensor forward(Tensor ids) {
        return Functional.embedding(weight, ids, paddingIdx, sparse);
    }

    /** The {@code [num, dim]} table. */
    public Tensor weight() { return weight; }

    /** The padding row, or -1. */
    public int paddingIdx() { return paddingIdx; }

    /** Whether gradients are row-sparse. */
    public boolean sparse() { return sparse; }
}
