package dev.recompose.models.ctr.predictor;

import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Module;

/**
 * The predictor brick of a Legommenders-style model (Li et al., "Legommenders", 2024): scores a
 * user representation against an item representation.
 *
 * <p>It exists so that matching (dot product) and feature-interaction predictors (DNN, DeepFM,
 * DCN, DCNv2, DIN, FinalMLP) are swappable over the same encoders.
 */
public abstract class Predictor extends Module {
  /** Logits {@code [N]} for user fields {@code [N, Fu, k]} and item fields {@code [N, Fi, k]}. */
  public abstract Tensor score(Tensor user, Tensor item);

  /** Concatenates user and item fields into {@code [N, Fu + Fi, k]}. */
  protected static Tensor fields(Tensor user, Tensor item) {
    return Tensor.concat(1, user, item);
  }

  /** Flattens {@code [N, F, k]} into {@code [N, F * k]}. */
  protected static Tensor flat(Tensor x) {
    return x.reshape(x.size(0), x.size(1) * x.size(2));
  }
}
