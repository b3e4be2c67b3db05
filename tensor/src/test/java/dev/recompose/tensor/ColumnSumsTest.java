package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ColumnSums}: a hand-computed case, a double-precision reference, the mask, and the same bits on one and two threads. */
class ColumnSumsTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void addsColumnSumsToTheAccumulator() {
        float[] m = {1, 2, 3, 4, 5, 6};
        float[] acc = {1, -1};
        ColumnSums.add(m, 3, 2, acc);
        assertArrayEquals(new float[] {10, 11}, acc, 0f);
    }

    /** Rows past a whole number of blocks and columns past a whole number of vectors; masked in place where kept. */
    @Test
    void matchesReferenceWithTheReluDropoutMask() {
        int rows = 1001, cols = 37;
        Rng rng = new Rng(3);
        float[] m = Tensor.randn(rng, rows * cols).data(), keep = Tensor.randn(rng, rows * cols).data();
        float[] expected = m.clone();
        double[] ref = new double[cols];
        for (int i = 0; i < m.length; i++) {
            expected[i] = keep[i] > 0f ? m[i] * 2f : 0f;
            ref[i % cols] += expected[i];
        }
        float[] acc = new float[cols];
        ColumnSums.add(m, rows, cols, acc, keep, 2f);
        assertArrayEquals(expected, m, 0f, "the matrix becomes the masked gradient");
        for (int j = 0; j < cols; j++) assertEquals(ref[j], acc[j], 1e-3, "column " + j);
    }

    /** Block sums stay within 4M floats: wide matrices take larger blocks (a function of the shape only). */
    @Test
    void blocksGrowForWideMatrices() {
        assertEquals(16, ColumnSums.blockRows(4096, 400));
        assertEquals(64, ColumnSums.blockRows(4096, 50_000));
        assertEquals(16, ColumnSums.blockRows(3, 1));
    }

    @Test
    void sameBitsOnOneAndTwoThreads() {
        int rows = 4096, cols = 400;
        float[] m = Tensor.randn(new Rng(4), rows * cols).data();
        float[] one = new float[cols], two = new float[cols];
        Parallel.setThreads(1);
        ColumnSums.add(m, rows, cols, one);
        Parallel.setThreads(2);
        ColumnSums.add(m, rows, cols, two);
        assertArrayEquals(one, two, 0f);
    }
}
