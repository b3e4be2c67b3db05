package dev.recompose.tensor.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * 1-D convolution over a channels-last sequence {@code [B, L, Cin] -> [B, Lout, Cout]}.
 *
 * <p>The building block of text CNNs (Kim 2014; NAML, Wu et al. 2019): channels-last because text
 * arrives as {@code [batch, tokens, embedding]}. The weight has PyTorch's {@code [Cout, Cin, K]} layout.
 */
public final class Conv1d extends Module {
    private final Tensor weight, bias;
    private final int padding;

    /** A convolution with {@code kernel} taps and zero {@code padding} on both sides. */
    public Conv1d(int in, int out, int kernel, int padding, Rng rng) {
        if (in <= 0 || out <= 0 || kernel <= 0 || padding < 0) throw new IllegalArgumentException("bad Conv1d sizes " + in + ", " + out + ", " + kernel + ", " + padding);
        this.weight = parameter("weight", Init.torchDefault(Tensor.zeros(out, in, kernel), in * kernel, rng));
        this.bias = parameter("bias", Init.torchDefault(Tensor.zeros(out), in * kernel, rng));
        this.padding = padding;
    }

    /** Convolves {@code x [B, L, Cin]}. */
    public Tensor forward(Tensor x) {
        return Functional.conv1d(x, weight, bias, padding);
    }
}
