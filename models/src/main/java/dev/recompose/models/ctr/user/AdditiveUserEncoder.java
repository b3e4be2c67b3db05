package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.layer.AttentionPool;
import dev.recompose.tensor.Tensor;

/**
 * Additive attention over the clicked items (brick {@code additive}): the NAML user encoder (Wu et
 * al., "Neural News Recommendation with Attentive Multi-View Learning", IJCAI 2019). Parameter:
 * {@code query_dim} (200).
 */
public final class AdditiveUserEncoder extends UserEncoder {
  private final AttentionPool pool;
  private final int fields;
  private final int dim;

  /** Built from a recipe. */
  public AdditiveUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.fields = ctx.itemFields();
    this.dim = ctx.dim();
    this.pool = child("pool", new AttentionPool(ctx.itemWidth(), cfg.getInt("query_dim", 200),
        ctx.rng()));
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
    Tensor h = in.requireHistory("additive");
    return pool.forward(h, in.historyPad()).reshape(h.size(0), fields, dim);
  }
}
