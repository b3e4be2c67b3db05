package dev.recompose.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.seq.UserBatch;
import dev.recompose.models.testutil.MatrixScorer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampledRankingEvaluatorTest {
  static final int USERS = 40;
  static final int ITEMS = 400;
  static final SequenceData DATA;
  static final MatrixScorer SCORES;

  static {
    SplittableRandom r = new SplittableRandom(11);
    int[][] train = new int[USERS][];
    int[] valid = new int[USERS];
    int[] test = new int[USERS];
    float[][] rows = new float[USERS][ITEMS];
    for (int u = 0; u < USERS; u++) {
      // only items below 250 ever occur in train: 150 items have zero popularity
      train[u] = r.ints(5 + r.nextInt(30), 0, 250).toArray();
      valid[u] = r.nextInt(ITEMS);
      test[u] = r.nextInt(ITEMS);
      for (int i = 0; i < ITEMS; i++) {
        rows[u][i] = (float) r.nextDouble();
      }
    }
    DATA = SequenceData.of(DatasetRef.inMemory("rand"), ITEMS, train, valid, test);
    SCORES = new MatrixScorer(rows);
  }

  private static SampledRankingEvaluator eval(NegativeSampling s, EvalOptions o) {
    return new SampledRankingEvaluator(s, o);
  }

  @Test
  void negativesAreDistinctOutsideEveryUserItemAndSeeded() {
    for (NegativeSampling s : NegativeSampling.values()) {
      SampledRankingEvaluator e = eval(s, EvalOptions.defaults());
      for (int u = 0; u < USERS; u++) {
        int[] negs = e.negatives(DATA, u);
        assertEquals(100, negs.length);
        assertEquals(100, Arrays.stream(negs).distinct().count());
        Set<Integer> mine = new HashSet<>();
        for (int i : DATA.allItems(u)) {
          mine.add(i);
        }
        for (int n : negs) {
          assertFalse(mine.contains(n), "user " + u + " negative " + n + " is one of its items");
          if (s == NegativeSampling.POPULAR) {
            assertTrue(DATA.trainCount(n) > 0, "popular negative " + n + " has no train count");
          }
        }
        assertArrayEquals(negs, e.negatives(DATA, u), "same seed, same negatives");
      }
      int[] other = eval(s, EvalOptions.defaults().withSeed(7)).negatives(DATA, 0);
      assertFalse(Arrays.equals(other, e.negatives(DATA, 0)), "the seed matters");
    }
  }

  @Test
  void popularSamplingFavoursPopularItems() {
    SampledRankingEvaluator e = eval(NegativeSampling.POPULAR, EvalOptions.defaults());
    int[] counts = DATA.trainCounts();
    long drawnMass = 0;
    int drawn = 0;
    for (int u = 0; u < USERS; u++) {
      for (int n : e.negatives(DATA, u)) {
        drawnMass += counts[n];
        drawn++;
      }
    }
    double meanPositive = Arrays.stream(counts).filter(c -> c > 0).average().orElseThrow();
    assertTrue(drawnMass / (double) drawn > meanPositive,
        "popularity draws should exceed the mean count of eligible items");
  }

  @Test
  void resultsAreDeterministicAcrossThreadsAndBatches() {
    for (NegativeSampling s : NegativeSampling.values()) {
      EvalOutcome a = eval(s, EvalOptions.defaults().withThreads(1).withBatchUsers(64))
          .evaluate(SCORES, DATA, Stage.TEST);
      EvalOutcome b = eval(s, EvalOptions.defaults().withThreads(3).withBatchUsers(3))
          .evaluate(SCORES, DATA, Stage.TEST);
      assertArrayEquals(a.ranks(), b.ranks());
      assertEquals(a.metrics(), b.metrics());
      assertEquals("sampled-100-" + s.label(), a.protocol());
      assertEquals(EvalOptions.DEFAULT_SEED, a.samplingSeed());
      for (int rank : a.ranks()) {
        assertTrue(rank >= 1 && rank <= 101, "rank " + rank);
      }
    }
  }

  @Test
  void rankIsCountedAmongTheHundredAndOneCandidates() {
    SampledRankingEvaluator e = eval(NegativeSampling.UNIFORM, EvalOptions.defaults());
    EvalOutcome o = e.evaluate(SCORES, DATA, Stage.VALID);
    for (int x = 0; x < o.numUsers(); x++) {
      int u = o.users()[x];
      float t = SCORES.rows()[u][DATA.validTarget(u)];
      int expect = 1;
      for (int n : e.negatives(DATA, u)) {
        expect += SCORES.rows()[u][n] >= t ? 1 : 0;
      }
      assertEquals(expect, o.ranks()[x], "user " + u);
    }
  }

  @Test
  void onlyTheHundredAndOneCandidatesAreScoredWhenTheModelCan() {
    int[] calls = new int[2];
    Scorer listOnly = new Scorer() {
      @Override
      public String name() {
        return "list-only";
      }

      @Override
      public int numItems() {
        return ITEMS;
      }

      @Override
      public void score(UserBatch batch, float[] out) {
        calls[0]++;
        SCORES.score(batch, out);
      }

      @Override
      public void scoreCandidates(UserBatch batch, int[][] candidates, int width, float[] out) {
        calls[1]++;
        assertEquals(101, width);
        for (int b = 0; b < batch.size(); b++) {
          for (int c = 0; c < width; c++) {
            out[b * width + c] = SCORES.rows()[batch.user(b)][candidates[b][c]];
          }
        }
      }
    };
    EvalOptions o = EvalOptions.defaults().withBatchUsers(8);
    EvalOutcome viaList = eval(NegativeSampling.POPULAR, o).evaluate(listOnly, DATA, Stage.TEST);
    EvalOutcome viaFull = eval(NegativeSampling.POPULAR, o).evaluate(SCORES, DATA, Stage.TEST);
    assertEquals(0, calls[0], "the full catalogue is never scored");
    assertEquals(USERS / 8, calls[1]);
    assertArrayEquals(viaFull.ranks(), viaList.ranks());
  }

  @Test
  void tooFewEligibleItemsIsAnError() {
    SequenceData small = SequenceData.of(DatasetRef.inMemory("small"), 102,
        new int[][] {{0, 1}}, new int[] {2}, new int[] {3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> eval(NegativeSampling.UNIFORM, EvalOptions.defaults()).negatives(small, 0));
    assertEquals("user 0: only 98 items are eligible as uniform negatives, 100 needed",
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> eval(NegativeSampling.UNIFORM, EvalOptions.defaults().withTopK(5)));
  }
}
