package dev.recompose.models.ctr;

import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.EntityFeatures;
import dev.recompose.tensor.Rng;
import java.util.List;

/**
 * What a brick factory may read while building a brick: the data, the model width and a seeded
 * random source, and — for user encoders and predictors — the shape of the bricks built before.
 *
 * <p>It exists so that bricks are built from data (vocabulary sizes, feature fields) rather than
 * from sizes typed into recipes, and so that a user encoder over history knows the width of the
 * item representation it receives.
 *
 * @param data the CTR samples and their dataset
 * @param dim field width {@code k} shared by the bricks of a model
 * @param rng random source for initialisation and dropout
 * @param itemFields fields of the item representation ({@code 0} while building item encoders)
 * @param userFields fields of the user representation ({@code 0} until the user side is built)
 */
public record BrickContext(CtrData data, int dim, Rng rng, int itemFields, int userFields) {
  public BrickContext {
    if (dim <= 0) {
      throw new IllegalArgumentException("model dim must be positive, got " + dim);
    }
  }

  /** The width of one item representation, {@code itemFields * dim}. */
  public int itemWidth() {
    return itemFields * dim;
  }

  /** This context with the item side's field count. */
  public BrickContext withItemFields(int f) {
    return new BrickContext(data, dim, rng, f, userFields);
  }

  /** This context with the user side's field count. */
  public BrickContext withUserFields(int f) {
    return new BrickContext(data, dim, rng, itemFields, f);
  }

  /** The item side table's features ({@code only} empty = all). */
  public EntityFeatures itemFeatures(List<String> only) {
    return EntityFeatures.read(data.dataset(), StoreLayout.ITEMS, data.items(), only);
  }

  /** The user side table's features ({@code only} empty = all). */
  public EntityFeatures userFeatures(List<String> only) {
    return EntityFeatures.read(data.dataset(), StoreLayout.USERS, data.users(), only);
  }
}
