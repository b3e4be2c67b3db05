package dev.recompose.tensor.optim;

import dev.recompose.tensor.Tensor;

import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) with optional L2 weight decay, decoupled weight decay (AdamW, Loshchilov
 * and Hutter 2019) and lazy sparse updates.
 *
 * <p>Almost every recommender in the benchmark trains with Adam. In lazy mode a parameter with a
 * row-sparse gradient updates only the rows the batch touched (moments of other rows are left
 * alone, as TensorFlow's LazyAdam and PyTorch's SparseAdam do), so a 100k-row item table costs
 * what the batch used, not what the table holds.
 */
public class Adam extends Optimizer {
    private final float beta1, beta2, eps, weightDecay;
    private final boolean decoupled, lazy;
    private final float[][] m, v;

    /** Adam with PyTorch defaults (betas 0.9/0.999, eps 1e-8, no weight decay, dense updates). */
    public Adam(Map<String, Tensor> params, double lr) {
        this(params, lr, 0.9f, 0.999f, 1e-8f, 0f, false, false);
    }

    /**
     * Full control.
     *
     * @param decoupled weight decay applied to the weights directly (AdamW) rather than added to the gradient
     * @param lazy update only rows present in row-sparse gradients
     */
    public Adam(Map<String, Tensor> params, double lr, float beta1, float beta2, float eps, float weightDecay, boolean decoupled, boolean lazy) {
        super(params, lr);
        if (beta1 < 0f || beta1 >= 1f || beta2 < 0f || beta2 >= 1f) throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        if (eps <= 0f || weightDecay < 0f) throw new IllegalArgumentException("eps must be > 0 and weight decay >= 0");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.lazy = lazy;
        this.m = new float[this.params.size()][];
        this.v = new float[this.params.size()][];
    }

    @Override
    protected final void update(int i, Tensor p, float lr, int step) {
        float[] w = p.data();
        if (m[i] == null) {
            m[i] = new float[w.length];
            v[i] = new float[w.length];
        }
        AdamStep s = AdamStep.at(step, lr, beta1, beta2, eps);
        if (lazy && p.sparseGrad() != null && p.gradData() == null) {
            s.rows(w, p.sparseGrad(), m[i], v[i], weightDecay, decoupled);
        } else {
            s.dense(w, denseGrad(p), m[i], v[i], weightDecay, decoupled);
        }
    }
}
