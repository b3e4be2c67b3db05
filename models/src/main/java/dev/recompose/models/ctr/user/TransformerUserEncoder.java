package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.PositionalEmbedding;
import dev.recompose.tensor.nn.TransformerBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A causal Transformer over the clicked items, read at the last real position (brick
 * {@code transformer}): the SASRec user encoder (Kang and McAuley, "Self-Attentive Sequential
 * Recommendation", ICDM 2018) used as a CTR user brick. Parameters: {@code layers} (2),
 * {@code heads} (1), {@code dropout} (0.2), {@code max_len} (200).
 */
public final class TransformerUserEncoder extends UserEncoder {
  private final PositionalEmbedding positions;
  private final List<TransformerBlock> blocks = new ArrayList<>();
  private final int fields;
  private final int dim;

  /** Built from a recipe. */
  public TransformerUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.fields = ctx.itemFields();
    this.dim = ctx.dim();
    int width = ctx.itemWidth();
    float dropout = cfg.getFloat("dropout", 0.2f);
    this.positions = child("positions", new PositionalEmbedding(cfg.getInt("max_len", 200), width,
        0.02f, ctx.rng()));
    int layers = cfg.getInt("layers", 2);
    for (int i = 0; i < layers; i++) {
      blocks.add(child("block" + i, new TransformerBlock(width, cfg.getInt("heads", 1), width,
          dropout, true, Activation.GELU, 1e-8f, ctx.rng())));
    }
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
    Tensor h = in.requireHistory("transformer");
    int r = h.size(0);
    int l = h.size(1);
    int width = h.size(2);
    Tensor x = h.add(positions.forward(l));
    for (TransformerBlock b : blocks) {
      x = b.forward(x, true, in.historyPad());
    }
    int[] last = new int[r];
    float[] has = new float[r];
    for (int i = 0; i < r; i++) {
      int len = Math.min(in.historyLength()[i], l);
      last[i] = i * l + Math.max(len - 1, 0);
      has[i] = len > 0 ? 1f : 0f;
    }
    Tensor out = x.reshape(r * l, width).indexSelect(0, Tensor.ofInts(last, r))
        .mul(Tensor.of(has, r, 1));
    return out.reshape(r, fields, dim);
  }
}
