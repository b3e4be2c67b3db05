package dev.recompose.tensor.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.tensor.RowSparseGrad;
import org.junit.jupiter.api.Test;

/** {@link AdamStep} against hand-computed updates. */
class AdamStepTest {
    @Test
    void firstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        // step 1: m = 0.1 g, v = 0.001 g^2, bias corrections 0.1 and 0.001, so
        // w -= lr * (0.1 g / 0.1) / (|g| sqrt(0.001) / sqrt(0.001) + eps) = lr * sign(g)
        float[] w = {1f, 1f, 1f};
        float[] m = new float[3], v = new float[3];
        AdamStep.at(1, 0.1f, 0.9f, 0.999f, 1e-8f).dense(w, new float[] {0.5f, -2f, 0f}, m, v, 0f, false);
        assertEquals(0.9f, w[0], 1e-6f);
        assertEquals(1.1f, w[1], 1e-6f);
        assertEquals(1f, w[2], 0f);
        assertArrayEquals(new float[] {0.05f, -0.2f, 0f}, m, 1e-7f);
        assertArrayEquals(new float[] {0.00025f, 0.004f, 0f}, v, 1e-7f); // 1 - 0.999f rounds in float
    }

    @Test
    void decoupledDecayShrinksTheWeightBeforeTheUpdateAndL2AddsToTheGradient() {
        float[] w = {2f}, m = new float[1], v = new float[1];
        AdamStep.at(1, 0.1f, 0.9f, 0.999f, 1e-8f).dense(w, new float[] {0f}, m, v, 0.5f, true);
        assertEquals(2f - 0.1f * 0.5f * 2f, w[0], 1e-6f); // zero gradient: only the decay moved it
        float[] w2 = {2f}, m2 = new float[1], v2 = new float[1];
        AdamStep.at(1, 0.1f, 0.9f, 0.999f, 1e-8f).dense(w2, new float[] {0f}, m2, v2, 0.5f, false);
        assertEquals(1.9f, w2[0], 1e-6f); // L2: gradient 0.5 * 2 = 1, first step moves by lr
    }

    @Test
    void rowsTouchOnlyTheRowsOfTheSparseGradientAndSumDuplicates() {
        float[] w = {1f, 1f, 1f, 1f, 1f, 1f}; // 3 rows x 2
        float[] m = new float[6], v = new float[6];
        RowSparseGrad g = new RowSparseGrad(3, 2);
        g.add(new int[] {2, 2}, new float[] {0.25f, -1f, 0.25f, -1f}, -1);
        AdamStep.at(1, 0.1f, 0.9f, 0.999f, 1e-8f).rows(w, g, m, v, 0f, false);
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f, 0.9f, 1.1f}, w, 1e-6f);
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 0.05f, -0.2f}, m, 1e-7f);
    }

    @Test
    void stepsCountFromOne() {
        assertThrows(IllegalArgumentException.class, () -> AdamStep.at(0, 0.1f, 0.9f, 0.999f, 1e-8f));
    }
}
