package dev.recompose.tensor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recompose.tensor.GradCheck.check;
import static dev.recompose.tensor.GradCheck.param;
import static org.junit.jupiter.api.Assertions.*;

/** Gradient checks of the fused ops, and agreement with the same computation composed from primitives. */
class FusedOpsTest {
    private final Rng rng = new Rng(42);

    private static void assertClose(Tensor expected, Tensor actual, float tol) {
        assertArrayEquals(expected.shape(), actual.shape());
        float[] e = expected.data(), a = actual.data();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], tol * Math.max(1, Math.abs(e[i])), "element " + i);
    }

    /** Runs f twice (fused and composed) on fresh copies of the inputs and compares outputs and gradients. */
    private static void assertSameAsComposition(java.util.function.Function<List<Tensor>, Tensor> fused,
                                                java.util.function.Function<List<Tensor>, Tensor> composed, float tol, Tensor... inputs) {
        List<Tensor> a = copies(inputs), b = copies(inputs);
        Tensor ya = fused.apply(a), yb = composed.apply(b);
        assertClose(yb, ya, tol);
        Tensor seed = Tensor.randn(new Rng(5), ya.shape());
        ya.backward(seed);
        yb.backward(seed);
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) continue;
            assertClose(b.get(i).grad(), a.get(i).grad(), tol);
        }
    }

    private static List<Tensor> copies(Tensor... in) {
        return java.util.Arrays.stream(in).map(t -> t.isInt() ? t : t.copy().requiresGrad(t.requiresGrad())).toList();
    }

    @Test
    void layerNorm() {
        Tensor x = param(rng, 3, 6), g = param(rng, 6), b = param(rng, 6);
        check(in -> Functional.layerNorm(in.get(0), in.get(1), in.get(2), 1e-5f), x, g, b);
        check(in -> Functional.layerNorm(in.get(0), null, null, 1e-5f), x);
        assertSameAsComposition(in -> Functional.layerNorm(in.get(0), in.get(1), in.get(2), 1e-5f), in -> {
            Tensor mu = in.get(0).mean(-1, true);
            Tensor c = in.get(0).sub(mu);
            Tensor var = c.square().mean(-1, true);
            return c.div(var.add(1e-5f).sqrt()).mul(in.get(1)).add(in.get(2));
        }, 1e-4f, x, g, b);
    }

    @Test
    void bceWithLogits() {
        Tensor x = param(rng, 4, 3);
        Tensor y = Tensor.rand(rng, 4, 3);
        Tensor w = Tensor.of(new float[] {1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1}, 4, 3);
        check(in -> Losses.bceWithLogits(in.get(0), y), x);
        check(in -> Losses.bceWithLogits(in.get(0), y, w), x);
        assertSameAsComposition(in -> Losses.bceWithLogits(in.get(0), y), in -> {
            Tensor p = in.get(0).sigmoid();
            return y.mul(p.log()).add(y.neg().add(1f).mul(p.neg().add(1f).log())).mean().neg();
        }, 1e-4f, x);
        Tensor extreme = Tensor.of(new float[] {80f, -80f}, 2);
        assertEquals(80f, Losses.bceWithLogits(extreme, Tensor.of(new float[] {0f, 1f}, 2)).item(), 1e-3f);
    }

    @Test
    void rowDotMatchesMulSum() {
        Tensor a = param(rng, 2, 3, 5), b = param(rng, 2, 3, 5);
        check(in -> Functional.rowDot(in.get(0), in.get(1)), a, b);
        assertSameAsComposition(in -> Functional.rowDot(in.get(0), in.get(1)), in -> in.get(0).mul(in.get(1)).sum(-1, false), 1e-5f, a, b);
    }

    @Test
    void mseAndBpr() {
        Tensor p = param(rng, 5), t = param(rng, 5), n = param(rng, 5);
        check(in -> Losses.mse(in.get(0), in.get(1)), p, t);
        check(in -> Losses.bpr(in.get(0), in.get(1)), p, n);
        Tensor pos = Tensor.of(new float[] {2f}, 1), neg = Tensor.of(new float[] {0f}, 1);
        assertEquals(-Math.log(1 / (1 + Math.exp(-2))), Losses.bpr(pos, neg).item(), 1e-6);
        assertEquals(4f, Losses.mse(pos, neg).item(), 0f);
    }

    @Test
    void crossEntropy() {
        Tensor x = param(rng, 4, 5);
        Tensor t = Tensor.ofInts(new int[] {1, 4, -1, 0}, 4);
        check(in -> Losses.crossEntropy(in.get(0), t), x);
        Tensor t3 = Tensor.ofInts(new int[] {1, 4, 0}, 3);
        Tensor x3 = param(rng, 3, 5);
        assertSameAsComposition(in -> Losses.crossEntropy(in.get(0), t3), in -> {
            Tensor lp = in.get(0).logSoftmax(1);
            Tensor onehot = Tensor.zeros(3, 5);
            for (int i = 0; i < 3; i++) onehot.data()[i * 5 + t3.intData()[i]] = 1f;
            return lp.mul(onehot).sum().div(-3f);
        }, 1e-4f, x3);
    }

    @Test
    void fullSoftmaxCrossEntropyIsChunkInvariantAndMatchesDense() {
        Tensor h = param(rng, 3, 4), table = param(rng, 11, 4);
        Tensor t = Tensor.ofInts(new int[] {1, 10, 5}, 3);
        check(in -> Losses.fullSoftmaxCrossEntropy(in.get(0), in.get(1), t, 4, 1), h, table);
        assertSameAsComposition(in -> Losses.fullSoftmaxCrossEntropy(in.get(0), in.get(1), t, 3, 0),
                in -> Losses.crossEntropy(in.get(0).matmulT(in.get(1)), t), 1e-4f, h, table);
        float a = Losses.fullSoftmaxCrossEntropy(h, table, t, 1, 0).item();
        float b = Losses.fullSoftmaxCrossEntropy(h, table, t, 100, 0).item();
        assertEquals(a, b, 1e-5f);
    }

    @Test
    void sampledSoftmax() {
        Tensor h = param(rng, 3, 4), table = param(rng, 8, 4);
        Tensor pos = Tensor.ofInts(new int[] {1, 2, 7}, 3);
        Tensor neg = Tensor.ofInts(new int[] {3, 4, 5, 6, 0, 1}, 3, 2);
        Tensor logQ = Tensor.rand(rng, 3, 3);
        check(in -> Losses.sampledSoftmax(in.get(0), in.get(1), pos, neg, null), h, table);
        check(in -> Losses.sampledSoftmax(in.get(0), in.get(1), pos, neg, logQ), h, table);
    }

    @Test
    void attention() {
        int b = 2, hd = 2, t = 4, d = 3;
        Tensor q = param(rng, b, hd, t, d), k = param(rng, b, hd, t, d), v = param(rng, b, hd, t, d);
        Tensor pad = Tensor.ofInts(new int[] {0, 0, 0, 1, 1, 1, 1, 1}, b, t);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), false, null, 0f, null), q, k, v);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), true, null, 0f, null), q, k, v);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), true, pad, 0f, null), q, k, v);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), false, pad, 0.3f, new Rng(9)), q, k, v);
        Tensor kv = param(rng, b, hd, 5, d), vv = param(rng, b, hd, 5, 2);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), true, null, 0f, null), q, kv, vv);
        Tensor out = Functional.attention(q, k, v, false, pad, 0f, null);
        for (int i = hd * t * d; i < out.numel(); i++) assertEquals(0f, out.data()[i], "fully padded batch row gives zeros");
    }

    @Test
    void attentionMatchesComposition() {
        int b = 2, hd = 3, t = 5, d = 4;
        Tensor q = param(rng, b, hd, t, d), k = param(rng, b, hd, t, d), v = param(rng, b, hd, t, d);
        Tensor pad = Tensor.ofInts(new int[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0}, b, t);
        int[] causal = new int[t * t];
        for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) causal[i * t + j] = 1;
        int[] both = new int[b * t * t];
        for (int bi = 0; bi < b; bi++)
            for (int i = 0; i < t; i++)
                for (int j = 0; j < t; j++) both[(bi * t + i) * t + j] = (causal[i * t + j] | pad.intData()[bi * t + j]);
        Tensor mask = Tensor.ofInts(both, b, 1, t, t);
        assertSameAsComposition(in -> Functional.attention(in.get(0), in.get(1), in.get(2), true, pad, 0f, null), in -> {
            Tensor s = in.get(0).matmulT(in.get(1)).mul((float) (1 / Math.sqrt(d)));
            return s.maskedFill(mask, Float.NEGATIVE_INFINITY).softmax(-1).matmul(in.get(2));
        }, 1e-4f, q, k, v);
    }

    /** The vectorised dropout mask equals its one-element definition at any offset and length, and keeps about 1 - p. */
    @Test
    void dropoutMaskIsAPureFunctionOfPosition() {
        Rng r = new Rng(3);
        for (int trial = 0; trial < 50; trial++) {
            long first = r.nextInt(1000);
            int n = r.nextInt(200);
            float p = trial % 2 == 0 ? 0.5f : 0.2f;
            long seed = r.nextLong();
            float[] got = new float[n + 3];
            Functional.fillKeep(got, 3, first, n, p, seed);
            long threshold = (long) Math.ceil(p * 4294967296.0);
            for (int j = 0; j < n; j++) {
                assertEquals(Functional.keepScalar(first + j, 1f / (1f - p), threshold, seed), got[3 + j], "element " + (first + j));
            }
        }
        float[] big = new float[100_000];
        Functional.fillKeep(big, 0, 7, big.length, 0.3f, 99);
        int kept = 0;
        for (float x : big) kept += x != 0f ? 1 : 0;
        assertEquals(0.7, kept / (double) big.length, 0.01);
    }

    /** Key mask [B, 1, T, S] of causal (query i sees keys j <= i + S - T) and padded keys, for the composed path. */
    private static Tensor attentionMask(int b, int t, int s, boolean causal, int[] pad) {
        int[] m = new int[b * t * s];
        for (int bi = 0; bi < b; bi++)
            for (int i = 0; i < t; i++)
                for (int j = 0; j < s; j++) {
                    boolean off = (causal && j > i + s - t) || (pad != null && pad[bi * s + j] != 0);
                    m[(bi * t + i) * s + j] = off ? 1 : 0;
                }
        return Tensor.ofInts(m, b, 1, t, s);
    }

    /**
     * The fused kernel at recommender sizes (rows not a multiple of the register tile, d = 50 so
     * column tails are masked, left padding plus a padded key in the middle, cross-attention with
     * S > T) against softmax(q k^T / sqrt(d) + masks) v composed from primitives, with dropout applied
     * through the same position-hashed mask.
     */
    @Test
    void attentionKernelMatchesCompositionAtRecommenderSizes() {
        int b = 3, hd = 2, d = 50;
        for (int[] ts : new int[][] {{37, 37}, {13, 41}}) {
            int t = ts[0], s = ts[1];
            int[] padFlags = new int[b * s];
            for (int j = 0; j < 10; j++) padFlags[s + j] = 1;
            padFlags[s + 15] = 1;
            for (int j = 0; j < 3; j++) padFlags[2 * s + j] = 1;
            Tensor pad = Tensor.ofInts(padFlags, b, s);
            Tensor q = param(rng, b, hd, t, d), k = param(rng, b, hd, s, d), v = param(rng, b, hd, s, d);
            for (boolean causal : new boolean[] {true, false}) {
                for (float p : new float[] {0f, 0.4f}) {
                    if (causal && t < s && p > 0) continue;
                    Tensor mask = attentionMask(b, t, s, causal, padFlags);
                    long seed = new Rng(11).nextLong();
                    float[] keep = new float[b * hd * t * s];
                    if (p > 0) Functional.fillKeep(keep, 0, 0, keep.length, p, seed);
                    Tensor keepT = Tensor.of(keep, b, hd, t, s);
                    float pf = p;
                    assertSameAsComposition(in -> Functional.attention(in.get(0), in.get(1), in.get(2), causal, pad, pf, new Rng(11)), in -> {
                        Tensor sc = in.get(0).matmulT(in.get(1)).mul((float) (1 / Math.sqrt(d)));
                        Tensor pr = sc.maskedFill(mask, Float.NEGATIVE_INFINITY).softmax(-1);
                        if (pf > 0) pr = pr.mul(keepT);
                        return pr.matmul(in.get(2));
                    }, 2e-4f, q, k, v);
                }
            }
        }
    }

    /** Finite differences through the fused kernel where blocks, tails and skipped ranges all occur. */
    @Test
    void attentionKernelGradientsAtOddSizes() {
        int b = 2, hd = 1, t = 8, d = 17;
        Tensor q = param(rng, b, hd, t, d), k = param(rng, b, hd, t, d), v = param(rng, b, hd, t, 19);
        Tensor pad = Tensor.ofInts(new int[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, b, t);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), true, pad, 0f, null), q, k, v);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), true, pad, 0.25f, new Rng(3)), q, k, v);
        check(in -> Functional.attention(in.get(0), in.get(1), in.get(2), false, pad, 0f, null), q, k, v);
    }

    @Test
    void conv1dMatchesNaiveAndGradChecks() {
        Tensor x = param(rng, 2, 6, 3), w = param(rng, 4, 3, 3), bias = param(rng, 4);
        check(in -> Functional.conv1d(in.get(0), in.get(1), in.get(2), 1), x, w, bias);
        Tensor y = Functional.conv1d(x, w, bias, 1);
        assertArrayEquals(new int[] {2, 6, 4}, y.shape());
        for (int bi = 0; bi < 2; bi++)
            for (int p = 0; p < 6; p++)
                for (int o = 0; o < 4; o++) {
                    double s = bias.data()[o];
                    for (int c = 0; c < 3; c++)
                        for (int tap = 0; tap < 3; tap++) {
                            int pos = p + tap - 1;
                            if (pos >= 0 && pos < 6) s += x.get(bi, pos, c) * w.get(o, c, tap);
                        }
                    assertEquals(s, y.get(bi, p, o), 1e-4);
                }
    }

    @Test
    void gruCell() {
        int in = 3, hid = 4;
        Tensor x = param(rng, 2, in), h = param(rng, 2, hid);
        Tensor wi = param(rng, 3 * hid, in), wh = param(rng, 3 * hid, hid), bi = param(rng, 3 * hid), bh = param(rng, 3 * hid);
        check(args -> Functional.gruCell(args.get(0), args.get(1), args.get(2), args.get(3), args.get(4), args.get(5)), x, h, wi, wh, bi, bh);
    }
}
