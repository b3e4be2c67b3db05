package dev.recompose.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorCountTest {
  @Test
  void simdKernelIsUsedInTestsAndAgreesWithTheScalarLoop() {
    assertTrue(TargetRank.VECTOR, "the build runs tests with jdk.incubator.vector");
    SplittableRandom r = new SplittableRandom(13);
    for (int trial = 0; trial < 300; trial++) {
      int len = 1 + r.nextInt(200);
      float[] s = new float[len];
      for (int i = 0; i < len; i++) {
        int k = r.nextInt(12);
        s[i] = k == 0 ? Float.NaN : k == 1 ? Float.NEGATIVE_INFINITY : r.nextInt(8);
      }
      int from = r.nextInt(len);
      int n = r.nextInt(len - from + 1);
      float t = r.nextInt(9) - 0.5f * r.nextInt(2);
      assertEquals(TargetRank.scalarAtLeastAndNaN(s, from, n, t),
          VectorCount.atLeastAndNaN(s, from, n, t), "trial " + trial);
    }
  }
}
