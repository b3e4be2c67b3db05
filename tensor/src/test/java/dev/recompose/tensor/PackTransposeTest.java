package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The register-transpose pack writes exactly what the element-by-element transpose writes. */
class PackTransposeTest {
    @ParameterizedTest(name = "rows={0} kc={1} lda={2} s0={3} stride={4}")
    @CsvSource({"12, 16, 16, 0, 12", "12, 31, 40, 3, 12", "12, 256, 400, 17, 12", "12, 15, 20, 1, 12",
        "16, 100, 100, 0, 32", "16, 48, 50, 2, 32", "16, 16, 16, 0, 16", "16, 33, 33, 5, 16"})
    void transposesRowsIntoKMajorSteps(int rows, int kc, int lda, int s0, int stride) {
        assumeTrue(PackTranspose.AVAILABLE, "needs 16-lane vectors (AVX-512)");
        // the source ends with the last row: rows past `rows` must not be read
        float[] a = Tensor.randn(new Rng(kc * 7L + lda), s0 + (rows - 1) * lda + kc).data();
        float[] out = new float[kc * stride + 16];
        java.util.Arrays.fill(out, Float.NaN);
        int done = rows == 12 ? PackTranspose.pack12(a, s0, lda, kc, out, 0, stride) : PackTranspose.pack16(a, s0, lda, kc, out, 0, stride);
        assertEquals(kc - kc % 16, done, "k steps written");
        for (int kk = 0; kk < done; kk++) {
            for (int r = 0; r < Math.min(16, stride); r++) {
                float want = r < rows ? a[s0 + r * lda + kk] : 0f;
                assertEquals(want, out[kk * stride + r], "k step " + kk + " row " + r);
            }
        }
    }
}
