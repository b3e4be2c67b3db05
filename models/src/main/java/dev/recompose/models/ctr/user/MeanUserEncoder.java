package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.layer.Masks;
import dev.recompose.tensor.Tensor;

/**
 * The mean of the clicked items' representations (brick {@code mean}): the YouTube DNN user
 * tower's watch-history average (Covington et al., RecSys 2016), a parameter-free baseline.
 */
public final class MeanUserEncoder extends UserEncoder {
  private final int fields;
  private final int dim;

  /** Built from a recipe. */
  public MeanUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.fields = ctx.itemFields();
    this.dim = ctx.dim();
  }

  @Override
  public int fields() {
    return fields;
  }

  @Override
  public boolean usesHistory() {
    return true;
  }

  @Override
  public Tensor encode(UserInput in) {
    Tensor h = in.requireHistory("mean");
    return Masks.mean(h, in.historyPad()).reshape(h.size(0), fields, dim);
  }
}
