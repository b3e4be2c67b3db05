package dev.recompose.models.seq.nn;

import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.UserBatch;
import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Tensor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scores every item as the dot product of a user vector with an item table (plus an optional
 * per-item bias), for models whose table row {@code i + 1} is data item {@code i} (row 0 =
 * padding, dropped).
 *
 * <p>It exists because SASRec, BERT4Rec, GRU4Rec and Caser all end in "hidden state times item
 * table": one implementation of the batched {@code [B, d] x [d, V]} product serves the
 * evaluators. It runs without a tape and reads the weights live.
 */
final class TableScorer implements Scorer {
  private final String name;
  private final int numItems;
  private final Function<UserBatch, Tensor> users;
  private final Supplier<Tensor> table;
  private final Supplier<Tensor> bias;

  /**
   * @param users the user vectors {@code [B, d]} of a batch
   * @param table the item table {@code [>= numItems + 1, d]}
   * @param bias per-row bias {@code [>= numItems + 1]} or a supplier of null
   */
  TableScorer(String name, int numItems, Function<UserBatch, Tensor> users,
      Supplier<Tensor> table, Supplier<Tensor> bias) {
    this.name = name;
    this.numItems = numItems;
    this.users = users;
    this.table = table;
    this.bias = bias;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public void score(UserBatch batch, float[] out) {
    if (batch.size() == 0) {
      return;
    }
    try (var g = GradMode.noGrad()) {
      Tensor h = users.apply(batch);
      Tensor w = table.get().slice(0, 1, numItems + 1);
      float[] s = h.matmulT(w).data();
      Tensor b = bias.get();
      float[] bd = b == null ? null : b.data();
      for (int r = 0; r < batch.size(); r++) {
        System.arraycopy(s, r * numItems, out, r * numItems, numItems);
        if (bd != null) {
          for (int i = 0; i < numItems; i++) {
            out[r * numItems + i] += bd[i + 1];
          }
        }
      }
    }
  }
}
