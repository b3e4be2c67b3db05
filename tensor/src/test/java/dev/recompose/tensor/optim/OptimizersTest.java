package dev.recompose.tensor.optim;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Update rules against hand-computed references, lazy row updates, clipping and schedules. */
class OptimizersTest {
    private static Map<String, Tensor> one(Tensor t) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", t);
        return m;
    }

    @Test
    void adamMatchesReferenceRecurrence() {
        Tensor w = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad(true);
        var opt = new Adam(one(w), 0.1, 0.9f, 0.999f, 1e-8f, 0f, false, false);
        double[] ref = {1, -2}, m = new double[2], v = new double[2];
        for (int step = 1; step <= 5; step++) {
            w.square().sum().backward();
            opt.step();
            opt.zeroGrad();
            for (int i = 0; i < 2; i++) {
                double g = 2 * ref[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mh = m[i] / (1 - Math.pow(0.9, step)), vh = v[i] / (1 - Math.pow(0.999, step));
                ref[i] -= 0.1 * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        assertEquals(ref[0], w.data()[0], 1e-5);
        assertEquals(ref[1], w.data()[1], 1e-5);
    }

    @Test
    void adamWDecaysWeightsWithoutGradientScaling() {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        var opt = new AdamW(one(w), 0.1, 0.5f);
        w.mul(0f).sum().backward();
        opt.step();
        assertEquals(1f - 0.1f * 0.5f, w.data()[0], 1e-6f, "zero gradient: only the decoupled decay acts");
    }

    @Test
    void sgdMomentumAndWeightDecay() {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        var opt = new Sgd(one(w), 0.1, 0.9f, 0.01f, false);
        double ref = 1, vel = 0;
        for (int step = 1; step <= 4; step++) {
            w.mul(3f).sum().backward();
            opt.step();
            opt.zeroGrad();
            double g = 3 + 0.01 * ref;
            vel = step == 1 ? g : 0.9 * vel + g;
            ref -= 0.1 * vel;
        }
        assertEquals(ref, w.data()[0], 1e-5);
    }

    @Test
    void lazyAdamTouchesOnlyUsedRows() {
        Tensor table = Tensor.full(0.5f, 6, 2).requiresGrad(true);
        Tensor dense = Tensor.ones(2).requiresGrad(true);
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("table", table);
        params.put("dense", dense);
        var opt = new LazyAdam(params, 0.01);
        Tensor ids = Tensor.ofInts(new int[] {1, 4, 1}, 3);
        Functional.embedding(table, ids, -1, true).mul(dense).sum().backward();
        assertNull(table.gradData());
        opt.step();
        for (int r = 0; r < 6; r++) {
            boolean used = r == 1 || r == 4;
            assertEquals(used, table.get(r, 0) != 0.5f, "row " + r);
        }
        assertNotEquals(1f, dense.data()[0]);
    }

    @Test
    void lazyAndDenseAdamAgreeOnFirstStepForUsedRows() {
        Tensor a = Tensor.full(0.5f, 4, 2).requiresGrad(true), b = Tensor.full(0.5f, 4, 2).requiresGrad(true);
        Tensor ids = Tensor.ofInts(new int[] {2, 3, 2}, 3);
        Functional.embedding(a, ids, -1, true).square().sum().backward();
        Functional.embedding(b, ids, -1, false).square().sum().backward();
        new LazyAdam(one(a), 0.01).step();
        new Adam(one(b), 0.01).step();
        assertArrayEquals(b.data(), a.data(), 1e-7f);
    }

    @Test
    void clipByNormScalesDenseAndSparse() {
        Tensor w = Tensor.of(new float[] {0f, 0f}, 2).requiresGrad(true);
        Tensor t = Tensor.zeros(3, 1).requiresGrad(true);
        w.mul(Tensor.of(new float[] {3f, 0f}, 2)).sum().add(Functional.embedding(t, Tensor.ofInts(new int[] {1}, 1), -1, true).mul(4f).sum()).backward();
        double norm = GradClip.clipByNorm(java.util.List.of(w, t), 1.0);
        assertEquals(5.0, norm, 1e-6);
        assertEquals(0.6f, w.gradData()[0], 1e-5f);
        assertEquals(0.8f, t.grad().data()[1], 1e-5f);
    }

    @Test
    void schedules() {
        assertEquals(0.25, new LrSchedule.LinearWarmup(4).factor(0), 1e-12);
        assertEquals(1.0, new LrSchedule.LinearWarmup(4).factor(10), 1e-12);
        assertEquals(1.0, new LrSchedule.Cosine(10, 0).factor(0), 1e-12);
        assertEquals(0.5, new LrSchedule.Cosine(10, 0).factor(5), 1e-12);
        assertEquals(0.1, new LrSchedule.Cosine(10, 0.1).factor(10), 1e-12);
        assertEquals(0.01, new LrSchedule.Step(10, 0.1).factor(25), 1e-12);
        var wc = new LrSchedule.WarmupCosine(2, 12, 0);
        assertEquals(0.5, wc.factor(0), 1e-12);
        assertEquals(1.0, wc.factor(2), 1e-12);
        assertEquals(0.0, wc.factor(12), 1e-12);
        Tensor w = Tensor.ones(1).requiresGrad(true);
        var opt = new Sgd(one(w), 1.0);
        new LrSchedule.Step(1, 0.5).apply(opt, 2.0, 3);
        assertEquals(0.25, opt.lr(), 1e-12);
    }
}
