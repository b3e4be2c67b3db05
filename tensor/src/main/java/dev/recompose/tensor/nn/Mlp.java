package dev.recompose.tensor.nn;

import dev.recompose.tensor.LinearReluDropout;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron: Linear layers with an activation and dropout between them, none after the last.
 *
 * <p>The deep tower of DeepFM, DCN, the predictor brick of Legommenders and the Transformer's
 * feed-forward network all are this one brick.
 */
public final class Mlp extends Module {
    private final List<Linear> layers = new ArrayList<>();
    private final Activation activation;
    private final Dropout dropout;

    /** Layers {@code dims[0] -> dims[1] -> ... -> dims[n-1]}. */
    public Mlp(int[] dims, Activation activation, float dropout, Rng rng) {
        if (dims.length < 2) throw new IllegalArgumentException("an MLP needs at least input and output sizes, got " + java.util.Arrays.toString(dims));
        for (int i = 0; i + 1 < dims.length; i++) layers.add(child(String.valueOf(i), new Linear(dims[i], dims[i + 1], rng)));
        this.activation = activation;
        this.dropout = child("dropout", new Dropout(dropout, rng.split()));
    }

    /** Applies the layers to the last axis of {@code x}. */
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            Linear layer = layers.get(i);
            if (i + 1 < layers.size() && activation == Activation.RELU) {
                // linear + ReLU + dropout fused into one node (bit-identical to the three ops in sequence)
                h = LinearReluDropout.apply(h, layer.weight(), layer.bias(), dropout.p(), dropout.isTraining(), dropout.rng());
            } else {
                h = layer.forward(h);
                if (i + 1 < layers.size()) h = dropout.forward(activation.apply(h));
            }
        }
        return h;
    }

    /** The linear layers in order. */
    public List<Linear> layers() { return List.copyOf(layers); }
}
