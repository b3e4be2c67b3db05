package dev.recompose.tensor.optim;

import dev.recompose.tensor.Tensor;

import java.util.Map;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay, PyTorch semantics.
 *
 * <p>The baseline optimizer, and the one matrix-factorisation recipes use.
 */
public final class Sgd extends Optimizer {
    private final float momentum, weightDecay;
    private final boolean nesterov;
    private final float[][] velocity;

    /** Plain SGD. */
    public Sgd(Map<String, Tensor> params, double lr) {
        this(params, lr, 0f, 0f, false);
    }

    /** SGD with momentum and weight decay. */
    public Sgd(Map<String, Tensor> params, double lr, float momentum, float weightDecay, boolean nesterov) {
        super(params, lr);
        if (momentum < 0f || weightDecay < 0f) throw new IllegalArgumentException("momentum and weight decay must be >= 0");
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.velocity = new float[this.params.size()][];
    }

    @Override
    protected void update(int i, Tensor p, float lr, int step) {
        float[] w = p.data();
        if (momentum == 0f && weightDecay == 0f && p.gradData() == null) {
            var sg = p.sparseGrad().coalesce();
            int d = sg.dim();
            for (int j = 0; j < sg.count(); j++) {
                int dst = sg.row(j) * d, src = j * d;
                for (int q = 0; q < d; q++) w[dst + q] -= lr * sg.values()[src + q];
            }
            return;
        }
        float[] g = denseGrad(p);
        float[] v = velocity[i];
        if (momentum != 0f && v == null) velocity[i] = v = new float[w.length];
        for (int j = 0; j < w.length; j++) {
            float gj = g[j] + weightDecay * w[j];
            if (v != null) {
                v[j] = step == 1 ? gj : momentum * v[j] + gj;
                gj = nesterov ? gj + momentum * v[j] : v[j];
            }
            w[j] -= lr * gj;
        }
    }
}
