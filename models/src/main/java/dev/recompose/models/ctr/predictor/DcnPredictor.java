package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.nn.CrossNetwork;

/**
 * Deep and Cross Network (Wang et al., "Deep and Cross Network for Ad Click Predictions", ADKDD
 * 2017), brick {@code dcn}: a cross network and a DNN in parallel over the concatenated fields,
 * their outputs concatenated into a final linear layer. Parameters: {@code cross_layers} (3),
 * {@code hidden} ([400, 400, 400]), {@code dropout} (0.2).
 */
public final class DcnPredictor extends ParallelCrossPredictor {
  /** Built from a recipe. */
  public DcnPredictor(BrickConfig cfg, BrickContext ctx) {
    super(cfg, ctx, 3, CrossNetwork::new, net -> net::forward);
  }
}
