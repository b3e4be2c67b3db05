package dev.recompose.tensor.nn;

import dev.recompose.tensor.Tensor;

/**
 * The second-order interaction of a factorization machine (Rendle 2010), in O(F k):
 * {@code 0.5 * sum_k((sum_f v_fk)^2 - sum_f v_fk^2)}.
 *
 * <p>The FM component of FM and DeepFM; it has no parameters of its own (the field embeddings are the factors).
 */
public final class FactorizationMachine extends Module {
    /** Pairwise interaction of field embeddings {@code v [B, F, k]}, giving {@code [B, 1]}. */
    public Tensor forward(Tensor v) {
        if (v.dim() != 3) throw new IllegalArgumentException("FM input must be [B, fields, k], got " + dev.recompose.tensor.Shapes.str(v.shape()));
        Tensor sumSq = v.sum(1, false).square();
        Tensor sqSum = v.square().sum(1, false);
        return sumSq.sub(sqSum).sum(1, true).mul(0.5f);
    }
}
