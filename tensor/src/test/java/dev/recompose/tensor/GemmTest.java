package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Gemm#sgemm} against a double-precision reference on shapes that cross every blocking edge
 * (micro-tile rows and columns, the KC depth block, the panel-major weight-gradient order, the
 * single-row, single-column and rank-1 products), with
 * offsets, leading dimensions wider than the operands, alpha and beta; and bit-identical results
 * whatever the thread count.
 */
class GemmTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} alpha={3} beta={4}")
    @CsvSource({
        "1, 16, 1, 1, 0", "12, 32, 256, 1, 0", "13, 33, 257, 1, 0", "25, 47, 600, 0.5, 1",
        "64, 400, 700, 1, 0.25", "40, 64, 4096, 1, 1", "100, 17, 64, -2, 0", "300, 96, 513, 1, 0",
        "7, 4100, 20, 1, 0", "50, 70, 400, 1, 1", "1, 400, 1500, 1, 1", "1500, 1, 100, 0.5, 0", "300, 200, 1, 1, 1", "1, 1, 3000, 2, 0"})
    void matchesReferenceWithOffsetsAndStrides(int m, int n, int k, float alpha, float beta) {
        Rng rng = new Rng(m * 31L + n * 7L + k);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                int aRows = ta ? k : m, aCols = ta ? m : k, bRows = tb ? n : k, bCols = tb ? k : n;
                int lda = aCols + 3, ldb = bCols + 5, ldc = n + 2, aOff = 7, bOff = 11, cOff = 5;
                float[] a = Tensor.randn(rng, aOff + aRows * lda).data();
                float[] b = Tensor.randn(rng, bOff + bRows * ldb).data();
                float[] c = Tensor.randn(rng, cOff + m * ldc).data();
                float[] before = c.clone();
                Gemm.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double ref = 0;
                        for (int q = 0; q < k; q++) {
                            float av = ta ? a[aOff + q * lda + i] : a[aOff + i * lda + q];
                            float bv = tb ? b[bOff + j * ldb + q] : b[bOff + q * ldb + j];
                            ref += (double) av * bv;
                        }
                        ref = alpha * ref + beta * before[cOff + i * ldc + j];
                        assertEquals(ref, c[cOff + i * ldc + j], 2e-3 * Math.max(1, Math.abs(ref)) * Math.sqrt(k / 64.0 + 1),
                                "ta=" + ta + " tb=" + tb + " at " + i + "," + j);
                    }
                    // padding between rows of C is never written
                    for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
                        assertEquals(before[cOff + i * ldc + j], c[cOff + i * ldc + j], "padding of C row " + i);
                    }
                }
            }
        }
    }

    @Test
    void sameBitsWithOneAndTwoThreads() {
        int[][] shapes = {{4096, 400, 100}, {4096, 400, 400}, {4096, 100, 400}, {400, 400, 4096}, {48, 400, 2048}, {1000, 64, 64}, {1, 400, 4096}, {4096, 1, 400}, {4096, 400, 1}};
        Rng rng = new Rng(5);
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                float[] a = Tensor.randn(rng, m * k).data(), b = Tensor.randn(rng, k * n).data();
                float[] one = new float[m * n], two = new float[m * n];
                Parallel.setThreads(1);
                Gemm.sgemm(ta, false, m, n, k, 1f, a, 0, ta ? m : k, b, 0, n, 0f, one, 0, n);
                Parallel.setThreads(2);
                Gemm.sgemm(ta, false, m, n, k, 1f, a, 0, ta ? m : k, b, 0, n, 0f, two, 0, n);
                assertArrayEquals(one, two, "m=" + m + " n=" + n + " k=" + k + " ta=" + ta);
            }
        }
    }
}
