package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PackedHeadAttention} against {@link Functional#attention} on split heads (values and
 * gradients), and its gradients against central finite differences.
 */
class PackedHeadAttentionTest {
    private static Tensor reference(Tensor q, Tensor k, Tensor v, int heads, Tensor pad) {
        int b = q.size(0), t = q.size(1), w = q.size(2), s = k.size(1), d = w / heads;
        Tensor qh = q.reshape(b, t, heads, d).permute(0, 2, 1, 3);
        Tensor kh = k.reshape(b, s, heads, d).permute(0, 2, 1, 3);
        Tensor vh = v.reshape(b, s, heads, d).permute(0, 2, 1, 3);
        Tensor o = Functional.attention(qh, kh, vh, false, pad, 0f, null);
        return o.permute(0, 2, 1, 3).reshape(b, t, w);
    }

    private static void assertClose(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-5f * Math.max(1f, Math.abs(want[i])), what + " element " + i);
        }
    }

    @Test
    void matchesSplitHeadAttentionWithPadding() {
        for (int[] shape : new int[][] {{3, 30, 30, 4, 16}, {2, 5, 7, 2, 3}, {2, 50, 50, 16, 16}}) {
            int b = shape[0], t = shape[1], s = shape[2], heads = shape[3], d = shape[4];
            Rng rng = new Rng(11);
            Tensor q1 = GradCheck.param(rng, b, t, heads * d);
            Tensor k1 = GradCheck.param(rng, b, s, heads * d);
            Tensor v1 = GradCheck.param(rng, b, s, heads * d);
            Tensor q2 = q1.detach().copy().requiresGrad(true);
            Tensor k2 = k1.detach().copy().requiresGrad(true);
            Tensor v2 = v1.detach().copy().requiresGrad(true);
            int[] pad = new int[b * s];
            for (int j = s - 2; j < s; j++) pad[j] = 1; // row 0: two padded keys
            java.util.Arrays.fill(pad, s, 2 * s, 1); // row 1: all padded, outputs zeros
            Tensor mask = Tensor.ofInts(pad, b, s);
            Tensor want = reference(q1, k1, v1, heads, mask);
            Tensor got = PackedHeadAttention.apply(q2, k2, v2, heads, mask);
            assertClose(want.data(), got.data(), "output");
            Tensor w = Tensor.randn(rng, b, t, heads * d);
            want.mul(w).sum().backward();
            got.mul(w).sum().backward();
            assertClose(q1.grad().data(), q2.grad().data(), "dq");
            assertClose(k1.grad().data(), k2.grad().data(), "dk");
            assertClose(v1.grad().data(), v2.grad().data(), "dv");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(12);
        Tensor q = GradCheck.param(rng, 2, 3, 4);
        Tensor k = GradCheck.param(rng, 2, 5, 4);
        Tensor v = GradCheck.param(rng, 2, 5, 4);
        Tensor mask = Tensor.ofInts(new int[] {0, 0, 0, 1, 1, 0, 0, 0, 0, 0}, 2, 5);
        GradCheck.check(in -> PackedHeadAttention.apply(in.get(0), in.get(1), in.get(2), 2, mask),
                List.of(q, k, v), 1e-2f, 2e-2f);
    }

    @Test
    void fusedProjectionGivesTheSameBitsAsThreeTensors() {
        Rng rng = new Rng(21);
        int b = 3, t = 7, heads = 4, d = 16, w = heads * d;
        float[] raw = Tensor.randn(rng, b * t * 3 * w).data();
        Tensor qkv = Tensor.of(raw.clone(), b, t, 3 * w).requiresGrad(true);
        float[][] parts = new float[3][b * t * w];
        for (int r = 0; r < b * t; r++) {
            for (int p = 0; p < 3; p++) System.arraycopy(raw, r * 3 * w + p * w, parts[p], r * w, w);
        }
        Tensor q = Tensor.of(parts[0], b, t, w).requiresGrad(true);
        Tensor k = Tensor.of(parts[1], b, t, w).requiresGrad(true);
        Tensor v = Tensor.of(parts[2], b, t, w).requiresGrad(true);
        int[] pad = new int[b * t];
        pad[t - 1] = 1;
        java.util.Arrays.fill(pad, 2 * t, 3 * t, 1); // row 2 all padded: zeros
        Tensor mask = Tensor.ofInts(pad, b, t);
        Tensor sep = PackedHeadAttention.apply(q, k, v, heads, mask);
        Tensor fused = PackedHeadAttention.applyFused(qkv, heads, mask);
        org.junit.jupiter.api.Assertions.assertArrayEquals(sep.data(), fused.data());
        Tensor g = Tensor.randn(rng, b, t, w);
        sep.mul(g).sum().backward();
        fused.mul(g).sum().backward();
        float[] gf = qkv.grad().data();
        Tensor[] each = {q, k, v};
        for (int p = 0; p < 3; p++) {
            float[] ge = each[p].grad().data();
            for (int r = 0; r < b * t; r++) {
                for (int c = 0; c < w; c++) {
                    org.junit.jupiter.api.Assertions.assertEquals(ge[r * w + c], gf[r * 3 * w + p * w + c], "part " + p + " row " + r);
                }
            }
        }
    }

    @Test
    void fusedGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(13);
        Tensor qkv = GradCheck.param(rng, 2, 4, 12);
        Tensor mask = Tensor.ofInts(new int[] {0, 0, 0, 1, 0, 0, 0, 0}, 2, 4);
        GradCheck.check(in -> PackedHeadAttention.applyFused(in.get(0), 2, mask), List.of(qkv), 1e-2f, 2e-2f);
    }
}
