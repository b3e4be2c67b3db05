package dev.recompose.models.repr.sid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RqVaeTest {
  static RqVaeConfig small(int epochs, int perLevel, long seed) {
    return new RqVaeConfig(2, 4, new int[] {32}, 8, 0.25f, epochs, perLevel, 50, 3e-3, 400, true,
        seed);
  }

  @Test
  void learnsPlantedHierarchyWithUniqueIds() {
    int n = 4 * 4 * 25;
    int[] ta = new int[n];
    int[] tb = new int[n];
    float[] x = RqKMeansTest.planted(4, 4, 25, 16, ta, tb, 11);
    List<String> status = new ArrayList<>();
    ProgressFactory pf = (label, total, unit) -> new Progress() {
      @Override
      public void advance(long units) {}

      @Override
      public void status(String text) {
        status.add(text);
      }

      @Override
      public void close() {}
    };
    SemanticIds s = new RqVae(small(30, 5, 1), pf).fit(x, n, 16);
    RqKMeansTest.assertSamePartition(ta, RqKMeansTest.level(s, 0));
    assertEquals("rq-vae", s.report().method());
    assertTrue(s.report().relativeError() < 0.05, s.report().summary());
    Set<List<Integer>> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ids.add(java.util.Arrays.stream(s.of(i)).boxed().toList());
    }
    assertEquals(n, ids.size());
    // curriculum: level 2 switched on at epoch 5
    assertTrue(status.get(0).startsWith("levels 1,"), status.get(0));
    assertTrue(status.get(29).startsWith("levels 2,"), status.get(29));
    double first = Double.parseDouble(status.get(5).replaceAll(".*loss ", ""));
    double last = Double.parseDouble(status.get(29).replaceAll(".*loss ", ""));
    assertTrue(last < first, "loss " + first + " -> " + last);
  }

  @Test
  void deterministicForASeed() {
    int n = 200;
    int[] ta = new int[n];
    int[] tb = new int[n];
    float[] x = RqKMeansTest.planted(5, 4, 10, 8, ta, tb, 3);
    SemanticIds a = new RqVae(small(4, 2, 7), ProgressFactory.NONE).fit(x, n, 8);
    SemanticIds b = new RqVae(small(4, 2, 7), ProgressFactory.NONE).fit(x, n, 8);
    assertArrayEquals(a.codes(), b.codes());
    assertArrayEquals(a.codebooks()[1], b.codebooks()[1]);
  }

  @Test
  void rejectsTooFewItems() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new RqVae(small(1, 1, 1), ProgressFactory.NONE).fit(new float[6], 3, 2));
    assertTrue(e.getMessage().startsWith("need at least 4 items"), e.getMessage());
  }
}
