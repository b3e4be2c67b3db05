package dev.recompose.tensor.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A single-layer GRU over a batch of sequences (Cho et al. 2014), PyTorch gate layout.
 *
 * <p>GRU4Rec's (Hidasi et al. 2016) sequence encoder and the LSTUR user encoder; parameter names and
 * shapes match {@code torch.nn.GRU} ({@code weight_ih_l0 [3H, In]}, ...).
 */
public final class Gru extends Module {
    private final Tensor wIh, wHh, bIh, bHh;
    private final int hidden;

    /** Input size {@code in}, hidden size {@code hidden}; PyTorch's uniform init. */
    public Gru(int in, int hidden, Rng rng) {
        if (in <= 0 || hidden <= 0) throw new IllegalArgumentException("GRU sizes must be positive, got " + in + ", " + hidden);
        this.hidden = hidden;
        this.wIh = parameter("weight_ih_l0", Init.torchDefault(Tensor.zeros(3 * hidden, in), hidden, rng));
        this.wHh = parameter("weight_hh_l0", Init.torchDefault(Tensor.zeros(3 * hidden, hidden), hidden, rng));
        this.bIh = parameter("bias_ih_l0", Init.torchDefault(Tensor.zeros(3 * hidden), hidden, rng));
        this.bHh = parameter("bias_hh_l0", Init.torchDefault(Tensor.zeros(3 * hidden), hidden, rng));
    }

    /** Outputs of every step {@code [B, T, H]} and the final hidden state {@code [B, H]}. */
    public record Output(Tensor outputs, Tensor last) {}

    /** Runs over {@code x [B, T, In]} from {@code h0 [B, H]} (zeros when null). */
    public Output forward(Tensor x, Tensor h0) {
        if (x.dim() != 3) throw new IllegalArgumentException("GRU input must be [B, T, In], got " + dev.recompose.tensor.Shapes.str(x.shape()));
        int b = x.size(0), t = x.size(1);
        Tensor h = h0 == null ? Tensor.zeros(b, hidden) : h0;
        List<Tensor> outs = new ArrayList<>(t);
        for (int i = 0; i < t; i++) {
            Tensor xi = x.slice(1, i, i + 1).reshape(b, x.size(2));
            h = Functional.gruCell(xi, h, wIh, wHh, bIh, bHh);
            outs.add(h);
        }
        return new Output(Tensor.stack(1, outs), h);
    }

    /** One step. */
    public Tensor cell(Tensor x, Tensor h) {
        return Functional.gruCell(x, h, wIh, wHh, bIh, bHh);
    }
}
