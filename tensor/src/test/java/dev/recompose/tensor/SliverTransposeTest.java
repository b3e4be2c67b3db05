package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The register-transpose pack writes exactly what the element-by-element transpose writes. */
class SliverTransposeTest {
    @ParameterizedTest(name = "kc={0} lda={1} s0={2}")
    @CsvSource({"16, 16, 0", "31, 40, 3", "256, 400, 17", "100, 100, 0", "15, 20, 1"})
    void packsTwelveRowsKMajor(int kc, int lda, int s0) {
        assumeTrue(SliverTranspose.AVAILABLE, "needs 16-lane vectors (AVX-512)");
        float[] a = Tensor.randn(new Rng(kc * 7L + lda), s0 + 12 * lda).data();
        float[] pa = new float[12 * kc + 16];
        java.util.Arrays.fill(pa, Float.NaN);
        int done = SliverTranspose.pack(a, s0, lda, kc, pa, 0);
        assertEquals(kc - kc % 16, done, "k steps packed");
        for (int kk = 0; kk < done; kk++) {
            for (int r = 0; r < 12; r++) {
                assertEquals(a[s0 + r * lda + kk], pa[kk * 12 + r], "k step " + kk + " row " + r);
            }
        }
    }
}
