package dev.recompose.models.testutil;

import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.UserBatch;

/** Test helper: a scorer that returns fixed per-user score rows. */
public record MatrixScorer(float[][] rows) implements Scorer {
  @Override
  public String name() {
    return "matrix";
  }

  @Override
  public int numItems() {
    return rows[0].length;
  }

  @Override
  public void score(UserBatch batch, float[] out) {
    for (int b = 0; b < batch.size(); b++) {
      System.arraycopy(rows[batch.user(b)], 0, out, b * numItems(), numItems());
    }
  }
}
