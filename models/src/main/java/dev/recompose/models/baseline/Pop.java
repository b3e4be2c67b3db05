package dev.recompose.models.baseline;

import dev.recompose.models.seq.Recommender;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.UserBatch;
import java.util.Map;

/**
 * Most-popular baseline: every user gets the same scores, the item's train count.
 *
 * <p>The "TopPop" reference point of Cremonesi, Koren &amp; Turrin, "Performance of recommender
 * algorithms on top-N recommendation tasks" (RecSys 2010), and RecBole's {@code Pop}
 * (recbole/model/general_recommender/pop.py). It exists as the floor any personalised model
 * must clear; with history masked it recommends the most popular items the user has not seen.
 */
public final class Pop implements Recommender {
  /** The recipe name. */
  public static final String NAME = "pop";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("model", NAME);
  }

  @Override
  public Scorer fit(SequenceData data) {
    int[] counts = data.trainCounts();
    float[] scores = new float[counts.length];
    for (int i = 0; i < counts.length; i++) {
      scores[i] = counts[i];
    }
    return new Fitted(scores);
  }

  /** The fitted popularity scores. */
  private record Fitted(float[] scores) implements Scorer {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public int numItems() {
      return scores.length;
    }

    @Override
    public void score(UserBatch batch, float[] out) {
      for (int b = 0; b < batch.size(); b++) {
        System.arraycopy(scores, 0, out, b * scores.length, scores.length);
      }
    }

    @Override
    public void scoreCandidates(UserBatch batch, int[][] candidates, int width, float[] out) {
      for (int b = 0; b < batch.size(); b++) {
        for (int c = 0; c < width; c++) {
          out[b * width + c] = scores[candidates[b][c]];
        }
      }
    }
  }
}
