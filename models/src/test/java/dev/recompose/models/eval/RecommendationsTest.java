package dev.recompose.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.models.testutil.MatrixScorer;
import org.junit.jupiter.api.Test;

class RecommendationsTest {
  static final MatrixScorer SCORES = FullRankingEvaluatorTest.SCORES;

  @Test
  void listsSkipTheInputWhenMasked() {
    int[] users = {2, 0, 1};
    int[][] inputs = {{2}, {}, {4, 2}};
    int[][] masked = Recommendations.topK(SCORES, users, inputs, 2,
        EvalOptions.defaults().withThreads(2).withBatchUsers(1));
    assertArrayEquals(new int[] {4, 1}, masked[0], "user 2 without item 2; 1 vs 3 tie -> 1");
    assertArrayEquals(new int[] {0, 1}, masked[1]);
    assertArrayEquals(new int[] {0, 1}, masked[2]);
    int[][] kept = Recommendations.topK(SCORES, users, inputs, 2,
        EvalOptions.defaults().withMaskHistory(false));
    assertArrayEquals(new int[] {2, 4}, kept[0]);
    assertArrayEquals(new int[] {2, 4}, kept[2]);
  }

  @Test
  void badArgumentsAreErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Recommendations.topK(SCORES, new int[] {0}, new int[][] {{9}}, 2,
            EvalOptions.defaults()));
    assertEquals("input item 9 outside [0, 5)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Recommendations.topK(SCORES,
        new int[] {0}, new int[][] {}, 2, EvalOptions.defaults()));
    assertEquals(0, Recommendations.topK(SCORES, new int[0], new int[0][], 3,
        EvalOptions.defaults()).length);
  }
}
