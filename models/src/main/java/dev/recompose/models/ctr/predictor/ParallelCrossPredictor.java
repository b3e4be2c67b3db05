package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Mlp;
import dev.recompose.tensor.nn.Module;
import java.util.function.UnaryOperator;

/**
 * The parallel DCN layout shared by DCN and DCN-V2: a cross network and a DNN side by side over
 * the concatenated fields, their outputs concatenated into one logit. Subclasses say which cross
 * network; parameters {@code cross_layers}, {@code hidden} ([400, 400, 400]), {@code dropout} (0.2).
 */
abstract class ParallelCrossPredictor extends Predictor {
  /** Builds a cross network of {@code layers} layers over width {@code in}. */
  interface CrossFactory<M extends Module> {
    M create(int in, int layers, Rng rng);
  }

  private final UnaryOperator<Tensor> cross;
  private final Mlp dnn;
  private final Linear out;

  <M extends Module> ParallelCrossPredictor(BrickConfig cfg, BrickContext ctx, int defaultLayers,
      CrossFactory<M> factory, java.util.function.Function<M, UnaryOperator<Tensor>> forward) {
    int in = (ctx.userFields() + ctx.itemFields()) * ctx.dim();
    int[] hidden = cfg.getInts("hidden", Towers.BARS);
    M net = child("cross", factory.create(in, cfg.getInt("cross_layers", defaultLayers), ctx.rng()));
    this.cross = forward.apply(net);
    this.dnn = child("dnn", new Mlp(Towers.dims(in, hidden, 0), Activation.RELU,
        cfg.getFloat("dropout", 0.2f), ctx.rng()));
    this.out = child("out", new Linear(in + hidden[hidden.length - 1], 1, ctx.rng()));
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    Tensor x = flat(fields(user, item));
    Tensor h = Tensor.concat(1, cross.apply(x), dnn.forward(x).relu());
    return out.forward(h).reshape(x.size(0));
  }
}
