package dev.recompose.models.ctr.item;

import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Module;

/**
 * The item brick of a Legommenders-style model (Li et al., "Legommenders", 2024): turns item codes
 * into a representation of {@link #fields()} fields of width {@link #width()}.
 *
 * <p>It exists so that any item representation (ID, text, precomputed vector, semantic ID,
 * tabular features) plugs into any user encoder and predictor. Representations are fields so
 * that FM/DCN predictors see feature fields and dot-product predictors see one flat vector.
 */
public abstract class ItemEncoder extends Module {
  /** Number of fields of the output. */
  public abstract int fields();

  /** Width of each field. */
  public abstract int width();

  /** Encodes item codes into {@code [n, fields, width]}. */
  public abstract Tensor encode(int[] items);
}
