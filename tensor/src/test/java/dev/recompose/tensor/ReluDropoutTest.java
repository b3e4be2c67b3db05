package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link ReluDropout} against the unfused {@code dropout(relu(x))}, values and gradients bit for bit. */
class ReluDropoutTest {
    @Test
    void equalsUnfusedForwardAndBackward() {
        int before = Parallel.threads();
        for (int threads : new int[] {1, 2}) {
            Parallel.setThreads(threads);
            Rng init = new Rng(3);
            float[] v = new float[97 * 701];
            for (int i = 0; i < v.length; i++) v[i] = (float) init.nextGaussian();
            float[] up = new float[v.length];
            for (int i = 0; i < up.length; i++) up[i] = (float) init.nextGaussian();
            Tensor x1 = Tensor.of(v.clone(), 97, 701).requiresGrad(true);
            Tensor x2 = Tensor.of(v.clone(), 97, 701).requiresGrad(true);
            Tensor w = Tensor.of(up, 97, 701);
            Tensor y1 = Functional.dropout(x1.relu(), 0.3f, true, new Rng(5));
            Tensor y2 = ReluDropout.apply(x2, 0.3f, true, new Rng(5));
            assertArrayEquals(y1.data(), y2.data(), 0f); // numerically equal (relu may give -0.0)
            y1.mul(w).sum().backward();
            y2.mul(w).sum().backward();
            assertArrayEquals(x1.grad().data(), x2.grad().data(), 0f);
        }
        Parallel.setThreads(before);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Rng init = new Rng(4);
        float[] v = new float[6 * 5];
        for (int i = 0; i < v.length; i++) {
            float g = (float) init.nextGaussian();
            v[i] = Math.copySign(0.1f + Math.abs(g), g); // away from the kink at 0
        }
        Tensor x = Tensor.of(v, 6, 5).requiresGrad(true);
        GradCheck.check(in -> ReluDropout.apply(in.get(0), 0.4f, true, new Rng(9)), x);
    }
}
