package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.CrossNetworkV2;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Mlp;

/**
 * DCN-V2 (Wang et al., "DCN V2: Improved Deep and Cross Network", WWW 2021), brick {@code dcnv2}:
 * full-rank cross layers ({@code x_{l+1} = x_0 * (W x_l + b) + x_l}) in parallel with a DNN, as
 * the BARS best configs use (parallel, no low-rank mixture). Parameters: {@code cross_layers}
 * (4), {@code hidden} ([400, 400, 400]), {@code dropout} (0.2).
 */
public final class DcnV2Predictor extends Predictor {
  private final CrossNetworkV2 cross;
  private final Mlp dnn;
  private final Linear out;

  /** Built from a recipe. */
  public DcnV2Predictor(BrickConfig cfg, BrickContext ctx) {
    int in = (ctx.userFields() + ctx.itemFields()) * ctx.dim();
    int[] hidden = cfg.getInts("hidden", Towers.BARS);
    this.cross = child("cross", new CrossNetworkV2(in, cfg.getInt("cross_layers", 4), ctx.rng()));
    this.dnn = child("dnn", new Mlp(Towers.dims(in, hidden, 0), Activation.RELU,
        cfg.getFloat("dropout", 0.2f), ctx.rng()));
    this.out = child("out", new Linear(in + hidden[hidden.length - 1], 1, ctx.rng()));
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    Tensor x = flat(fields(user, item));
    Tensor h = Tensor.concat(1, cross.forward(x), dnn.forward(x).relu());
    return out.forward(h).reshape(x.size(0));
  }
}
