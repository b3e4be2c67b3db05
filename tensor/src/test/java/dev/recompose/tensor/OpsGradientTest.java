package dev.recompose.tensor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recompose.tensor.GradCheck.check;
import static dev.recompose.tensor.GradCheck.param;
import static org.junit.jupiter.api.Assertions.*;

/** Central finite-difference checks of every primitive op's backward pass. */
class OpsGradientTest {
    private final Rng rng = new Rng(1234);

    @Test
    void broadcastingArithmetic() {
        int[][][] pairs = {{{3, 4}, {3, 4}}, {{2, 3, 4}, {4}}, {{2, 1, 4}, {3, 1}}, {{1}, {2, 3}}, {{2, 3}, {}}, {{2, 3, 4}, {2, 3, 1}}, {{2, 3, 4}, {3, 1}}, {{3, 1}, {2, 3, 4}}, {{4}, {2, 3, 4}}, {{2, 3, 4}, {1, 3, 4}}};
        for (int[][] p : pairs) {
            Tensor a = param(rng, p[0]), b = param(rng, p[1]);
            Tensor bPos = Tensor.rand(rng, p[1]).add(0.5f).requiresGrad(true);
            check(in -> in.get(0).add(in.get(1)), a, b);
            check(in -> in.get(0).sub(in.get(1)), a, b);
            check(in -> in.get(0).mul(in.get(1)), a, b);
            check(in -> in.get(0).div(in.get(1)), a, bPos);
        }
    }

