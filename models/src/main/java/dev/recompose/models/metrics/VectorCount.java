package dev.recompose.models.metrics;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernel of {@link TargetRank}: counts scores {@code >= t} and NaNs in one pass with the
 * Java Vector API (about 10x the scalar loop on AVX2). Loaded only when the
 * {@code jdk.incubator.vector} module is present; {@link TargetRank} falls back to a scalar loop
 * otherwise.
 */
final class VectorCount {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private VectorCount() {}

  /** {@code {count(s >= t), count(isNaN(s))}} over {@code scores[from, from + n)}. */
  static long atLeastAndNaN(float[] scores, int from, int n, float t) {
    int atLeast = 0;
    int nan = 0;
    int j = from;
    int end = from + n;
    int upper = from + SPECIES.loopBound(n);
    FloatVector tv = FloatVector.broadcast(SPECIES, t);
    for (; j < upper; j += SPECIES.length()) {
      FloatVector x = FloatVector.fromArray(SPECIES, scores, j);
      atLeast += x.compare(VectorOperators.GE, tv).trueCount();
      nan += x.test(VectorOperators.IS_NAN).trueCount();
    }
    for (; j < end; j++) {
      float s = scores[j];
      atLeast += s >= t ? 1 : 0;
      nan += s != s ? 1 : 0;
    }
    return ((long) atLeast << 32) | nan;
  }
}
