package dev.recompose.tensor;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finite-difference gradient checker used by every op test.
 *
 * <p>The function's output is reduced to a scalar {@code L = sum(w * f(x))} with fixed random
 * weights {@code w} (accumulated in double); analytic gradients come from one backward pass seeded
 * with {@code w}, numeric ones from central differences {@code (L(x+e) - L(x-e)) / 2e} per element.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Checks every float input that requires grad; fails with the worst element on mismatch. */
    public static void check(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, float eps, float tol) {
        Tensor out = f.apply(inputs);
        Rng rng = new Rng(99);
        float[] w = new float[out.numel()];
        for (int i = 0; i < w.length; i++) w[i] = (float) rng.nextGaussian();
        for (Tensor t : inputs) if (t.requiresGrad()) t.zeroGrad();
        out.backward(Tensor.of(w, out.shape()));
        for (int ti = 0; ti < inputs.size(); ti++) {
            Tensor t = inputs.get(ti);
            if (!t.requiresGrad()) continue;
            Tensor gT = t.grad();
            float[] analytic = gT == null ? new float[t.numel()] : gT.data();
            float[] x = t.data();
            for (int i = 0; i < x.length; i++) {
                float orig = x[i];
                x[i] = orig + eps;
                double lp = weighted(f, inputs, w);
                x[i] = orig - eps;
                double lm = weighted(f, inputs, w);
                x[i] = orig;
                double numeric = (lp - lm) / (2 * eps);
                double err = Math.abs(numeric - analytic[i]);
                double scale = Math.max(1.0, Math.max(Math.abs(numeric), Math.abs(analytic[i])));
                if (err > tol * scale) {
                    fail("gradient mismatch for input " + ti + " " + Shapes.str(t.shape()) + " element " + i
                            + ": analytic " + analytic[i] + " numeric " + numeric);
                }
            }
        }
    }

    /** Checks with defaults suited to float32 (eps 1e-2, relative tolerance 2e-2). */
    public static void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        check(f, List.of(inputs), 1e-2f, 2e-2f);
    }

    private static double weighted(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, float[] w) {
        try (var g = GradMode.noGrad()) {
            float[] o = f.apply(inputs).data();
            double s = 0;
            for (int i = 0; i < o.length; i++) s += (double) w[i] * o[i];
            return s;
        }
    }

    /** A random normal leaf that requires grad. */
    public static Tensor param(Rng rng, int... shape) {
        return Tensor.randn(rng, shape).requiresGrad(true);
    }
}
