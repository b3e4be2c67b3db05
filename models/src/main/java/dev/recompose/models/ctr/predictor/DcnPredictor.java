package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.CrossNetwork;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Mlp;

/**
 * Deep and Cross Network (Wang et al., "Deep and Cross Network for Ad Click Predictions", ADKDD
 * 2017), brick {@code dcn}: a cross network and a DNN in parallel over the concatenated fields,
 * their outputs concatenated into a final linear layer. Parameters: {@code cross_layers} (3),
 * {@code hidden} ([400, 400, 400]), {@code dropout} (0.2).
 */
public final class DcnPredictor extends Predictor {
  private final CrossNetwork cross;
  private final Mlp dnn;
  private final Linear out;

  /** Built from a recipe. */
  public DcnPredictor(BrickConfig cfg, BrickContext ctx) {
    int in = (ctx.userFields() + ctx.itemFields()) * ctx.dim();
    int[] hidden = cfg.getInts("hidden", Towers.BARS);
    this.cross = child("cross", new CrossNetwork(in, cfg.getInt("cross_layers", 3), ctx.rng()));
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
