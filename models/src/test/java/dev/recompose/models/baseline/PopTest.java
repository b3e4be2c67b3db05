package dev.recompose.models.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.FullRankingEvaluator;
import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.seq.UserBatch;
import org.junit.jupiter.api.Test;

class PopTest {
  // train counts: item0 3, item1 2, item2 1, item3 0
  static final SequenceData DATA = SequenceData.of(DatasetRef.inMemory("toy"), 4,
      new int[][] {{0, 1}, {0, 1, 2}, {0}}, new int[] {2, 3, 1}, new int[] {3, 2, 2});

  @Test
  void scoresAreTrainCountsForEveryUser() {
    Scorer s = new Pop().fit(DATA);
    assertEquals("pop", s.name());
    float[] out = new float[8];
    s.score(new UserBatch(new int[] {0, 2}, new int[][] {{0, 1}, {0}}, 2), out);
    assertArrayEquals(new float[] {3, 2, 1, 0, 3, 2, 1, 0}, out);
    float[] picked = new float[4];
    s.scoreCandidates(new UserBatch(new int[] {0, 2}, new int[][] {{0, 1}, {0}}, 2),
        new int[][] {{3, 0}, {1, 2}}, 2, picked);
    assertArrayEquals(new float[] {0, 3, 2, 1}, picked);
  }

  @Test
  void rankedWithHistoryMaskedByHand() {
    EvalOutcome o = new FullRankingEvaluator(EvalOptions.defaults())
        .evaluate(new Pop().fit(DATA), DATA, Stage.TEST);
    // u0 input {0,1,2}: target 3 alone -> 1; u1 input {0,1,2,3}: target 2 -> 1;
    // u2 input {0,1}: candidates 2 (1), 3 (0): target 2 -> 1
    assertArrayEquals(new int[] {1, 1, 1}, o.ranks());
    EvalOutcome kept = new FullRankingEvaluator(EvalOptions.defaults().withMaskHistory(false))
        .evaluate(new Pop().fit(DATA), DATA, Stage.TEST);
    assertArrayEquals(new int[] {4, 3, 3}, kept.ranks());
  }
}
