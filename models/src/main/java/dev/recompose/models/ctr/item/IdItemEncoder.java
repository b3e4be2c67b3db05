package dev.recompose.models.ctr.item;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Embedding;

/**
 * Item ID embedding: one learned vector per item (brick {@code id}).
 *
 * <p>The classic collaborative-filtering item representation (Koren et al., "Matrix Factorization
 * Techniques for Recommender Systems", IEEE Computer 2009) and the ID-only baseline of RecBench.
 * Parameter: {@code init_std} (default 0.01). Row-sparse gradients.
 */
public final class IdItemEncoder extends ItemEncoder {
  private final Embedding table;
  private final int dim;

  /** Built from a recipe. */
  public IdItemEncoder(BrickConfig cfg, BrickContext ctx) {
    this.dim = ctx.dim();
    this.table = child("table", new Embedding(ctx.data().items(), dim, -1, true,
        cfg.getFloat("init_std", 0.01f), ctx.rng()));
  }

  @Override
  public int fields() {
    return 1;
  }

  @Override
  public int width() {
    return dim;
  }

  @Override
  public Tensor encode(int[] items) {
    return table.forward(Tensor.ofInts(items.clone(), items.length, 1));
  }
}