    @Test
    void broadcastShapeMismatchNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    }

    @Test
    void scalarArithmeticAndUnary() {
        Tensor a = param(rng, 3, 5);
        Tensor pos = Tensor.rand(rng, 3, 5).add(0.5f).requiresGrad(true);
        check(in -> in.get(0).mul(3f).add(1f).neg().div(2f).sub(0.5f), a);
        check(in -> in.get(0).exp(), a);
        check(in -> in.get(0).log(), pos);
        check(in -> in.get(0).sqrt(), pos);
        check(in -> in.get(0).pow(1.7f), pos);
        check(in -> in.get(0).square(), a);
        check(in -> in.get(0).gelu(), a);
        check(in -> in.get(0).sigmoid(), a);
        check(in -> in.get(0).tanh(), a);
        check(in -> in.get(0).softplus(), a);
        Tensor awayFromKink = Tensor.of(new float[] {-1.5f, -0.3f, 0.2f, 0.9f, 2f, -2f}, 2, 3).requiresGrad(true);
        check(in -> in.get(0).relu(), awayFromKink);
    }

    @Test
    void softplusIsStableForLargeInputs() {
        Tensor x = Tensor.of(new float[] {-100f, 100f}, 2);
        assertEquals(0f, x.softplus().data()[0], 1e-6f);
        assertEquals(100f, x.softplus().data()[1], 1e-4f);
        assertEquals(1f, x.sigmoid().data()[1], 1e-6f);
    }

    @Test
    void matmulAllTransposesAndBatches() {
        for (boolean ta : new boolean[] {false, true})
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = param(rng, ta ? new int[] {4, 3} : new int[] {3, 4});
                Tensor b = param(rng, tb ? new int[] {5, 4} : new int[] {4, 5});
                check(in -> Functional.matmul(in.get(0), in.get(1), ta, tb), a, b);
                Tensor ba = param(rng, ta ? new int[] {2, 4, 3} : new int[] {2, 3, 4});
                Tensor bb = param(rng, tb ? new int[] {2, 5, 4} : new int[] {2, 4, 5});
                check(in -> Functional.matmul(in.get(0), in.get(1), ta, tb), ba, bb);
                check(in -> Functional.matmul(in.get(0), in.get(1), ta, tb), ba, b);
            }
        Tensor x = param(rng, 2, 3, 4), w = param(rng, 6, 4);
        check(in -> in.get(0).matmulT(in.get(1)), x, w);
    }

    @Test
    void matmulMatchesNaiveOnOddShapes() {
        int[][] shapes = {{1, 1, 1}, {7, 33, 5}, {13, 70, 129}, {64, 17, 300}, {100, 1, 64}};
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true})
                for (boolean tb : new boolean[] {false, true}) {
                    int m = s[0], n = s[1], k = s[2];
                    float[] a = Tensor.randn(rng, m * k).data(), b = Tensor.randn(rng, k * n).data();
                    float[] c = new float[m * n];
                    Gemm.sgemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++) {
                            double ref = 0;
                            for (int q = 0; q < k; q++) ref += (double) (ta ? a[q * m + i] : a[i * k + q]) * (tb ? b[j * k + q] : b[q * n + j]);
                            assertEquals(ref, c[i * n + j], 1e-3 * Math.max(1, Math.abs(ref)), "m=" + m + " n=" + n + " k=" + k);
                        }
                }
        }
    }

    @Test
    void matmulRejectsMismatchedInnerDims() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"));
    }

    @Test
    void reductions() {
        Tensor a = param(rng, 2, 3, 4);
        check(in -> in.get(0).sum(), a);
        check(in -> in.get(0).mean(), a);
        for (int ax = 0; ax < 3; ax++) {
            int axis = ax;
            check(in -> in.get(0).sum(axis, false), a);
            check(in -> in.get(0).mean(axis, true), a);
            check(in -> in.get(0).max(axis, false), a);
        }
        check(in -> in.get(0).sum(new int[] {0, 2}, false), a);
        check(in -> in.get(0).mean(new int[] {-1, 1}, true), a);
        Tensor single = param(rng, 3, 1);
        check(in -> in.get(0).max(1, false), single);
        check(in -> in.get(0).sum(1, true), single);
        assertArrayEquals(new int[] {2, 1, 4}, a.sum(1, true).shape());
    }

    @Test
    void softmaxFamily() {
        Tensor a = param(rng, 3, 5);
        Tensor b = param(rng, 2, 3, 4);
        check(in -> in.get(0).softmax(-1), a);
        check(in -> in.get(0).logSoftmax(-1), a);
        check(in -> in.get(0).softmax(1), b);
        check(in -> in.get(0).logSoftmax(0), b);
        Tensor big = Tensor.of(new float[] {1000f, 1001f, 999f}, 1, 3);
        float[] p = big.softmax(1).data();
        assertEquals(1f, p[0] + p[1] + p[2], 1e-5f);
        assertFalse(Float.isNaN(big.logSoftmax(1).data()[0]));
        Tensor masked = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2).maskedFill(Tensor.ofInts(new int[] {1, 0, 1, 1}, 2, 2), Float.NEGATIVE_INFINITY).softmax(1);
        assertArrayEquals(new float[] {0f, 1f, 0f, 0f}, masked.data(), 1e-6f, "fully masked rows give zeros, not NaN");
    }

    @Test
    void layoutOps() {
        Tensor a = param(rng, 2, 3, 4);
        check(in -> in.get(0).reshape(4, -1), a);
        check(in -> in.get(0).permute(2, 0, 1), a);
        check(in -> in.get(0).transpose(0, 2), a);
        check(in -> in.get(0).slice(1, 1, 3), a);
        check(in -> in.get(0).split(2, 1, 3).get(1), a);
        check(in -> in.get(0).unsqueeze(1).squeeze(1), a);
        Tensor b = param(rng, 2, 2, 4);
        check(in -> Tensor.concat(1, in.get(0), in.get(1)), a, b);
        check(in -> Tensor.stack(0, List.of(in.get(0), in.get(0).mul(2f))), a);
        Tensor idx = Tensor.ofInts(new int[] {2, 0, 2, 1}, 2, 2);
        check(in -> in.get(0).indexSelect(1, idx), a);
        assertArrayEquals(new int[] {2, 2, 2, 4}, a.indexSelect(1, idx).shape());
    }

    @Test
    void reshapeIsAView() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor v = a.reshape(6);
        v.data()[4] = 7f;
        assertEquals(7f, a.get(1, 1));
    }

    @Test
    void permuteValues() {
        Tensor a = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, a.transpose(0, 1).data());
    }

    @Test
    void maskedFill() {
        Tensor a = param(rng, 2, 3);
        Tensor rowMask = Tensor.ofInts(new int[] {0, 1, 0}, 3);
        check(in -> in.get(0).maskedFill(rowMask, -5f), a);
        Tensor empty = Tensor.zerosInt(2, 3);
        check(in -> in.get(0).maskedFill(empty, 9f), a);
        assertEquals(-5f, a.maskedFill(rowMask, -5f).get(1, 1));
    }

    @Test
    void embeddingDenseAndSparse() {
        Tensor w = param(rng, 5, 3);
        Tensor ids = Tensor.ofInts(new int[] {1, 0, 3, 1, 4, 0}, 2, 3);
        check(in -> Functional.embedding(in.get(0), ids, -1, false), w);
        w.zeroGrad();
        Functional.embedding(w, ids, 0, false).sum().backward();
        assertArrayEquals(new float[3], java.util.Arrays.copyOf(w.gradData(), 3), 0f, "padding row gets no gradient");
        assertEquals(2f, w.gradData()[3], 0f);
        w.zeroGrad();
        Tensor out = Functional.embedding(w, ids, 0, true);
        out.sum().backward();
        assertNull(w.gradData(), "sparse mode leaves the dense buffer untouched");
        RowSparseGrad sg = w.sparseGrad().coalesce();
        assertEquals(3, sg.count(), "rows 1, 3, 4 touched; padding row 0 skipped");
        assertEquals(1, sg.row(0));
        assertEquals(2f, sg.values()[0], 0f);
        float[] dense = w.grad().data();
        assertEquals(0f, dense[0], 0f);
        assertEquals(1f, dense[3 * 3], 0f);
    }

    @Test
    void dropoutIsSeededAndScaled() {
        Tensor x = Tensor.ones(1000).requiresGrad(true);
        Tensor y1 = Functional.dropout(x, 0.3f, true, new Rng(7));
        Tensor y2 = Functional.dropout(x, 0.3f, true, new Rng(7));
        assertArrayEquals(y1.data(), y2.data(), 0f);
        int zeros = 0;
        for (float v : y1.data()) {
            if (v == 0f) zeros++;
            else assertEquals(1f / 0.7f, v, 1e-6f);
        }
        assertTrue(zeros > 230 && zeros < 370, "about 30% dropped, got " + zeros);
        assertSame(x, Functional.dropout(x, 0.3f, false, new Rng(7)));
        Tensor a = param(rng, 4, 5);
        check(in -> Functional.dropout(in.get(0), 0.5f, true, new Rng(3)), a);
    }

    @Test
    void intTensorsRejectArithmetic() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(3).add(Tensor.arange(3)));
        assertThrows(IllegalStateException.class, () -> Tensor.arange(3).requiresGrad(true));
    }
}
