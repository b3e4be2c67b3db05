package dev.recompose.tensor;

import org.junit.jupiter.api.Test;

import static dev.recompose.tensor.GradCheck.check;
import static dev.recompose.tensor.GradCheck.param;
import static org.junit.jupiter.api.Assertions.*;

/** {@link Functional#dropoutRows}, {@link Functional#scatterRows} and {@link Functional#attentionRows}: padded-layout equivalence and gradients. */
class RowOpsTest {
    private static final int[] ROWS = {1, 2, 5, 6, 7, 11};

    @Test
    void dropoutRowsEqualsDropoutOfThePaddedTensorThenGather() {
        for (int d : new int[] {3, 16, 50}) {
            Tensor padded = Tensor.randn(new Rng(4), 12, d);
            Tensor full = Functional.dropout(padded, 0.4f, true, new Rng(9));
            Tensor rows = padded.indexSelect(0, Tensor.ofInts(ROWS, ROWS.length));
            Tensor part = Functional.dropoutRows(rows, 0.4f, true, new Rng(9), ROWS);
            assertArrayEquals(full.indexSelect(0, Tensor.ofInts(ROWS, ROWS.length)).data(), part.data(), 0f, "d=" + d);
        }
        Tensor x = Tensor.ones(ROWS.length, 4);
        assertSame(x, Functional.dropoutRows(x, 0.4f, false, new Rng(1), ROWS));
        assertThrows(IllegalArgumentException.class, () -> Functional.dropoutRows(Tensor.ones(2, 4), 0.4f, true, new Rng(1), ROWS));
    }

    @Test
    void dropoutRowsGradientMatchesFiniteDifferences() {
        Tensor a = param(new Rng(5), ROWS.length, 7);
        check(in -> Functional.dropoutRows(in.get(0), 0.5f, true, new Rng(3), ROWS), a);
    }

    @Test
    void scatterRowsPlacesRowsAndGathersTheGradient() {
        Tensor x = Tensor.randn(new Rng(6), ROWS.length, 5);
        Tensor s = Functional.scatterRows(x, ROWS, 12);
        assertArrayEquals(new int[] {12, 5}, s.shape());
        assertArrayEquals(x.data(), s.indexSelect(0, Tensor.ofInts(ROWS, ROWS.length)).data(), 0f);
        for (int c = 0; c < 5; c++) assertEquals(0f, s.data()[3 * 5 + c], 0f);
        Tensor a = param(new Rng(7), ROWS.length, 5);
        check(in -> Functional.scatterRows(in.get(0), ROWS, 12), a);
        assertThrows(IllegalArgumentException.class, () -> Functional.scatterRows(x, new int[] {1, 1, 2, 3, 4, 5}, 12));
        assertThrows(IllegalArgumentException.class, () -> Functional.scatterRows(x, ROWS, 11));
    }


    @Test
    void attentionRowsEqualsPaddedAttentionAtTheRealRows() {
        int b = 3, t = 7, dk = 5, dv = 4;
        int[] pad = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0};
        int[] real = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 19, 20};
        Tensor kp = Tensor.ofInts(pad, b, t);
        for (float p : new float[] {0f, 0.3f}) {
            Tensor q = Tensor.randn(new Rng(1), b * t, dk), k = Tensor.randn(new Rng(2), b * t, dk), v = Tensor.randn(new Rng(3), b * t, dv);
            Tensor full = Functional.attention(q.reshape(b, 1, t, dk), k.reshape(b, 1, t, dk), v.reshape(b, 1, t, dv), true, kp, p, p > 0 ? new Rng(8) : null)
                    .reshape(b * t, dv).indexSelect(0, Tensor.ofInts(real, real.length));
            Tensor idx = Tensor.ofInts(real, real.length);
            Tensor part = Functional.attentionRows(q.indexSelect(0, idx), k.indexSelect(0, idx), v.indexSelect(0, idx), kp, p, p > 0 ? new Rng(8) : null);
            assertArrayEquals(full.data(), part.data(), 0f, "dropout " + p);
        }
        Tensor q = param(new Rng(4), real.length, dk), k = param(new Rng(5), real.length, dk), v = param(new Rng(6), real.length, dv);
        check(in -> Functional.attentionRows(in.get(0), in.get(1), in.get(2), kp, 0.3f, new Rng(8)), q, k, v);
        check(in -> Functional.attentionRows(in.get(0), in.get(1), in.get(2), kp, 0f, null), q, k, v);
        assertThrows(IllegalArgumentException.class, () -> Functional.attentionRows(q, k, v, Tensor.ofInts(new int[21], b, t), 0f, null));
        // a fully padded batch row contributes no rows and is skipped
        int[] empty = new int[4 * t];
        System.arraycopy(pad, 0, empty, 0, 7);
        java.util.Arrays.fill(empty, 7, 14, 1);
        System.arraycopy(pad, 7, empty, 14, 14);
        Tensor qs = Tensor.randn(new Rng(1), real.length, dk), ks = Tensor.randn(new Rng(2), real.length, dk), vs = Tensor.randn(new Rng(3), real.length, dv);
        assertArrayEquals(Functional.attentionRows(qs, ks, vs, kp, 0f, null).data(),
                Functional.attentionRows(qs, ks, vs, Tensor.ofInts(empty, 4, t), 0f, null).data(), 0f);
        int[] holes = pad.clone();
        holes[5] = 1;
        assertThrows(IllegalArgumentException.class, () -> Functional.attentionRows(Tensor.randn(new Rng(1), 13, dk), Tensor.randn(new Rng(1), 13, dk), Tensor.randn(new Rng(1), 13, dv), Tensor.ofInts(holes, b, t), 0f, null));
    }
}
