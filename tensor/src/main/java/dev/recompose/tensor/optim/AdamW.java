package dev.recompose.tensor.optim;

import dev.recompose.tensor.Tensor;

import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam with weight decay applied to the weights, not the gradient.
 *
 * <p>The standard optimizer for Transformer encoders; a named subclass so recipes say what they use.
 */
public final class AdamW extends Adam {
    /** AdamW with PyTorch defaults (betas 0.9/0.999, eps 1e-8) and the given decay. */
    public AdamW(Map<String, Tensor> params, double lr, float weightDecay) {
        super(params, lr, 0.9f, 0.999f, 1e-8f, weightDecay, true, false);
    }
}
