package dev.recompose.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp} of softmax inputs, vectorised and reproducible: the Cephes {@code expf} reduction
 * and polynomial (Moshier, "Methods and Programs for Mathematical Functions", 1989) written with
 * IEEE-exact vector operations only (add, multiply, fused multiply-add, integer shifts), so the
 * result is the same bits whether the code runs interpreted, C1- or C2-compiled.
 *
 * <p>It exists because the Vector API's own {@code EXP} and float {@code reduceLanes} may round
 * differently before and after JIT compilation, which would make two runs of the same seed
 * differ; and scalar {@code Math.exp} was the largest non-product cost of short-sequence
 * attention. Relative error is within about 2 ulp of {@code Math.exp}; inputs below -87 give 0.
 */
final class VectorExp {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float C1 = 0.693359375f;
    private static final float C2 = -2.12194440e-4f;
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUND = 12582912f;
    private static final float LOW = -87f;

    private VectorExp() {}

    /**
     * {@code a[j] = exp(a[j] - shift)} for {@code j < n}, {@code n} a multiple of the preferred
     * vector length; {@code a[j] - shift} must be at most about 88 (softmax inputs minus their
     * maximum are at most 0). Minus infinity gives 0.
     */
    static void expShifted(float[] a, int n, float shift) {
        if (n % F.length() != 0) throw new IllegalArgumentException("length " + n + " is not a multiple of " + F.length());
        for (int j = 0; j < n; j += F.length()) {
            exp(FloatVector.fromArray(F, a, j).sub(shift)).intoArray(a, j);
        }
    }

    /** {@code exp} of every lane; lanes must be at most about 88, lanes below -87 (and minus infinity) give 0. */
    static FloatVector exp(FloatVector x) {
        VectorMask<Float> under = x.compare(VectorOperators.LT, LOW);
        x = x.max(LOW);
        FloatVector nf = x.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = nf.fma(FloatVector.broadcast(F, -C1), x);
        r = nf.fma(FloatVector.broadcast(F, -C2), r);
        FloatVector z = r.mul(r);
        FloatVector p = r.fma(FloatVector.broadcast(F, 1.9875691500E-4f), FloatVector.broadcast(F, 1.3981999507E-3f));
        p = p.fma(r, FloatVector.broadcast(F, 8.3334519073E-3f));
        p = p.fma(r, FloatVector.broadcast(F, 4.1665795894E-2f));
        p = p.fma(r, FloatVector.broadcast(F, 1.6666665459E-1f));
        p = p.fma(r, FloatVector.broadcast(F, 5.0000001201E-1f));
        p = p.fma(z, r).add(1f);
        IntVector bits = ((IntVector) nf.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats()).blend(FloatVector.zero(F), under);
    }
}
