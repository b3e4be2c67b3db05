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

    /**
     * Edge panels one vector wide or less take the half-width kernel; their columns must hold the
     * same bits as when the same columns sit inside a full panel of a wider product.
     */
    @ParameterizedTest(name = "m={0} n={1} k={2} wider={3}")
    @CsvSource({"4096, 400, 400, 432", "4096, 100, 400, 128", "400, 100, 4096, 128", "25, 48, 300, 64", "13, 36, 40, 64"})
    void edgeColumnsMatchAFullPanel(int m, int n, int k, int wider) {
        Rng rng = new Rng(m + n + k);
        for (boolean ta : new boolean[] {false, true}) {
            float[] a = Tensor.randn(rng, m * k).data(), wide = Tensor.randn(rng, k * wider).data();
            float[] b = new float[k * n];
            for (int q = 0; q < k; q++) System.arraycopy(wide, q * wider, b, q * n, n);
            float[] narrow = new float[m * n], full = new float[m * wider];
            Gemm.sgemm(ta, false, m, n, k, 1f, a, 0, ta ? m : k, b, 0, n, 0f, narrow, 0, n);
            Gemm.sgemm(ta, false, m, wider, k, 1f, a, 0, ta ? m : k, wide, 0, wider, 0f, full, 0, wider);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(Float.floatToIntBits(full[i * wider + j]), Float.floatToIntBits(narrow[i * n + j]),
                        "ta=" + ta + " at " + i + "," + j);
                }
            }
        }
    }

    /** With beta = 0 whatever C held (NaN here) is gone, on the packed path that clears rows block by block too. */
    @ParameterizedTest(name = "m={0} n={1} k={2}")
    @CsvSource({"100, 40, 30", "1001, 400, 400", "40, 64, 4096"})
    void betaZeroClearsNaN(int m, int n, int k) {
        Rng rng = new Rng(m + n + k);
        for (boolean ta : new boolean[] {false, true}) {
            float[] a = Tensor.randn(rng, m * k).data(), b = Tensor.randn(rng, k * n).data();
            float[] c = new float[m * n], ref = new float[m * n];
            java.util.Arrays.fill(c, Float.NaN);
            Gemm.sgemm(ta, false, m, n, k, 1f, a, 0, ta ? m : k, b, 0, n, 0f, c, 0, n);
            Gemm.sgemm(ta, false, m, n, k, 1f, a, 0, ta ? m : k, b, 0, n, 1f, ref, 0, n);
            assertArrayEquals(ref, c, 0f, "ta=" + ta);
        }
    }

    /**
     * {@link Gemm#sgemmRows}: every row gets init once before its sums and done once after them, and
     * the result is init, then the product with beta = 1, then done, bit for bit; on the packed path
     * (row-major and panel-major order, one and several k blocks, one and two threads) and the fallbacks.
     */
    @ParameterizedTest(name = "ta={0} m={1} n={2} k={3} threads={4}")
    @CsvSource({"false, 1001, 400, 400, 2", "false, 1001, 400, 400, 1", "false, 37, 100, 600, 2", "true, 40, 64, 4096, 2",
        "true, 400, 100, 1000, 2", "false, 3, 5, 7, 1", "false, 5, 5000, 8, 2", "true, 1, 40, 40, 2"})
    void rowHooksWrapEachRowOnce(boolean ta, int m, int n, int k, int threads) {
        Parallel.setThreads(threads);
        Rng rng = new Rng(m * 3L + n + k);
        float[] a = Tensor.randn(rng, m * k).data(), b = Tensor.randn(rng, n * k).data(), start = Tensor.randn(rng, n).data();
        int lda = ta ? m : k;
        int[] inits = new int[m], dones = new int[m];
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, Float.NaN);
        Gemm.sgemmRows(ta, true, m, n, k, a, 0, lda, b, 0, k, c, 0, n,
                (cc, off, ldc, cols, s, e) -> {
                    for (int r = s; r < e; r++) {
                        inits[r]++;
                        System.arraycopy(start, 0, cc, off + r * ldc, cols);
                    }
                },
                (cc, off, ldc, cols, s, e) -> {
                    for (int r = s; r < e; r++) {
                        dones[r]++;
                        for (int j = 0; j < cols; j++) cc[off + r * ldc + j] = Math.max(0f, cc[off + r * ldc + j]);
                    }
                });
        float[] ref = new float[m * n];
        for (int r = 0; r < m; r++) System.arraycopy(start, 0, ref, r * n, n);
        Gemm.sgemm(ta, true, m, n, k, 1f, a, 0, lda, b, 0, k, 1f, ref, 0, n);
        for (int i = 0; i < ref.length; i++) ref[i] = Math.max(0f, ref[i]);
        int[] ones = new int[m];
        java.util.Arrays.fill(ones, 1);
        assertArrayEquals(ones, inits, "init once per row");
        assertArrayEquals(ones, dones, "done once per row");
        assertArrayEquals(ref, c, 0f);
    }

    /**
     * A weight gradient too deep to keep every k block's packed panels (over 4M floats here: 40 k
     * blocks x 13 panels) packs one k block at a time; same bits on one and two threads, and the
     * reference sums.
     */
    @Test
    void deepProductBeyondThePackedPanelCap() {
        int m = 40, n = 416, k = 10240;
        Rng rng = new Rng(17);
        float[] a = Tensor.randn(rng, k * m).data(), b = Tensor.randn(rng, k * n).data();
        float[][] out = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            float[] c = new float[m * n];
            Gemm.sgemm(true, false, m, n, k, 1f, a, 0, m, b, 0, n, 0f, c, 0, n);
            out[threads - 1] = c;
        }
        assertArrayEquals(out[0], out[1], 0f);
        for (int i = 0; i < m; i += 13) {
            for (int j = 0; j < n; j += 29) {
                double ref = 0;
                for (int q = 0; q < k; q++) ref += (double) a[q * m + i] * b[q * n + j];
                assertEquals(ref, out[1][i * n + j], 2e-3 * Math.sqrt(k), "at " + i + "," + j);
            }
        }
    }
}
