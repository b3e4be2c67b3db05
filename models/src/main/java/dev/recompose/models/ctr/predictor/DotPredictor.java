package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;

/**
 * Inner product of the flattened user and item representations (brick {@code dot}): the click
 * predictor of NRMS, NAML and LSTUR (Wu et al. 2019; An et al. 2019) and of matrix factorisation.
 * The two sides must have the same width.
 */
public final class DotPredictor extends Predictor {
  /** Built from a recipe. */
  public DotPredictor(BrickConfig cfg, BrickContext ctx) {
    if (ctx.userFields() != ctx.itemFields()) {
      throw new IllegalArgumentException("predictor 'dot' needs user and item representations of"
          + " one width, got " + ctx.userFields() + " and " + ctx.itemFields() + " fields of "
          + ctx.dim());
    }
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    return flat(user).mul(flat(item)).sum(1, false);
  }
}
