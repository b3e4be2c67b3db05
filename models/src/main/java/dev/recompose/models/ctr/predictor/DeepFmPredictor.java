package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.FactorizationMachine;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Mlp;

/**
 * DeepFM (Guo et al., "DeepFM: A Factorization-Machine based Neural Network for CTR Prediction",
 * IJCAI 2017), brick {@code deepfm}: first-order term + FM pairwise interactions + DNN, their
 * logits summed as FuxiCTR does (Legommenders averages FM and DNN instead; REFERENCES-ctr §7).
 * The first-order term is a linear map of the field embeddings (one weight per field
 * dimension), which keeps it inside the shared embedding layer. Parameters: {@code hidden}
 * ([400, 400, 400]), {@code dropout} (0.2).
 */
public final class DeepFmPredictor extends Predictor {
  private final Linear first;
  private final FactorizationMachine fm;
  private final Mlp dnn;

  /** Built from a recipe. */
  public DeepFmPredictor(BrickConfig cfg, BrickContext ctx) {
    int in = (ctx.userFields() + ctx.itemFields()) * ctx.dim();
    this.first = child("first_order", new Linear(in, 1, ctx.rng()));
    this.fm = child("fm", new FactorizationMachine());
    this.dnn = child("dnn", new Mlp(Towers.dims(in, cfg.getInts("hidden", Towers.BARS), 1),
        Activation.RELU, cfg.getFloat("dropout", 0.2f), ctx.rng()));
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    Tensor f = fields(user, item);
    Tensor x = flat(f);
    int n = x.size(0);
    return first.forward(x).add(fm.forward(f)).add(dnn.forward(x)).reshape(n);
  }
}
