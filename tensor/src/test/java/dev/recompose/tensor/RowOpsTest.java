package dev.recompose.tensor;

import org.junit.jupiter.api.Test;

import static dev.recompose.tensor.GradCheck.check;
import static dev.recompose.tensor.GradCheck.param;
import static org.junit.jupiter.api.Assertions.*;

/** {@link Functional#dropoutRows} and {@link Functional#scatterRows}: padded-layout equivalence and gradients. */
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
}
