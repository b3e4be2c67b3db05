package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link RowSparseGrad}: a batch large against its table (rows merged on arrival) and a small one
 * (rows appended, merged by {@link RowSparseGrad#coalesce()}) give the same rows and the same bits
 * as a dense accumulation in arrival order; skipped and out-of-range rows.
 */
class RowSparseGradTest {
    private static float[] dense(int rows, int dim, int[][] batches, float[][] grads, int skip) {
        float[] out = new float[rows * dim];
        for (int b = 0; b < batches.length; b++) {
            for (int j = 0; j < batches[b].length; j++) {
                int r = batches[b][j];
                if (r == skip) continue;
                for (int q = 0; q < dim; q++) out[r * dim + q] += grads[b][j * dim + q];
            }
        }
        return out;
    }

    private static void check(int rows, int dim, int batchSize, int batchCount, int skip, long seed) {
        Rng rng = new Rng(seed);
        int[][] batches = new int[batchCount][batchSize];
        float[][] grads = new float[batchCount][];
        RowSparseGrad g = new RowSparseGrad(rows, dim);
        for (int b = 0; b < batchCount; b++) {
            for (int j = 0; j < batchSize; j++) batches[b][j] = rng.nextInt(rows);
            grads[b] = Tensor.randn(rng, batchSize * dim).data();
            g.add(batches[b], grads[b], skip);
        }
        float[] want = dense(rows, dim, batches, grads, skip);
        float[] got = new float[rows * dim];
        g.addTo(got);
        assertArrayEquals(want, got, "rows=" + rows + " batch=" + batchSize);
        g.coalesce();
        float[] again = new float[rows * dim];
        for (int j = 0; j < g.count(); j++) {
            if (j > 0) assertEquals(true, g.row(j - 1) < g.row(j), "coalesced rows are sorted and distinct");
            System.arraycopy(g.values(), j * dim, again, g.row(j) * dim, dim);
        }
        assertArrayEquals(want, again);
    }

    @Test
    void largeBatchMergesOnArrivalWithTheSameBits() {
        check(50, 7, 400, 3, -1, 1);
        check(50, 7, 400, 3, 4, 2);
    }

    @Test
    void smallBatchAppendsAndCoalesces() {
        check(10_000, 5, 64, 3, -1, 3);
        check(10_000, 5, 64, 3, 17, 4);
    }

    @Test
    void outOfRangeRowIsNamed() {
        RowSparseGrad big = new RowSparseGrad(4, 2);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> big.add(new int[] {0, 1, 9, 2}, new float[8], -1));
        assertEquals(true, e.getMessage().contains("row 9"));
        RowSparseGrad small = new RowSparseGrad(1000, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> small.add(new int[] {-1}, new float[2], 5));
    }
}
