package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Column sums of a row-major matrix ({@code acc[j] += sum_r m[r][j]}, the bias gradient of a
 * linear layer), in a fixed blocked order: each block of {@link #blockRows} rows is summed on its own
 * (rows in order, from 0), then the block sums are added in block order, then to {@code acc}.
 *
 * <p>It exists because the bias gradients of a DeepFM tower (three {@code 4096 x 400} sums a
 * step) were split across threads by column groups, each thread streaming every row for its
 * columns in 256-byte runs, with uneven groups (12 and 13 vectors of 400 columns). Blocks of
 * whole rows split evenly and read memory in order: one {@code 4096 x 400} masked sum on two
 * threads, caches flushed, best of 200 calls 0.68-0.70 -> 0.56 ms, mean 0.91-0.99 -> 0.71-0.73 ms
 * (three JVMs each). The order does not depend on the thread count: each block is summed whole by one
 * thread and the blocks are added in order. Optionally the matrix is first turned, in place, into
 * the ReLU-dropout gradient ({@link ReluDropout#gradient(float[], float[], float[], int, int, float)})
 * of a layer whose output is {@code keep}: one pass for the mask and the bias gradient.
 */
final class ColumnSums {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Rows per block, or a multiple of it for matrices so large that the block sums would pass {@link #MAX_PART} floats. */
    private static final int BLOCK = 16;
    /** Most floats of block sums one call keeps (16 MiB; a 4096 x 50,000 logit bias gradient takes 64-row blocks). */
    private static final long MAX_PART = 1L << 22;

    private ColumnSums() {}

    /** Rows per block for a {@code rows x cols} matrix: a function of the shape only, so the order is too. */
    static int blockRows(int rows, int cols) {
        long cells = (long) rows * cols, perMultiple = BLOCK * MAX_PART;
        return (int) (BLOCK * Math.max(1, (cells + perMultiple - 1) / perMultiple));
    }

    /** {@code acc[j] += sum_r m[r*cols + j]} in the blocked order. */
    static void add(float[] m, int rows, int cols, float[] acc) {
        add(m, rows, cols, acc, null, 0f);
    }

    /**
     * {@code acc[j] += sum_r m[r*cols + j]} in the blocked order; with {@code keep} non-null each
     * element first becomes its ReLU-dropout gradient ({@code m * scale} where {@code keep} is
     * positive, else 0), in place.
     */
    static void add(float[] m, int rows, int cols, float[] acc, float[] keep, float scale) {
        int block = blockRows(rows, cols), blocks = (rows + block - 1) / block;
        float[] part = Buffers.uninitialized(blocks * cols); // every block's sums written below
        int grain = (int) Math.max(1, (1 << 14) / Math.max(1L, (long) cols * block));
        Parallel.forRange(blocks, grain, (s, e) -> blockSums(m, cols, block, s * block, Math.min(rows, e * block), part, keep, scale));
        reduce(part, blocks, cols, acc);
    }

    /**
     * The sums of the blocks of {@code block} rows in rows {@code [from, to)} ({@code from} a multiple
     * of {@code block}, {@code to} a multiple or the last row) into {@code part[b*cols + j]} for block
     * {@code b}, masking in place first when {@code keep} is given (see {@link #add}).
     */
    private static void blockSums(float[] m, int cols, int block, int from, int to, float[] part, float[] keep, float scale) {
        int vl = S.length(), vecCols = cols - cols % vl;
        for (int r0 = from; r0 < to; r0 += block) {
            int r1 = Math.min(to, r0 + block), out = (r0 / block) * cols;
            for (int j = 0; j < vecCols; j += vl) {
                FloatVector sum = FloatVector.zero(S);
                for (int r = r0, at = r0 * cols + j; r < r1; r++, at += cols) sum = sum.add(row(m, at, keep, scale));
                sum.intoArray(part, out + j);
            }
            for (int j = vecCols; j < cols; j++) {
                float sum = 0f;
                for (int r = r0, at = r0 * cols + j; r < r1; r++, at += cols) {
                    if (keep != null) m[at] = ReluDropout.gradient(keep[at], m[at], scale);
                    sum += m[at];
                }
                part[out + j] = sum;
            }
        }
    }

    /** {@code acc[j] += (((0 + part[0][j]) + part[1][j]) + ...)}, blocks in order. */
    private static void reduce(float[] part, int blocks, int cols, float[] acc) {
        int vl = S.length(), j = 0;
        for (int bound = cols - cols % vl; j < bound; j += vl) {
            FloatVector total = FloatVector.zero(S);
            for (int b = 0, at = j; b < blocks; b++, at += cols) total = total.add(FloatVector.fromArray(S, part, at));
            total.add(FloatVector.fromArray(S, acc, j)).intoArray(acc, j);
        }
        for (; j < cols; j++) {
            float total = 0f;
            for (int b = 0, at = j; b < blocks; b++, at += cols) total += part[at];
            acc[j] = total + acc[j];
        }
    }

    /** One vector of {@code m} at {@code at}, ReLU-dropout masked in place first when {@code keep} is given. */
    private static FloatVector row(float[] m, int at, float[] keep, float scale) {
        FloatVector v = FloatVector.fromArray(S, m, at);
        if (keep == null) return v;
        v = ReluDropout.gradient(FloatVector.fromArray(S, keep, at), v, scale);
        v.intoArray(m, at);
        return v;
    }
}
