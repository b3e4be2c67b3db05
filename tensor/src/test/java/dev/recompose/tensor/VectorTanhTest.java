package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link VectorTanh} against {@code Math.tanh}: within a few ulp everywhere, exact at the edges, same bits at any offset. */
class VectorTanhTest {
    @Test
    void closeToMathTanhOverTheWholeRange() {
        int n = 200_001;
        float[] x = new float[n], o = new float[n];
        for (int i = 0; i < n; i++) x[i] = (i - n / 2) * 1e-4f; // -10 .. 10
        VectorTanh.apply(x, o, 0, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double want = Math.tanh(x[i]);
            double ulp = Math.ulp((float) want);
            worst = Math.max(worst, Math.abs(o[i] - want) / ulp);
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulp");
    }

    @Test
    void edgesAndSpecialValues() {
        float[] x = {0f, -0f, 1e-30f, -1e-30f, 0.625f, -0.625f, 20f, -20f, 1e30f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        float[] o = new float[x.length];
        VectorTanh.apply(x, o, 0, x.length);
        assertEquals(0f, o[0]);
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(o[1]));
        assertEquals(1e-30f, o[2]);
        assertEquals(-1e-30f, o[3]);
        assertEquals(Math.tanh(0.625), o[4], 4 * Math.ulp(0.55f));
        assertEquals(-o[4], o[5]);
        assertEquals(1f, o[6]);
        assertEquals(-1f, o[7]);
        assertEquals(1f, o[8]);
        assertEquals(1f, o[9]);
        assertEquals(-1f, o[10]);
        assertTrue(Float.isNaN(o[11]));
    }

    @Test
    void sameBitsWhereverAnElementSits() {
        Rng rng = new Rng(3);
        float[] x = Tensor.randn(rng, 103).data();
        float[] whole = new float[103];
        VectorTanh.apply(x, whole, 0, 103);
        for (int start = 1; start < 40; start += 7) {
            float[] part = new float[103];
            VectorTanh.apply(x, part, start, 103);
            for (int i = start; i < 103; i++) assertEquals(Float.floatToIntBits(whole[i]), Float.floatToIntBits(part[i]), "offset " + start + " element " + i);
        }
    }
}
