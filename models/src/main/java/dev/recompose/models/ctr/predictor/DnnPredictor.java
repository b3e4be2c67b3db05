package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Mlp;

/**
 * An MLP over the concatenated fields (brick {@code dnn}): the deep tower of Wide and Deep
 * (Cheng et al., DLRS 2016) and the "DNN" row of BARS. Parameters: {@code hidden} ([400, 400,
 * 400]), {@code dropout} (0.2). Batch normalisation is not available in the engine and is left out.
 */
public final class DnnPredictor extends Predictor {
  private final Mlp mlp;

  /** Built from a recipe. */
  public DnnPredictor(BrickConfig cfg, BrickContext ctx) {
    int in = (ctx.userFields() + ctx.itemFields()) * ctx.dim();
    this.mlp = child("mlp", new Mlp(Towers.dims(in, cfg.getInts("hidden", Towers.BARS), 1),
        Activation.RELU, cfg.getFloat("dropout", 0.2f), ctx.rng()));
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    Tensor x = flat(fields(user, item));
    return mlp.forward(x).reshape(x.size(0));
  }
}
