package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.nn.CrossNetworkV2;

/**
 * DCN-V2 (Wang et al., "DCN V2: Improved Deep and Cross Network", WWW 2021), brick {@code dcnv2}:
 * full-rank cross layers ({@code x_{l+1} = x_0 * (W x_l + b) + x_l}) in parallel with a DNN, as
 * the BARS best configs use (parallel, no low-rank mixture). Parameters: {@code cross_layers}
 * (4), {@code hidden} ([400, 400, 400]), {@code dropout} (0.2).
 */
public final class DcnV2Predictor extends ParallelCrossPredictor {
  /** Built from a recipe. */
  public DcnV2Predictor(BrickConfig cfg, BrickContext ctx) {
    super(cfg, ctx, 4, CrossNetworkV2::new, net -> net::forward);
  }
}
