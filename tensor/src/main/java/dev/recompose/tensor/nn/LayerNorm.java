package dev.recompose.tensor.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Tensor;

/**
 * Layer normalisation over the last axis with learned scale and shift (Ba, Kiros and Hinton 2016).
 *
 * <p>Used by every Transformer block; the op underneath is fused (one pass forward, one backward).
 */
public final class LayerNorm extends Module {
    private final Tensor gamma;
    private final Tensor beta;
    private final float eps;

    /** Normalises vectors of size {@code dim}; scale 1, shift 0. */
    public LayerNorm(int dim, float eps) {
        if (dim <= 0) throw new IllegalArgumentException("LayerNorm size must be positive, got " + dim);
        this.gamma = parameter("weight", Tensor.ones(dim));
        this.beta = parameter("bias", Tensor.zeros(dim));
        this.eps = eps;
    }

    /** With PyTorch's default epsilon 1e-5. */
    public LayerNorm(int dim) {
        this(dim, 1e-5f);
    }

    /** Normalises the last axis of {@code x}. */
    public Tensor forward(Tensor x) {
        return Functional.layerNorm(x, gamma, beta, eps);
    }
}
