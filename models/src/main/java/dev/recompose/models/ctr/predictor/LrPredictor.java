package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;

/**
 * Logistic regression (brick {@code lr}): the sum of every field value plus a bias. With field
 * width 1 the fields are exactly one weight per feature value, so this is LR over one-hot
 * (and standardised numeric) features — the CTR baseline of FuxiCTR and BARS (Richardson et al.,
 * "Predicting Clicks", WWW 2007). Multi-valued fields contribute the mean weight of their values.
 */
public final class LrPredictor extends Predictor {
  private final Tensor bias;

  /** Built from a recipe. */
  public LrPredictor(BrickConfig cfg, BrickContext ctx) {
    this.bias = parameter("bias", Tensor.zeros(1));
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    return flat(fields(user, item)).sum(1, false).add(bias);
  }
}
