package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LinearReluDropout} against {@code ReluDropout.apply(linear(x, w, b))}, bit for bit, and against finite differences. */
class LinearReluDropoutTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    private static float[] gaussian(Rng rng, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) v[i] = scale * (float) rng.nextGaussian();
        return v;
    }

    /**
     * Shapes: the packed kernel with hooks (one and several k blocks, rows not a multiple of the
     * 12-row block, threads), the small-product and too-wide fallbacks.
     */
    @ParameterizedTest
    @CsvSource({"4096, 100, 400, 2", "1001, 400, 400, 2", "1001, 400, 400, 1", "37, 600, 48, 2", "3, 5, 7, 1", "3, 8, 5000, 2", "2, 3, 40, 2"})
    void equalsUnfusedValuesAndGradients(int rows, int in, int out, int threads) {
        Parallel.setThreads(threads);
        Rng init = new Rng(rows * 31L + in);
        float[] xv = gaussian(init, rows * in, 1f), wv = gaussian(init, out * in, 0.1f), bv = gaussian(init, out, 0.1f);
        float[] up = gaussian(init, rows * out, 1f);
        Tensor[] fused = {Tensor.of(xv.clone(), rows, in).requiresGrad(true), Tensor.of(wv.clone(), out, in).requiresGrad(true), Tensor.of(bv.clone(), out).requiresGrad(true)};
        Tensor[] plain = {Tensor.of(xv.clone(), rows, in).requiresGrad(true), Tensor.of(wv.clone(), out, in).requiresGrad(true), Tensor.of(bv.clone(), out).requiresGrad(true)};
        Rng r1 = new Rng(5), r2 = new Rng(5);
        Tensor y1 = LinearReluDropout.apply(fused[0], fused[1], fused[2], 0.3f, true, r1);
        Tensor y2 = ReluDropout.apply(Functional.linear(plain[0], plain[1], plain[2]), 0.3f, true, r2);
        assertArrayEquals(y2.data(), y1.data(), 0f);
        assertEquals(r2.nextLong(), r1.nextLong(), "the same draws from the rng");
        // x also feeds a second branch, so its gradient from this op is added to an existing one
        Tensor w = Tensor.of(up, rows, out);
        y1.mul(w).sum().add(fused[0].sum()).backward();
        y2.mul(w).sum().add(plain[0].sum()).backward();
        for (int i = 0; i < 3; i++) assertArrayEquals(plain[i].grad().data(), fused[i].grad().data(), 0f, "gradient of input " + i);
    }

    @Test
    void outsideTrainingIsTheUnfusedLayer() {
        Rng init = new Rng(2);
        Tensor x = Tensor.of(gaussian(init, 50 * 20, 1f), 50, 20);
        Tensor w = Tensor.of(gaussian(init, 30 * 20, 0.2f), 30, 20);
        Tensor b = Tensor.of(gaussian(init, 30, 0.2f), 30);
        assertArrayEquals(Functional.linear(x, w, b).relu().data(), LinearReluDropout.apply(x, w, b, 0.3f, false, new Rng(1)).data(), 0f);
    }

    /** Pre-activations kept 0.5 or more from the ReLU kink (the bias sets their sign), so central differences are smooth. */
    @ParameterizedTest
    @CsvSource({"4, 3, 5", "20, 16, 32"})
    void gradientMatchesFiniteDifferences(int rows, int in, int out) {
        Rng init = new Rng(8);
        Tensor x = Tensor.of(gaussian(init, rows * in, 0.5f), rows, in).requiresGrad(true);
        Tensor w = Tensor.of(gaussian(init, out * in, 0.05f), out, in).requiresGrad(true);
        float[] bv = new float[out];
        for (int j = 0; j < out; j++) bv[j] = j % 2 == 0 ? 1f : -1f;
        Tensor b = Tensor.of(bv, out).requiresGrad(true);
        // the mask is a function of the rng's state: every evaluation starts from the same one
        GradCheck.check(in2 -> LinearReluDropout.apply(in2.get(0), in2.get(1), in2.get(2), 0.4f, true, new Rng(9)),
                List.of(x, w, b), 1e-2f, 2e-2f);
    }
}
