package dev.recompose.data.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.StoreLayout;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the time-based rules on random inputs with many ties: each case draws its input
 * from its own seed (shown in the test name), so a failure reruns exactly.
 */
class SplitPropertiesTest {
  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void temporalPartsAreOrderedInTimeAndTiesNeverStraddle(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] raw = r.ints(1 + r.nextInt(60)).toArray();
    int trainTenths = r.nextInt(11);
    int validTenths = r.nextInt(11);
    int v = Math.min(validTenths, 10 - trainTenths);
    double[] ratios = {trainTenths / 10.0, v / 10.0, (10 - trainTenths - v) / 10.0};
    long[] ts = new long[raw.length];
    int[] rows = new int[raw.length];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = Math.floorMod(raw[i], 7); // few distinct values: many ties
      rows[i] = i;
    }
    byte[] codes = new byte[ts.length];
    TimeCuts.assign(ts, rows, ratios, codes);
    long[] min = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    long[] max = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
    int train = 0;
    for (int i = 0; i < ts.length; i++) {
      int c = codes[i];
      assertTrue(c >= 0 && c <= 2);
      min[c] = Math.min(min[c], ts[i]);
      max[c] = Math.max(max[c], ts[i]);
      train += c == StoreLayout.SPLIT_TRAIN ? 1 : 0;
    }
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        if (max[a] != Long.MIN_VALUE && min[b] != Long.MAX_VALUE) {
          assertTrue(max[a] < min[b], "part " + a + " ends before part " + b + " starts");
        }
      }
    }
    assertTrue(train >= Math.round(ratios[0] * ts.length), "cuts only move forward");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void userRatioPartsCoverEveryRow(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1 + r.nextInt(500);
    int trainTenths = 1 + r.nextInt(10);
    double rest = (10 - trainTenths) / 20.0;
    int[] c = UserRatioSplit.partSizes(n, new double[] {trainTenths / 10.0, rest, rest});
    assertEquals(n, c[0] + c[1] + c[2]);
    assertTrue(c[0] >= 1 && c[1] >= 0 && c[2] >= 0);
  }
}
