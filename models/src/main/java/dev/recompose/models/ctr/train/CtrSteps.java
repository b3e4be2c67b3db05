package dev.recompose.models.ctr.train;

import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.CtrBatch;
import dev.recompose.models.ctr.CtrModel;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.tensor.Losses;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batches and losses of one CTR training epoch, independent of the loop that runs them.
 *
 * <p>It exists so that any trainer (this package's simple one, or a generic one with
 * checkpoints) builds batches and computes the two losses the same way:
 * <ul>
 *   <li>point-wise: binary cross-entropy on every training sample, shuffled;
 *   <li>list-wise: for each clicked training sample, {@code K} negatives drawn without
 *       replacement from the non-clicked training samples of the same group (impression or user),
 *       topped up uniformly from all items (never the positive itself), as MS recommenders and
 *       Legommenders do; loss = softmax cross-entropy of the positive among the {@code 1 + K}.
 * </ul>
 */
public final class CtrSteps {
  private final CtrData data;
  private final TrainConfig cfg;
  private final Map<Integer, int[]> negativesByGroup = new HashMap<>();
  private final int[] train;
  private final int[] positives;

  /** Prepares the training samples of {@code data}. */
  public CtrSteps(CtrData data, TrainConfig cfg) {
    this.data = data;
    this.cfg = cfg;
    this.train = data.indices(StoreLayout.SPLIT_TRAIN);
    if (train.length == 0) {
      throw new IllegalArgumentException("the data has no training samples");
    }
    List<Integer> pos = new ArrayList<>();
    Map<Integer, List<Integer>> neg = new HashMap<>();
    for (int i : train) {
      if (data.label()[i] > 0) {
        pos.add(i);
      } else {
        neg.computeIfAbsent(data.group()[i], g -> new ArrayList<>()).add(data.item()[i]);
      }
    }
    this.positives = pos.stream().mapToInt(Integer::intValue).toArray();
    neg.forEach((g, l) -> negativesByGroup.put(g, l.stream().mapToInt(Integer::intValue).toArray()));
    if (cfg.mode().equals("listwise") && positives.length == 0) {
      throw new IllegalArgumentException("list-wise training needs clicked training samples");
    }
  }

  /** The batches of one epoch, shuffled with {@code rng}. */
  public List<CtrBatch> epoch(Rng rng) {
    boolean list = cfg.mode().equals("listwise");
    int[] order = (list ? positives : train).clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<CtrBatch> out = new ArrayList<>();
    for (int s = 0; s < order.length; s += cfg.batchSize()) {
      int[] part = java.util.Arrays.copyOfRange(order, s, Math.min(order.length, s + cfg.batchSize()));
      if (!list) {
        out.add(CtrBatch.pointwise(data, part, cfg.maxHistory()));
        continue;
      }
      int[][] negs = new int[part.length][];
      for (int k = 0; k < part.length; k++) {
        negs[k] = negatives(part[k], rng);
      }
      out.add(CtrBatch.listwise(data, part, negs, cfg.maxHistory()));
    }
    return out;
  }

  private int[] negatives(int positive, Rng rng) {
    int[] pool = negativesByGroup.getOrDefault(data.group()[positive], new int[0]);
    int k = cfg.negCount();
    int[] out = new int[k];
    int[] p = pool.clone();
    int n = 0;
    for (int i = 0; i < p.length && n < k; i++) {
      int j = i + rng.nextInt(p.length - i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
      out[n++] = p[i];
    }
    int self = data.item()[positive];
    while (n < k) {
      int c = rng.nextInt(data.items());
      if (c != self) {
        out[n++] = c;
      }
    }
    return out;
  }

  /** The loss of {@code batch} under the configured mode. */
  public Tensor loss(CtrModel model, CtrBatch batch) {
    Tensor logits = model.logits(batch, model.batchTable(batch));
    if (batch.listSize() > 0) {
      int b = batch.size() / batch.listSize();
      return Losses.crossEntropy(logits.reshape(b, batch.listSize()), Tensor.zerosInt(b));
    }
    return Losses.bceWithLogits(logits, Tensor.of(batch.labels().clone(), batch.size()));
  }
}
