package dev.recompose.tensor;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.recompose.tensor.GradCheck.check;

/**
 * Property tests: gradients stay correct on randomly drawn shapes and broadcast patterns. Each
 * case's shapes come from its own seed (in the test name), so a failure reruns exactly.
 */
class RandomShapeGradientTest {
    /** {@code n} fixed seeds spread over [0, 1e6), the same on every run. */
    private static LongStream seeds(int n) {
        SplittableRandom r = new SplittableRandom(20261204L);
        return LongStream.generate(() -> r.nextLong(1_000_000)).limit(n);
    }

    static LongStream forty() {
        return seeds(40);
    }

    static LongStream twentyFive() {
        return seeds(25);
    }

    /** A random shape of rank 1..3 with dimensions 1..4. */
    private static int[] shape(Rng r) {
        int[] s = new int[1 + r.nextInt(3)];
        for (int i = 0; i < s.length; i++) s[i] = 1 + r.nextInt(4);
        return s;
    }

    /** A shape that broadcasts to {@code full}: a random suffix, with random axes set to 1. */
    private static int[] broadcastable(int[] full, Rng r) {
        int drop = r.nextInt(full.length + 1);
        int[] s = java.util.Arrays.copyOfRange(full, drop, full.length);
        for (int i = 0; i < s.length; i++) if (r.nextInt(3) == 0) s[i] = 1;
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("forty")
    void broadcastArithmetic(long seed) {
        Rng r = new Rng(seed);
        int[] full = shape(r);
        int[] small = broadcastable(full, r);
        boolean swap = r.nextInt(2) == 0;
        Tensor a = Tensor.randn(r, swap ? small : full).requiresGrad(true);
        Tensor b = Tensor.randn(r, swap ? full : small).requiresGrad(true);
        Tensor positive = Tensor.rand(r, swap ? full : small).add(0.5f).requiresGrad(true);
        check(in -> in.get(0).add(in.get(1)), a, b);
        check(in -> in.get(0).sub(in.get(1)), a, b);
        check(in -> in.get(0).mul(in.get(1)), a, b);
        check(in -> in.get(0).div(in.get(1)), a, positive);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("twentyFive")
    void matmulWithRandomTransposes(long seed) {
        Rng r = new Rng(seed);
        int m = 1 + r.nextInt(7), n = 1 + r.nextInt(40), k = 1 + r.nextInt(9), batch = 1 + r.nextInt(3);
        boolean ta = r.nextInt(2) == 0, tb = r.nextInt(2) == 0;
        Tensor a = Tensor.randn(r, batch, ta ? k : m, ta ? m : k).requiresGrad(true);
        Tensor b = Tensor.randn(r, batch, tb ? n : k, tb ? k : n).requiresGrad(true);
        check(in -> Functional.matmul(in.get(0), in.get(1), ta, tb), a, b);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("twentyFive")
    void reductionsAndSoftmaxOnRandomAxes(long seed) {
        Rng r = new Rng(seed);
        int[] s = shape(r);
        int axis = r.nextInt(s.length);
        boolean keep = r.nextInt(2) == 0;
        Tensor x = Tensor.randn(r, s).requiresGrad(true);
        check(in -> in.get(0).sum(axis, keep), List.of(x), 1e-2f, 2e-2f);
        check(in -> in.get(0).mean(axis, true), x);
        check(in -> in.get(0).softmax(axis), x);
        check(in -> in.get(0).logSoftmax(axis), x);
        // Layer norm's gradient blows up when a row's values nearly coincide (variance ~ eps), where
        // central differences are meaningless; spread each row by a ramp so rows are well conditioned.
        int last = s[s.length - 1];
        float[] ramp = new float[last];
        for (int i = 0; i < last; i++) ramp[i] = 2f * i;
        Tensor spread = x.detach().add(Tensor.of(ramp, last)).requiresGrad(true);
        check(in -> Functional.layerNorm(in.get(0), null, null, 1e-5f), spread);
    }

    @Test
    void layerNormOnTheShapeThatOnceFailed() {
        reductionsAndSoftmaxOnRandomAxes(3101);
    }
}
