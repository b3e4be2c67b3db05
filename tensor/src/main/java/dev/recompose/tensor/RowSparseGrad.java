package dev.recompose.tensor;

import java.util.Arrays;

/**
 * A row-sparse gradient of a 2-D table: the rows a batch touched and their gradient rows.
 *
 * <p>An embedding table of 100k items x 64 receives gradient on a few thousand rows per batch; a
 * dense gradient would cost a 25 MB write and a full optimizer sweep per step. Embedding lookups
 * with sparse gradients append here, and lazy optimizers update only {@link #coalesce() coalesced}
 * rows.
 */
public final class RowSparseGrad {
    private final int rows;
    private final int dim;
    private int[] indices = new int[16];
    private float[] values;
    private int count;
    private boolean coalesced = true;
    /**
     * Stored entry of each table row, or -1: kept when the first batch is large against the table
     * (a news model's word table, where a batch touches each word many times), so repeated rows
     * are summed on arrival instead of stored once per occurrence; null otherwise.
     */
    private int[] slotOf;

    /** An empty gradient for a {@code rows x dim} table. */
    public RowSparseGrad(int rows, int dim) {
        if (rows < 0 || dim <= 0) throw new IllegalArgumentException("bad table shape [" + rows + ", " + dim + "]");
        this.rows = rows;
        this.dim = dim;
        this.values = new float[16 * dim];
    }

    /** Adds {@code grad[j*dim ..]} to row {@code idx[j]} for every j, skipping {@code skipRow} (use -1 for none). */
    public void add(int[] idx, float[] grad, int skipRow) {
        if (grad.length < idx.length * dim) throw new IllegalArgumentException("gradient has " + grad.length + " values, need " + idx.length * dim);
        if (count == 0 && slotOf == null && (long) idx.length * 4 >= rows) {
            slotOf = new int[rows];
            Arrays.fill(slotOf, -1);
            // room for every distinct row this batch can bring, so the store never regrows
            int cap = Math.max(16, Math.min(rows, idx.length));
            indices = new int[cap];
            values = new float[cap * dim];
        }
        if (slotOf != null) {
            merge(idx, grad, skipRow);
            return;
        }
        if (appendAll(idx, grad, skipRow)) return;
        for (int j = 0; j < idx.length; j++) {
            int r = idx[j];
            if (r == skipRow) continue;
            if (r < 0 || r >= rows) throw new IndexOutOfBoundsException("row " + r + " outside table of " + rows + " rows");
            appendRow(r, grad, j * dim);
        }
    }

    /** Stores row {@code r}'s gradient {@code grad[from .. from + dim)} as a new entry. */
    private void appendRow(int r, float[] grad, int from) {
        if (count == indices.length) {
            indices = Arrays.copyOf(indices, count * 2);
            values = Arrays.copyOf(values, count * 2 * dim);
        }
        if (count > 0 && indices[count - 1] >= r) coalesced = false;
        indices[count] = r;
        System.arraycopy(grad, from, values, count * dim, dim);
        count++;
    }

    /**
     * Adds rows into their stored entry, appending a row seen for the first time; duplicates are
     * summed in arrival order, the order {@link #coalesce()} would sum them in.
     */
    private void merge(int[] idx, float[] grad, int skipRow) {
        for (int j = 0; j < idx.length; j++) {
            int r = idx[j];
            if (r == skipRow) continue;
            if (r < 0 || r >= rows) throw new IndexOutOfBoundsException("row " + r + " outside table of " + rows + " rows");
            int slot = slotOf[r];
            if (slot >= 0) {
                VectorMath.axpy(1f, grad, j * dim, values, slot * dim, dim);
                continue;
            }
            slotOf[r] = count;
            appendRow(r, grad, j * dim);
        }
    }

    /** Appends every row in one copy when none is skipped; false (nothing done) otherwise. */
    private boolean appendAll(int[] idx, float[] grad, int skipRow) {
        boolean sorted = count == 0 || idx.length == 0 || indices[count - 1] < idx[0];
        for (int j = 0; j < idx.length; j++) {
            int r = idx[j];
            if (r == skipRow) return false;
            if (r < 0 || r >= rows) throw new IndexOutOfBoundsException("row " + r + " outside table of " + rows + " rows");
            if (j > 0 && idx[j - 1] >= r) sorted = false;
        }
        int need = count + idx.length;
        if (need > indices.length) {
            int cap = Math.max(need, indices.length * 2);
            indices = Arrays.copyOf(indices, cap);
            values = Arrays.copyOf(values, cap * dim);
        }
        System.arraycopy(idx, 0, indices, count, idx.length);
        System.arraycopy(grad, 0, values, count * dim, idx.length * dim);
        count = need;
        if (!sorted) coalesced = false;
        return true;
    }

    /** Merges duplicate rows (summing them) and sorts by row; returns this. */
    public RowSparseGrad coalesce() {
        if (coalesced) return this;
        slotOf = null;
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Integer.compare(indices[x], indices[y]));
        int[] ni = new int[Math.max(16, count)];
        float[] nv = new float[Math.max(16, count) * dim];
        int n = 0;
        for (int o = 0; o < count; o++) {
            int src = order[o];
            if (n > 0 && ni[n - 1] == indices[src]) {
                int d = (n - 1) * dim, s = src * dim;
                for (int q = 0; q < dim; q++) nv[d + q] += values[s + q];
            } else {
                ni[n] = indices[src];
                System.arraycopy(values, src * dim, nv, n * dim, dim);
                n++;
            }
        }
        indices = ni;
        values = nv;
        count = n;
        coalesced = true;
        return this;
    }

    /** Number of stored rows (after {@link #coalesce()}, the number of distinct rows). */
    public int count() { return count; }

    /** Row index of stored entry {@code j}. */
    public int row(int j) { return indices[j]; }

    /** Backing values; entry {@code j} occupies {@code [j*dim, (j+1)*dim)}. */
    public float[] values() { return values; }

    /** Row width. */
    public int dim() { return dim; }

    /** Number of rows of the full table. */
    public int rows() { return rows; }

    /** Adds this gradient into a dense {@code rows x dim} buffer. */
    public void addTo(float[] dense) {
        for (int j = 0; j < count; j++) {
            int d = indices[j] * dim, s = j * dim;
            for (int q = 0; q < dim; q++) dense[d + q] += values[s + q];
        }
    }
}
