package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Embedding;

/**
 * User ID embedding (brick {@code id}): the user side of matrix factorisation (Koren et al., IEEE
 * Computer 2009) and of an ID-only DNN baseline. Parameter: {@code init_std} (0.01).
 */
public final class IdUserEncoder extends UserEncoder {
  private final Embedding table;

  /** Built from a recipe. */
  public IdUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.table = child("table", new Embedding(Math.max(1, ctx.data().users()), ctx.dim(), -1, true,
        cfg.getFloat("init_std", 0.01f), ctx.rng()));
  }

  @Override
  public int fields() {
    return 1;
  }

  @Override
  public Tensor encode(UserInput in) {
    return table.forward(Tensor.ofInts(in.users().clone(), in.users().length, 1));
  }
}
