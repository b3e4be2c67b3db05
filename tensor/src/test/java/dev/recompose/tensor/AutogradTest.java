package dev.recompose.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Tape semantics: accumulation, detach, no-grad, graph release, flat heap over many steps. */
class AutogradTest {
    /**
     * Backward passes that rewrite their (dead) output gradient in place and hand it to the input
     * (relu, dropout, scaling, mask multiply, layer norm) stay correct when a tensor feeds several
     * such ops and when the same array is handed down a chain.
     */
    @Test
    void inPlaceGradientHandOverWithFanOut() {
        Rng rng = new Rng(8);
        Tensor x = GradCheck.param(rng, 3, 4, 5);
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1}, 3, 4, 1);
        Tensor gamma = GradCheck.param(rng, 5), beta = GradCheck.param(rng, 5);
        GradCheck.check(in -> {
            Tensor r = in.get(0).relu();
            Tensor a = r.mul(2.5f).mul(mask);
            Tensor b = Functional.dropout(r, 0.4f, true, new Rng(2)).relu();
            Tensor c = Functional.layerNorm(r.mul(mask), in.get(1), in.get(2), 1e-5f).mul(0.5f);
            return a.add(b).add(c).mul(a).sum();
        }, x, gamma, beta);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor w = Tensor.of(new float[] {2f}, 1).requiresGrad(true);
        w.mul(3f).sum().backward();
        w.mul(3f).sum().backward();
        assertEquals(6f, w.grad().item());
        w.zeroGrad();
        assertNull(w.grad());
    }

    @Test
    void sharedSubexpressionGetsBothContributions() {
        Tensor x = Tensor.of(new float[] {3f}, 1).requiresGrad(true);
        Tensor y = x.mul(x).add(x);
        y.sum().backward();
        assertEquals(7f, x.grad().item());
    }

    @Test
    void detachStopsGradient() {
        Tensor x = Tensor.of(new float[] {3f}, 1).requiresGrad(true);
        Tensor y = x.mul(x.detach());
        y.sum().backward();
        assertEquals(3f, x.grad().item());
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        Tensor y;
        try (var g = GradMode.noGrad()) {
            y = x.mul(2f);
            assertFalse(GradMode.isEnabled());
        }
        assertTrue(GradMode.isEnabled());
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
    }

    @Test
    void graphIsReleasedAfterBackward() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        Tensor h = x.mul(2f);
        Tensor loss = h.sum();
        loss.backward();
        assertTrue(h.isLeaf() && loss.isLeaf(), "nodes are dropped after backward");
        assertNull(h.gradData(), "intermediate gradients are freed");
        assertNotNull(x.gradData(), "leaf gradients are kept");
    }

    @Test
    void backwardNeedsScalarOrSeed() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        assertThrows(IllegalStateException.class, () -> x.mul(2f).backward());
    }

    @Test
    void tenThousandStepsKeepAFlatHeap() {
        Rng rng = new Rng(1);
        Tensor w = Tensor.randn(rng, 16, 16).requiresGrad(true);
        Tensor x = Tensor.randn(rng, 8, 16);
        long early = 0;
        for (int step = 0; step < 10_000; step++) {
            Tensor loss = x.matmul(w).tanh().square().mean();
            loss.backward();
            float[] g = w.gradData();
            for (int i = 0; i < g.length; i++) w.data()[i] -= 1e-3f * g[i];
            w.zeroGrad();
            if (step == 1000) early = usedHeapAfterGc();
        }
        long late = usedHeapAfterGc();
        assertTrue(late < early + 8L * 1024 * 1024, "heap grew from " + early + " to " + late + " bytes");
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void rngIsReproducible() {
        assertArrayEquals(Tensor.randn(new Rng(5), 100).data(), Tensor.randn(new Rng(5), 100).data(), 0f);
        assertFalse(java.util.Arrays.equals(Tensor.randn(new Rng(5), 100).data(), Tensor.randn(new Rng(6), 100).data()));
    }

    private static float[][] bigStep(int threads) {
        int old = Parallel.threads();
        try {
            Parallel.setThreads(threads);
            Rng rng = new Rng(3);
            Tensor x = Tensor.randn(rng, 600, 128).requiresGrad(true);
            Tensor w = Tensor.randn(rng, 96, 128).requiresGrad(true);
            Tensor g = Tensor.randn(rng, 128).requiresGrad(true);
            Tensor h = Functional.layerNorm(x.mul(x).add(x).relu(), g, null, 1e-5f);
            Tensor loss = Functional.linear(h, w, null).tanh().sum();
            loss.backward();
            return new float[][] {{loss.item()}, x.grad().data(), w.grad().data(), g.grad().data()};
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void twoThreadsGiveTheSameBitsAsOne() {
        float[][] one = bigStep(1), two = bigStep(2);
        for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], two[i], 0f, "output " + i);
    }

    @Test
    void parallelRegionsDoNotNest() {
        int old = Parallel.threads();
        try {
            Parallel.setThreads(2);
            int[] inner = new int[2];
            Parallel.forRange(2, 1, (s, e) -> Parallel.forRange(100, 1, (s2, e2) -> {
                synchronized (inner) {
                    inner[s] += e2 - s2;
                }
            }));
            assertArrayEquals(new int[] {100, 100}, inner, "nested call ran inline in one chunk per outer chunk");
        } finally {
            Parallel.setThreads(old);
        }
    }
}
