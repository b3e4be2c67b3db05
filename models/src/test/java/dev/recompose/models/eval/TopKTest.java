package dev.recompose.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
  @Test
  void bestFirstTiesByLowerId() {
    float[] s = {0.5f, 0.9f, 0.5f, 0.1f, 0.9f};
    assertArrayEquals(new int[] {1, 4, 0}, TopK.select(s, 0, 5, 3, null));
    assertArrayEquals(new int[] {1, 4, 0, 2, 3}, TopK.select(s, 0, 5, 10, null));
  }

  @Test
  void skipsMaskedItemsAndReadsOffsets() {
    float[] s = {9f, 0.5f, 0.9f, 0.5f, 0.1f, 0.9f};
    ItemMarks m = new ItemMarks(5);
    m.mark(1);
    assertArrayEquals(new int[] {4, 0}, TopK.select(s, 1, 5, 2, m));
    m.clear();
    assertArrayEquals(new int[] {1, 4}, TopK.select(s, 1, 5, 2, m));
  }

  @Test
  void matchesAFullSortOnRandomRowsWithTies() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + r.nextInt(300);
      float[] s = new float[n];
      for (int i = 0; i < n; i++) {
        s[i] = r.nextInt(20);
      }
      int k = 1 + r.nextInt(30);
      int[] expect = IntStream.range(0, n).boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
          .limit(k).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expect, TopK.select(s, 0, n, k, null), Arrays.toString(s));
    }
  }

  @Test
  void nanAndBadKAreErrors() {
    assertThrows(IllegalArgumentException.class,
        () -> TopK.select(new float[] {1f, Float.NaN}, 0, 2, 1, null));
    assertThrows(IllegalArgumentException.class,
        () -> TopK.select(new float[] {1f}, 0, 1, 0, null));
  }
}
