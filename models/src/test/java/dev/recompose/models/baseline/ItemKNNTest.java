package dev.recompose.models.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.UserBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ItemKNNTest {
  // U(0) = {0,1}, U(1) = {0,1}, U(2) = {1,2}, U(3) = {2}; user 0 repeats item 1 (counts once)
  static final SequenceData DATA = SequenceData.of(DatasetRef.inMemory("toy"), 5,
      new int[][] {{0, 1, 1}, {0, 1, 2}, {2, 3}}, new int[] {-1, -1, -1}, new int[] {-1, -1, -1});
  static final float S01 = (float) (2 / (2 + 1e-6));
  static final float S02 = (float) (1 / (2 + 1e-6));
  static final float S23 = (float) (1 / (Math.sqrt(2) + 1e-6));

  private static float[] score(Scorer s, int... input) {
    float[] out = new float[s.numItems()];
    s.score(new UserBatch(new int[] {0}, new int[][] {input}, 1), out);
    return out;
  }

  @Test
  void cosineScoresByHand() {
    Scorer s = new ItemKNN(100, 0, 1).fit(DATA);
    assertEquals("itemknn", s.name());
    // score(i) = sum over history j of sim(i, j); sim(i, i) = 0; item 4 never seen
    assertArrayEquals(new float[] {0, S01, S02, 0, 0}, score(s, 0), 1e-6f);
    assertArrayEquals(new float[] {S02, S02, 0, S23, 0}, score(s, 2), 1e-6f);
    assertArrayEquals(new float[] {S02, S02 + S01, S02, S23, 0}, score(s, 0, 2, 0), 1e-6f,
        "a repeated history item counts once");
  }

  @Test
  void onlyTheKNearestNeighboursOfTheCandidateCount() {
    Scorer s = new ItemKNN(1, 0, 1).fit(DATA);
    // N(0) = {1}, N(1) = {0}, N(2) = {3} (0.707 > 0.5), N(3) = {2}
    assertArrayEquals(new float[] {0, S01, 0, 0, 0}, score(s, 0), 1e-6f);
    assertArrayEquals(new float[] {0, 0, 0, S23, 0}, score(s, 2), 1e-6f);
    assertArrayEquals(new float[] {S01, 0, S23, 0, 0}, score(s, 1, 3), 1e-6f);
  }

  @Test
  void shrinkDampsTheSimilarity() {
    Scorer s = new ItemKNN(100, 2, 1).fit(DATA);
    assertEquals((float) (2 / (2 + 2 + 1e-6)), score(s, 0)[1], 1e-6f);
  }

  @Test
  void matchesADenseBruteForceOnRandomData() {
    SplittableRandom r = new SplittableRandom(5);
    int users = 60;
    int items = 45;
    int[][] train = new int[users][];
    for (int u = 0; u < users; u++) {
      train[u] = r.ints(1 + r.nextInt(12), 0, items).toArray();
    }
    int[] none = new int[users];
    java.util.Arrays.fill(none, -1);
    SequenceData d = SequenceData.of(DatasetRef.inMemory("rand"), items, train, none, none);
    int k = 7;
    double[][] sim = new double[items][items];
    boolean[][] has = new boolean[users][items];
    for (int u = 0; u < users; u++) {
      for (int i : train[u]) {
        has[u][i] = true;
      }
    }
    for (int i = 0; i < items; i++) {
      for (int j = 0; j < items; j++) {
        int co = 0;
        int ni = 0;
        int nj = 0;
        for (int u = 0; u < users; u++) {
          co += has[u][i] && has[u][j] ? 1 : 0;
          ni += has[u][i] ? 1 : 0;
          nj += has[u][j] ? 1 : 0;
        }
        sim[i][j] = i == j ? 0 : (float) (co / (Math.sqrt(ni) * Math.sqrt(nj) + 1e-6));
      }
    }
    Scorer s = new ItemKNN(k, 0, 3).fit(d);
    for (int trial = 0; trial < 20; trial++) {
      int[] input = r.ints(1 + r.nextInt(6), 0, items).distinct().toArray();
      float[] got = score(s, input);
      for (int i = 0; i < items; i++) {
        final int ci = i;
        List<Integer> nbrs = new ArrayList<>();
        for (int j = 0; j < items; j++) {
          if (sim[i][j] > 0) {
            nbrs.add(j);
          }
        }
        nbrs.sort((a, b) -> sim[ci][a] != sim[ci][b]
            ? Double.compare(sim[ci][b], sim[ci][a]) : Integer.compare(a, b));
        List<Integer> top = nbrs.subList(0, Math.min(k, nbrs.size()));
        double expect = 0;
        for (int j : input) {
          if (top.contains(j)) {
            expect += (float) sim[i][j];
          }
        }
        assertEquals(expect, got[i], 1e-5, "item " + i);
      }
    }
  }

  @Test
  void fitIsDeterministicAcrossThreads() {
    SplittableRandom r = new SplittableRandom(9);
    int users = 200;
    int items = 500;
    int[][] train = new int[users][];
    for (int u = 0; u < users; u++) {
      train[u] = r.ints(1 + r.nextInt(40), 0, items).toArray();
    }
    int[] none = new int[users];
    java.util.Arrays.fill(none, -1);
    SequenceData d = SequenceData.of(DatasetRef.inMemory("rand"), items, train, none, none);
    Scorer a = new ItemKNN(20, 1, 1).fit(d);
    Scorer b = new ItemKNN(20, 1, 4).fit(d);
    for (int u = 0; u < 20; u++) {
      assertArrayEquals(score(a, train[u]), score(b, train[u]));
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new ItemKNN(0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ItemKNN(10, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new ItemKNN(10, Double.NaN, 0));
    assertEquals(100, new ItemKNN().config().get("k"));
  }
}
