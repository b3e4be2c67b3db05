package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.layer.FieldEmbedder;
import dev.recompose.tensor.Tensor;
import java.util.List;

/**
 * User ID plus tabular user features as embedding fields (brick {@code features}): the user side of
 * the DeepFM (Guo et al., IJCAI 2017) and DCN (Wang et al., ADKDD 2017) input layer — on ml-100k
 * age, gender, occupation and zip code.
 *
 * <p>Parameters: {@code columns} (default all categorical and numeric columns of the users table),
 * {@code with_id} (true), {@code init_std} (0.01).
 */
public final class FeatureUserEncoder extends UserEncoder {
  private final FieldEmbedder embedder;

  /** Built from a recipe. */
  public FeatureUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.embedder = child("fields", new FieldEmbedder(
        ctx.userFeatures(cfg.getStrings("columns", List.of())), cfg.getBool("with_id", true),
        ctx.dim(), cfg.getFloat("init_std", 0.01f), ctx.rng()));
  }

  @Override
  public int fields() {
    return embedder.count();
  }

  @Override
  public Tensor encode(UserInput in) {
    return embedder.forward(in.users());
  }
}
