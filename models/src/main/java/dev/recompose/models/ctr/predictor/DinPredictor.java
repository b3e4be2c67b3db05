package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Mlp;

/**
 * The DIN output network (Zhou et al., "Deep Interest Network for Click-Through Rate Prediction",
 * KDD 2018), brick {@code din}: an MLP over the user fields (including the target-attended
 * interest from the {@code din} user encoder), the candidate's fields and, when both sides have
 * the same width, their elementwise product. Parameters: {@code hidden} ([200, 80] as the official
 * code), {@code dropout} (0). The official code uses batch normalisation and Dice/PReLU; the
 * engine has neither, ReLU is used.
 */
public final class DinPredictor extends Predictor {
  private final Mlp mlp;
  private final boolean product;

  /** Built from a recipe. */
  public DinPredictor(BrickConfig cfg, BrickContext ctx) {
    int u = ctx.userFields() * ctx.dim();
    int i = ctx.itemFields() * ctx.dim();
    this.product = u == i;
    int in = u + i + (product ? u : 0);
    this.mlp = child("mlp", new Mlp(Towers.dims(in, cfg.getInts("hidden", new int[] {200, 80}), 1),
        Activation.RELU, cfg.getFloat("dropout", 0f), ctx.rng()));
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    Tensor u = flat(user);
    Tensor i = flat(item);
    Tensor x = product ? Tensor.concat(1, u, i, u.mul(i)) : Tensor.concat(1, u, i);
    return mlp.forward(x).reshape(u.size(0));
  }
}
