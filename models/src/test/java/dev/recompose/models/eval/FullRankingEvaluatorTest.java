package dev.recompose.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.testutil.MatrixScorer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FullRankingEvaluatorTest {
  /** 3 users x 5 items; user 2 repeats item 1 and has it again as test target. */
  static final SequenceData TOY = SequenceData.of(DatasetRef.inMemory("toy"), 5,
      new int[][] {{0, 1}, {4}, {1, 1, 2}}, new int[] {2, 0, 3}, new int[] {3, 1, 1});

  static final MatrixScorer SCORES = new MatrixScorer(new float[][] {
      {0.9f, 0.8f, 0.7f, 0.6f, 0.5f},
      {0.2f, 0.2f, 0.9f, 0.2f, 0.9f},
      {0.1f, 0.3f, 0.9f, 0.3f, 0.8f}});

  private static EvalOutcome run(EvalOptions o, Stage s) {
    return new FullRankingEvaluator(o).evaluate(SCORES, TOY, s);
  }

  @Test
  void handComputedRanksWithHistoryMasked() {
    EvalOutcome test = run(EvalOptions.defaults(), Stage.TEST);
    assertEquals("full", test.protocol());
    assertTrue(test.historyMasked());
    assertArrayEquals(new int[] {0, 1, 2}, test.users());
    // u0: input {0,1,2}, target 3 beats 4 -> 1; u1: input {4,0}, target 1 (0.2): 2 above,
    // 3 ties -> 3; u2: input {1,1,2,3}, target 1 is never masked: 4 above -> 2
    assertArrayEquals(new int[] {1, 3, 2}, test.ranks());
    assertEquals(1.0 / 3, test.metric("HR@1"), 1e-12);
    assertEquals((1 + 0.5 + 1 / (Math.log(3) / Math.log(2))) / 3, test.metric("NDCG@5"), 1e-12);
    assertEquals((1 + 1.0 / 3 + 0.5) / 3, test.metric("MRR@5"), 1e-12);
    assertNull(test.topK());
    EvalOutcome valid = run(EvalOptions.defaults(), Stage.VALID);
    assertArrayEquals(new int[] {1, 4, 2}, valid.ranks());
  }

  @Test
  void handComputedRanksWithHistoryKept() {
    EvalOptions keep = EvalOptions.defaults().withMaskHistory(false);
    EvalOutcome test = run(keep, Stage.TEST);
    assertFalse(test.historyMasked());
    assertArrayEquals(new int[] {4, 5, 4}, test.ranks());
    assertArrayEquals(new int[] {3, 5, 4}, run(keep, Stage.VALID).ranks());
  }

  @Test
  void topKListsSkipMaskedItemsButNotTheTarget() {
    EvalOutcome o = run(EvalOptions.defaults().withTopK(2), Stage.TEST);
    assertArrayEquals(new int[] {3, 4}, o.topK()[0]);
    assertArrayEquals(new int[] {2, 1}, o.topK()[1], "tie 1 vs 3 goes to the lower id");
    assertArrayEquals(new int[] {4, 1}, o.topK()[2]);
  }

  @Test
  void resultsDoNotDependOnThreadsOrBatchSize() {
    int users = 257;
    int items = 300;
    SplittableRandom r = new SplittableRandom(3);
    float[][] rows = new float[users][items];
    int[][] train = new int[users][];
    int[] valid = new int[users];
    int[] test = new int[users];
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        rows[u][i] = r.nextInt(50); // many ties
      }
      train[u] = r.ints(1 + r.nextInt(20), 0, items).toArray();
      valid[u] = r.nextInt(items);
      test[u] = r.nextInt(items);
    }
    SequenceData d = SequenceData.of(DatasetRef.inMemory("rand"), items, train, valid, test);
    MatrixScorer s = new MatrixScorer(rows);
    EvalOutcome one = new FullRankingEvaluator(
        EvalOptions.defaults().withThreads(1).withBatchUsers(1000).withTopK(5))
        .evaluate(s, d, Stage.TEST);
    EvalOutcome many = new FullRankingEvaluator(
        EvalOptions.defaults().withThreads(3).withBatchUsers(7).withTopK(5))
        .evaluate(s, d, Stage.TEST);
    assertArrayEquals(one.ranks(), many.ranks());
    assertEquals(one.metrics(), many.metrics());
    for (int u = 0; u < users; u++) {
      assertArrayEquals(one.topK()[u], many.topK()[u]);
    }
  }

  @Test
  void nanScoresFailNamingModelAndUser() {
    MatrixScorer nan = new MatrixScorer(new float[][] {
        {0.9f, 0.8f, 0.7f, 0.6f, 0.5f},
        {0.2f, Float.NaN, 0.9f, 0.2f, 0.9f},
        {0.1f, 0.3f, 0.9f, 0.3f, 0.8f}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FullRankingEvaluator(EvalOptions.defaults().withThreads(2).withBatchUsers(1))
            .evaluate(nan, TOY, Stage.TEST));
    assertEquals("model 'matrix', user 1: NaN score for the target item 1", e.getMessage());
  }

  @Test
  void catalogueMismatchIsAnError() {
    MatrixScorer small = new MatrixScorer(new float[][] {{1f, 2f}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FullRankingEvaluator(EvalOptions.defaults()).evaluate(small, TOY, Stage.TEST));
    assertEquals("scorer 'matrix' scores 2 items, the data has 5", e.getMessage());
  }

  @Test
  void protocolsAreBuiltByName() {
    assertEquals("full", Protocols.create("full", EvalOptions.defaults()).protocol());
    assertEquals("sampled-100-popular",
        Protocols.create("sampled-100-popular", EvalOptions.defaults()).protocol());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Protocols.create("sampled", EvalOptions.defaults()));
    assertEquals("unknown protocol 'sampled'; valid: full, sampled-100-uniform,"
        + " sampled-100-popular", e.getMessage());
  }
}
