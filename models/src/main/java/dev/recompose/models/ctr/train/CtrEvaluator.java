package dev.recompose.models.ctr.train;

import dev.recompose.models.ctr.CtrBatch;
import dev.recompose.models.ctr.CtrModel;
import dev.recompose.models.ctr.ItemTable;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.metric.CtrMetrics;
import dev.recompose.tensor.GradMode;
import java.util.Arrays;

/**
 * Protocol {@code ctr-logged}: scores every logged sample of one split part and computes
 * {@link CtrMetrics} grouped by the data's group key (the impression for MIND).
 *
 * <p>It exists so that evaluation follows Legommenders' efficiency trick: every item's
 * representation is computed once per pass ({@link CtrModel#allItemsTable}) and gathered for
 * candidates and histories, rather than re-encoding an item for every impression it appears in.
 */
public final class CtrEvaluator {
  private CtrEvaluator() {}

  /** Scores and measures the samples of split part {@code split}. */
  public static Result evaluate(CtrModel model, CtrData data, byte split, int maxHistory,
      int batchSize) {
    int[] idx = data.indices(split);
    if (idx.length == 0) {
      throw new IllegalArgumentException("no samples in split part " + split);
    }
    float[] probs = score(model, data, idx, maxHistory, batchSize);
    float[] labels = new float[idx.length];
    int[] groups = new int[idx.length];
    for (int k = 0; k < idx.length; k++) {
      labels[k] = data.label()[idx[k]];
      groups[k] = data.group()[idx[k]];
    }
    return new Result(CtrMetrics.compute(probs, labels, groups), data.groupKey(), probs);
  }

  /** Click probabilities of samples {@code idx}, in that order. */
  public static float[] score(CtrModel model, CtrData data, int[] idx, int maxHistory,
      int batchSize) {
    boolean was = model.isTraining();
    model.eval();
    try (var g = GradMode.noGrad()) {
      ItemTable table = model.allItemsTable(1024);
      float[] out = new float[idx.length];
      for (int s = 0; s < idx.length; s += batchSize) {
        int[] part = Arrays.copyOfRange(idx, s, Math.min(idx.length, s + batchSize));
        CtrBatch b = CtrBatch.pointwise(data, part, maxHistory);
        float[] logits = model.logits(b, table).data();
        for (int k = 0; k < logits.length; k++) {
          out[s + k] = (float) (1 / (1 + Math.exp(-logits[k])));
        }
      }
      return out;
    } finally {
      model.train(was);
    }
  }

  /**
   * The outcome of one evaluation.
   *
   * @param metrics the metrics
   * @param groupedBy the group key of GAUC/MRR/nDCG ({@code impression} or {@code user})
   * @param probs the predicted probabilities, in sample order
   */
  public record Result(CtrMetrics.Report metrics, String groupedBy, float[] probs) {}
}
