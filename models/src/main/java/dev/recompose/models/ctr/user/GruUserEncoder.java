package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.layer.Masks;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Embedding;
import dev.recompose.tensor.nn.Gru;

/**
 * A GRU over the clicked items started from a user-ID embedding (brick {@code gru}): LSTUR-ini
 * (An et al., "Neural News Recommendation with Long- and Short-term User Representations", ACL
 * 2019). The user embedding is the long-term representation and initialises the GRU whose last
 * state is the short-term one; during training the whole long-term vector is zeroed with
 * probability {@code mask_prob} (paper: 0.5), the paper's remedy for users unseen in training.
 * Padding steps leave the state unchanged. Parameters: {@code mask_prob} (0.5),
 * {@code with_user_id} (true; false gives Legommenders' GRU-only "LSTUR").
 */
public final class GruUserEncoder extends UserEncoder {
  private final Embedding longTerm;
  private final Gru gru;
  private final float maskProb;
  private final Rng rng;
  private final int fields;
  private final int dim;

  /** Built from a recipe. */
  public GruUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.fields = ctx.itemFields();
    this.dim = ctx.dim();
    int width = ctx.itemWidth();
    this.maskProb = cfg.getFloat("mask_prob", 0.5f);
    if (maskProb < 0 || maskProb >= 1) {
      throw new IllegalArgumentException("brick 'gru': mask_prob must be in [0, 1), got "
          + maskProb);
    }
    this.longTerm = cfg.getBool("with_user_id", true)
        ? child("user", new Embedding(Math.max(1, ctx.data().users()), width, -1, true, 0.01f,
            ctx.rng()))
        : null;
    this.gru = child("gru", new Gru(width, width, ctx.rng()));
    this.rng = ctx.rng().split();
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
    Tensor h = in.requireHistory("gru");
    int r = h.size(0);
    int l = h.size(1);
    int width = h.size(2);
    Tensor state = null;
    if (longTerm != null) {
      state = longTerm.forward(Tensor.ofInts(in.users().clone(), r));
      if (isTraining() && maskProb > 0) {
        float[] keep = new float[r];
        for (int i = 0; i < r; i++) {
          keep[i] = rng.nextFloat() >= maskProb ? 1f : 0f;
        }
        state = state.mul(Tensor.of(keep, r, 1));
      }
    } else {
      state = Tensor.zeros(r, width);
    }
    Tensor keep = Masks.keep(in.historyPad());
    float[] kd = keep.data();
    for (int t = 0; t < l; t++) {
      float[] k = new float[r];
      boolean any = false;
      for (int i = 0; i < r; i++) {
        k[i] = kd[i * l + t];
        any |= k[i] != 0f;
      }
      if (!any) {
        break;
      }
      Tensor next = gru.cell(h.slice(1, t, t + 1).reshape(r, width), state);
      Tensor m = Tensor.of(k, r, 1);
      state = next.mul(m).add(state.mul(m.neg().add(1f)));
    }
    return state.reshape(r, fields, dim);
  }
}
