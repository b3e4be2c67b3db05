package dev.recompose.tensor.optim;

import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base class of optimizers: a fixed, ordered list of parameters, a learning rate and a step counter.
 *
 * <p>Subclasses implement one parameter's update; the base runs it under {@link GradMode#noGrad()}
 * and skips parameters without a gradient, as PyTorch does.
 */
public abstract class Optimizer {
    protected final List<Tensor> params;
    protected final List<String> names;
    private double lr;
    private int steps;

    /** Optimizes {@code params} (e.g. {@code module.parameters()}) with learning rate {@code lr}. */
    protected Optimizer(Map<String, Tensor> params, double lr) {
        if (params.isEmpty()) throw new IllegalArgumentException("optimizer got no parameters");
        if (!(lr >= 0)) throw new IllegalArgumentException("learning rate must be >= 0, got " + lr);
        this.params = new ArrayList<>(params.values());
        this.names = new ArrayList<>(params.keySet());
        this.lr = lr;
    }

    /** Applies one update to every parameter that has a gradient. */
    public final void step() {
        steps++;
        try (var g = GradMode.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (p.gradData() == null && p.sparseGrad() == null) continue;
                update(i, p, (float) lr, steps);
            }
        }
    }

    /** Updates parameter {@code i} in place; {@code step} counts from 1. */
    protected abstract void update(int i, Tensor p, float lr, int step);

    /** Clears all gradients. */
    public final void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    /** Current learning rate. */
    public final double lr() { return lr; }

    /** Sets the learning rate (schedules call this before each step). */
    public final void setLr(double lr) {
        if (!(lr >= 0)) throw new IllegalArgumentException("learning rate must be >= 0, got " + lr);
        this.lr = lr;
    }

    /** Steps taken so far. */
    public final int steps() { return steps; }

    /** The dense gradient of {@code p}, folding any row-sparse part in (allocates only when sparse). */
    protected static float[] denseGrad(Tensor p) {
        if (p.sparseGrad() == null) return p.gradData();
        return p.grad().data();
    }
}
