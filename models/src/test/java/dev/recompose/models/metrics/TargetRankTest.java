package dev.recompose.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetRankTest {
  private static final float[] S = {0.1f, 0.5f, 0.5f, 0.9f, 0.2f};
  private static final int[] NONE = new int[0];

  @Test
  void countsStrictlyGreaterPlusOtherTiesPessimistically() {
    assertEquals(1, TargetRank.among(S, 0, 5, 3, NONE, 0));
    // target 1 (0.5): 0.9 above, item 2 ties -> 1 + 1 + 1
    assertEquals(3, TargetRank.among(S, 0, 5, 1, NONE, 0));
    assertEquals(3, TargetRank.among(S, 0, 5, 2, NONE, 0));
    assertEquals(5, TargetRank.among(S, 0, 5, 0, NONE, 0));
    float[] flat = {7f, 7f, 7f, 7f};
    assertEquals(4, TargetRank.among(flat, 0, 4, 0, NONE, 0), "constant scores rank last");
  }

  @Test
  void excludedItemsAreNotCandidates() {
    assertEquals(2, TargetRank.among(S, 0, 5, 1, new int[] {3}, 1));
    assertEquals(1, TargetRank.among(S, 0, 5, 1, new int[] {3, 2}, 2));
    assertEquals(3, TargetRank.among(S, 0, 5, 1, new int[] {0, 4}, 2), "lower items: no change");
    assertEquals(3, TargetRank.among(S, 0, 5, 1, new int[] {3, 99}, 0), "count bounds the list");
  }

  @Test
  void readsTheRowAtAnOffset() {
    float[] two = {1f, 2f, 3f, 3f, 2f, 1f};
    assertEquals(2, TargetRank.among(two, 3, 3, 1, NONE, 0));
    assertEquals(3, TargetRank.among(two, 3, 3, 2, NONE, 0));
  }

  @Test
  void negativeInfinityTargetStillRanksAgainstOthers() {
    float[] s = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f};
    assertEquals(3, TargetRank.among(s, 0, 3, 0, NONE, 0));
    assertEquals(2, TargetRank.among(s, 0, 3, 0, new int[] {1}, 1));
  }

  @Test
  void agreesWithASortBasedRankThatPutsTheTargetLastAmongTies() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(21);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + r.nextInt(80);
      float[] s = new float[n];
      for (int i = 0; i < n; i++) {
        s[i] = r.nextInt(6);
      }
      int target = r.nextInt(n);
      int[] excluded = r.ints(r.nextInt(n), 0, n).filter(i -> i != target).distinct().toArray();
      java.util.Set<Integer> ex = new java.util.HashSet<>();
      for (int e : excluded) {
        ex.add(e);
      }
      java.util.List<Integer> cands = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!ex.contains(i)) {
          cands.add(i);
        }
      }
      cands.sort((a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a])
          : Boolean.compare(a == target, b == target));
      int expect = cands.indexOf(target) + 1;
      assertEquals(expect, TargetRank.among(s, 0, n, target, excluded, excluded.length),
          "trial " + trial);
    }
  }

  @Test
  void nanIsAnError() {
    float[] targetNan = {0.1f, Float.NaN, 0.3f};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TargetRank.among(targetNan, 0, 3, 1, NONE, 0));
    assertTrue(e.getMessage().contains("NaN score for the target item 1"), e.getMessage());
    float[] otherNan = {0.1f, 0.2f, Float.NaN};
    e = assertThrows(IllegalArgumentException.class,
        () -> TargetRank.among(otherNan, 0, 3, 1, NONE, 0));
    assertTrue(e.getMessage().contains("1 NaN scores"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TargetRank.among(0.5f, new float[] {0.1f, Float.NaN}, 2));
    assertThrows(IllegalArgumentException.class,
        () -> TargetRank.among(Float.NaN, new float[] {0.1f}, 1));
  }

  @Test
  void maskingTheTargetIsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> TargetRank.among(S, 0, 5, 1, new int[] {1}, 1));
    assertThrows(IllegalArgumentException.class, () -> TargetRank.among(S, 0, 5, 5, NONE, 0));
  }

  @Test
  void candidateRankWithTies() {
    float[] others = {0.3f, 0.5f, 0.5f, 0.9f};
    assertEquals(4, TargetRank.among(0.5f, others, 4));
    assertEquals(1, TargetRank.among(1f, others, 4));
    assertEquals(5, TargetRank.among(0.3f, others, 4));
    assertEquals(3, TargetRank.among(0.5f, others, 3), "count bounds the candidates");
  }
}
