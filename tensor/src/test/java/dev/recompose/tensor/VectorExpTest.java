package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link VectorExp} against {@code Math.exp} over the softmax range, and its edge cases. */
class VectorExpTest {
    @Test
    void matchesMathExpWithinTwoUlp() {
        int n = 64 * 1024;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = -90f + 90f * i / (n - 1); // -90 .. 0
        float[] want = new float[n];
        for (int i = 0; i < n; i++) want[i] = (float) Math.exp(a[i] - 0.5f);
        VectorExp.expShifted(a, n, 0.5f);
        for (int i = 0; i < n; i++) {
            if (want[i] < 1e-37f) {
                assertEquals(0f, a[i], 1.2e-37f, "tiny at " + i);
            } else {
                assertEquals(want[i], a[i], 2 * Math.ulp(want[i]), "element " + i);
            }
        }
    }

    @Test
    void minusInfinityIsZeroAndZeroIsOne() {
        int n = FloatVectorLength.get();
        float[] a = new float[n];
        a[0] = Float.NEGATIVE_INFINITY;
        VectorExp.expShifted(a, n, 0f);
        assertEquals(0f, a[0]);
        assertEquals(1f, a[1]);
    }

    private static final class FloatVectorLength {
        static int get() {
            return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        }
    }
}
