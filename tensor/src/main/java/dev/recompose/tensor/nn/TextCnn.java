package dev.recompose.tensor.nn;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Kim (2014) text CNN: parallel convolutions of several widths, ReLU, max-pooling over time, concatenated.
 *
 * <p>The classic content encoder for news and item titles in Legommenders-style models.
 */
public final class TextCnn extends Module {
    private final List<Conv1d> convs = new ArrayList<>();

    /** One convolution of {@code filters} channels per kernel width (padding keeps the length for odd widths). */
    public TextCnn(int embeddingDim, int filters, int[] kernelWidths, Rng rng) {
        if (kernelWidths.length == 0) throw new IllegalArgumentException("TextCnn needs at least one kernel width");
        for (int k : kernelWidths) convs.add(child("conv" + k, new Conv1d(embeddingDim, filters, k, k / 2, rng)));
    }

    /** Encodes {@code x [B, L, E]} to {@code [B, filters * widths]}. */
    public Tensor forward(Tensor x) {
        List<Tensor> pooled = new ArrayList<>();
        for (Conv1d c : convs) pooled.add(c.forward(x).relu().max(1, false));
        return Tensor.concat(1, pooled);
    }
}
