package dev.recompose.models.ctr.item;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.layer.FieldEmbedder;
import dev.recompose.tensor.Tensor;
import java.util.List;

/**
 * Item ID plus tabular item features as embedding fields (brick {@code features}), the input
 * layer of DeepFM (Guo et al., IJCAI 2017) and DCN (Wang et al., ADKDD 2017) on the item side.
 *
 * <p>Parameters: {@code columns} (item table columns; default all categorical, multi-categorical
 * and numeric ones, e.g. ml-100k genres and year), {@code with_id} (default true),
 * {@code init_std} (default 0.01).
 */
public final class FeatureItemEncoder extends ItemEncoder {
  private final FieldEmbedder embedder;
  private final int dim;

  /** Built from a recipe. */
  public FeatureItemEncoder(BrickConfig cfg, BrickContext ctx) {
    this.dim = ctx.dim();
    this.embedder = child("fields", new FieldEmbedder(
        ctx.itemFeatures(cfg.getStrings("columns", List.of())), cfg.getBool("with_id", true), dim,
        cfg.getFloat("init_std", 0.01f), ctx.rng()));
  }

  @Override
  public int fields() {
    return embedder.count();
  }

  @Override
  public int width() {
    return dim;
  }

  @Override
  public Tensor encode(int[] items) {
    return embedder.forward(items);
  }
}
