package dev.recompose.tensor.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * Fully connected layer {@code y = x W^T + b}, weight stored {@code [out, in]} as in PyTorch.
 *
 * <p>The most common brick of every model; the PyTorch layout lets checkpoints load unchanged.
 */
public final class Linear extends Module {
    private final Tensor weight;
    private final Tensor bias;

    /** A layer with PyTorch's default uniform initialisation. */
    public Linear(int in, int out, boolean bias, Rng rng) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Linear sizes must be positive, got " + in + " -> " + out);
        this.weight = parameter("weight", Init.torchDefault(Tensor.zeros(out, in), in, rng));
        this.bias = bias ? parameter("bias", Init.torchDefault(Tensor.zeros(out), in, rng)) : null;
    }

    /** A layer with bias. */
    public Linear(int in, int out, Rng rng) {
        this(in, out, true, rng);
    }

    /** Applies the layer to the last axis of {@code x}. */
    public Tensor forward(Tensor x) {
        return Functional.linear(x, weight, bias);
    }

    /** The {@code [out, in]} weight. */
    public Tensor weight() { return weight; }

    /** The bias, or null. */
    public Tensor bias() { return bias; }
}
