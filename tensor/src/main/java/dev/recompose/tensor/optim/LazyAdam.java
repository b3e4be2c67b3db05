package dev.recompose.tensor.optim;

import dev.recompose.tensor.Tensor;

import java.util.Map;

/**
 * Adam that updates only the embedding rows a batch used, for tables with row-sparse gradients.
 *
 * <p>Item tables dominate recommender parameters; updating every row every step costs most of a
 * step's time. Dense parameters in the same model get ordinary Adam updates.
 */
public final class LazyAdam extends Adam {
    /** Lazy Adam with betas 0.9/0.999 and eps 1e-8. */
    public LazyAdam(Map<String, Tensor> params, double lr) {
        super(params, lr, 0.9f, 0.999f, 1e-8f, 0f, false, true);
    }

    /** Lazy Adam with explicit betas. */
    public LazyAdam(Map<String, Tensor> params, double lr, float beta1, float beta2) {
        super(params, lr, beta1, beta2, 1e-8f, 0f, false, true);
    }
}
