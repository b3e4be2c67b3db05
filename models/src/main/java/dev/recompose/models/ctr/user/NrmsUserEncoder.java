package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.layer.AttentionPool;
import dev.recompose.models.ctr.layer.SelfAttention;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Dropout;

/**
 * Multi-head self-attention over the clicked items, then additive attention (brick {@code nrms}):
 * the NRMS user encoder (Wu et al., "Neural News Recommendation with Multi-Head Self-Attention",
 * EMNLP 2019). Parameters: {@code heads} (16; the item width must divide by it), {@code query_dim}
 * (200), {@code dropout} (0.2).
 */
public final class NrmsUserEncoder extends UserEncoder {
  private final SelfAttention attention;
  private final Dropout dropout;
  private final AttentionPool pool;
  private final int fields;
  private final int dim;

  /** Built from a recipe. */
  public NrmsUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.fields = ctx.itemFields();
    this.dim = ctx.dim();
    int width = ctx.itemWidth();
    this.attention = child("attention", new SelfAttention(width, cfg.getInt("heads", 16), ctx.rng()));
    this.dropout = child("dropout", new Dropout(cfg.getFloat("dropout", 0.2f), ctx.rng().split()));
    this.pool = child("pool", new AttentionPool(width, cfg.getInt("query_dim", 200), ctx.rng()));
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
    Tensor h = in.requireHistory("nrms");
    Tensor a = dropout.forward(attention.forward(h, in.historyPad()));
    return pool.forward(a, in.historyPad()).reshape(h.size(0), fields, dim);
  }
}
