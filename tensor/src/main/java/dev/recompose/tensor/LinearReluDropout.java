package dev.recompose.tensor;

/**
 * {@code dropout(relu(x w^T + b))} as one tape node: a hidden layer of an MLP tower in training
 * (DeepFM, DCN, DNN; Srivastava et al. 2014 for the dropout).
 *
 * <p>It exists because the three steps as separate passes each stream the whole
 * {@code batch x hidden} activation through memory: the bias fill before the product, the
 * product, and ReLU + dropout after it. Here the bias and the ReLU + dropout are applied to each
 * block of rows while the product has it in cache ({@link Gemm#sgemmRows}), in place, so the
 * pre-activation never exists as its own array. Backward turns the output gradient into the
 * pre-activation gradient in place (it is owned by this step and dead after it, as in
 * {@link Functional#dropout}) and hands it to the linear layer's backward. Values and gradients
 * are bit-identical to {@code ReluDropout.apply(linear(x, w, b), p, true, rng)}: the same sums in
 * the same order, the same mask (one {@code long} drawn from {@code rng}).
 */
public final class LinearReluDropout {
    private LinearReluDropout() {}

    /**
     * {@code dropout(relu(x w^T + b), p)} over the last axis of {@code x}; outside training, with
     * {@code p == 0} or without a bias, the unfused ops.
     */
    public static Tensor apply(Tensor x, Tensor w, Tensor b, float p, boolean training, Rng rng) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        if (!training || p == 0f || b == null) return ReluDropout.apply(Functional.linear(x, w, b), p, training, rng);
        int rows = MatMul.linearRows(x, w, b), in = w.size(1), out = w.size(0);
        long seed = rng.nextLong();
        float scale = 1f / (1f - p);
        Gemm.RowHook reluDrop = (c, off, ldc, n, s, e) -> {
            // whole rows of a dense output (ldc == n, off == 0): element indices are contiguous
            ReluDropout.forward(c, c, s * n, e * n, p, seed);
        };
        float[] o = MatMul.linearForward(x.data(), w.data(), b.data(), rows, in, out, reluDrop);
        int[] shape = x.shape();
        shape[shape.length - 1] = out;
        return Tensor.result(o, shape, g -> {
            if (b.requiresGrad) {
                // the mask and the bias gradient in one pass over g
                ColumnSums.add(g, rows, out, b.gradBuf(), o, scale);
            } else {
                Parallel.forRange(g.length, Elementwise.GRAIN, (s, e) -> ReluDropout.gradient(o, g, g, s, e, scale));
            }
            MatMul.linearBackward(g, x, w, null, rows, in, out);
        }, x, w, b);
    }
}
