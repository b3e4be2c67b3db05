package dev.recompose.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Buffers} is active under the build's JVM flags, and the ops that write their first input
 * gradient into an unzeroed buffer give the same bits as accumulating into an existing one.
 */
class BuffersTest {
    @Test
    void buildPassesTheExportThatSkipsZeroing() {
        assertTrue(Buffers.skipsZeroing(), "tests run without --add-exports java.base/jdk.internal.misc=ALL-UNNAMED"
                + " (pom.xml argLine): the unzeroed paths would go untested");
        assertEquals(Buffers.MIN_UNINITIALIZED + 3, Buffers.uninitialized(Buffers.MIN_UNINITIALIZED + 3).length);
        float[] small = Buffers.uninitialized(100);
        for (float f : small) assertEquals(0f, f, "small arrays are zeroed as usual");
    }

    /** Input gradients, first written (unzeroed buffer) against second (accumulated), same values. */
    @Test
    void firstAndAccumulatedInputGradientsAgree() {
        Rng rng = new Rng(11);
        int rows = 300, in = 120, out = 130; // above MIN_UNINITIALIZED elements
        Tensor w = Tensor.randn(rng, out, in).requiresGrad(true);
        Tensor b = Tensor.randn(rng, out).requiresGrad(true);
        Tensor w2 = Tensor.randn(rng, in, out);
        float[] xv = Tensor.randn(rng, rows, in).data();
        float[] upOut = Tensor.randn(rng, rows, out).data();
        float[] upIn = Tensor.randn(rng, rows, in).data();
        for (String op : new String[] {"linear", "matmul", "reluDropout"}) {
            // once: the input's gradient comes only from this op (fresh buffer)
            boolean sameWidth = op.equals("reluDropout");
            Tensor u = Tensor.of(sameWidth ? upIn : upOut, rows, sameWidth ? in : out);
            Tensor x1 = Tensor.of(xv.clone(), rows, in).requiresGrad(true);
            apply(op, x1, w, b, w2).mul(u).sum().backward();
            // twice: the second use finds a gradient already there and accumulates into it
            Tensor x2 = Tensor.of(xv.clone(), rows, in).requiresGrad(true);
            apply(op, x2, w, b, w2).mul(u).sum().add(apply(op, x2, w, b, w2).mul(u).sum()).backward();
            float[] once = x1.grad().data(), twice = x2.grad().data();
            for (int i = 0; i < once.length; i++) assertEquals(2 * once[i], twice[i], 1e-5f * Math.max(1f, Math.abs(twice[i])), op + " at " + i);
            for (float g : once) assertTrue(Float.isFinite(g), op + " gradient is not finite");
        }
    }

    private static Tensor apply(String op, Tensor x, Tensor w, Tensor b, Tensor w2) {
        return switch (op) {
            case "linear" -> Functional.linear(x, w, b);
            case "matmul" -> x.matmul(w2);
            default -> ReluDropout.apply(x, 0.25f, true, new Rng(9));
        };
    }

    @Test
    void unzeroedForwardOutputsEqualTheirDefinition() {
        Rng rng = new Rng(12);
        Tensor x = Tensor.randn(rng, 400, 100);
        Tensor w = Tensor.randn(rng, 90, 100);
        Tensor b = Tensor.randn(rng, 90);
        // garbage left in freed memory must not leak into outputs: allocate and drop some first
        for (int i = 0; i < 8; i++) java.util.Arrays.fill(Buffers.uninitialized(400 * 90), Float.NaN);
        float[] lin = Functional.linear(x, w, b).data();
        float[] mm = x.matmul(w.transpose(0, 1)).data();
        for (int r = 0; r < 400; r++) {
            for (int j = 0; j < 90; j++) {
                assertEquals(mm[r * 90 + j] + b.data()[j], lin[r * 90 + j], 1e-4f, "linear at " + r + "," + j);
            }
        }
        assertArrayEquals(mm, x.matmul(w.transpose(0, 1)).data(), 0f);
    }
}
