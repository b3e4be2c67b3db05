package dev.recompose.tensor.nn;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The full-rank cross network of DCN-V2 (Wang et al. 2021): {@code x_{l+1} = x_0 * (W_l x_l + b_l) + x_l}.
 *
 * <p>More expressive crosses than {@link CrossNetwork} at {@code d^2} parameters per layer; the
 * cross tower of DCNv2, a strong CTR baseline.
 */
public final class CrossNetworkV2 extends Module {
    private final List<Linear> layers = new ArrayList<>();

    /** {@code layers} full-rank cross layers over inputs of size {@code dim}. */
    public CrossNetworkV2(int dim, int layers, Rng rng) {
        if (dim <= 0 || layers <= 0) throw new IllegalArgumentException("CrossNetworkV2 sizes must be positive, got " + dim + ", " + layers);
        for (int l = 0; l < layers; l++) this.layers.add(child(String.valueOf(l), new Linear(dim, dim, rng)));
    }

    /** Applies the layers to {@code x0 [B, dim]}. */
    public Tensor forward(Tensor x0) {
        Tensor x = x0;
        for (Linear layer : layers) x = x0.mul(layer.forward(x)).add(x);
        return x;
    }
}
