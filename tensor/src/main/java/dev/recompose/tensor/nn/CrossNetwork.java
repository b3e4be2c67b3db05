package dev.recompose.tensor.nn;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The cross network of DCN (Wang et al. 2017): {@code x_{l+1} = x_0 (x_l . w_l) + b_l + x_l}.
 *
 * <p>Learns bounded-degree feature crosses explicitly with {@code 2d} parameters per layer; the
 * cross tower of DCN.
 */
public final class CrossNetwork extends Module {
    private final List<Tensor> weights = new ArrayList<>(), biases = new ArrayList<>();

    /** {@code layers} cross layers over inputs of size {@code dim}. */
    public CrossNetwork(int dim, int layers, Rng rng) {
        if (dim <= 0 || layers <= 0) throw new IllegalArgumentException("CrossNetwork sizes must be positive, got " + dim + ", " + layers);
        for (int l = 0; l < layers; l++) {
            weights.add(parameter("w" + l, Init.xavierNormal(Tensor.zeros(dim, 1), rng)));
            biases.add(parameter("b" + l, Tensor.zeros(dim)));
        }
    }

    /** Applies the layers to {@code x0 [B, dim]}. */
    public Tensor forward(Tensor x0) {
        Tensor x = x0;
        for (int l = 0; l < weights.size(); l++) x = x0.mul(x.matmul(weights.get(l))).add(biases.get(l)).add(x);
        return x;
    }
}
