package dev.recompose.models.ctr.item;

import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Linear;

/**
 * A precomputed item embedding column (e.g. a sentence-encoder or LLM embedding written by the
 * representation jobs) projected to the model width (brick {@code vector}).
 *
 * <p>The "semantic embedding" item form of RecBench (Liu et al., "Can LLMs Outshine Conventional
 * Recommenders?", arXiv 2503.05493) and the cached-content path of ONCE/DIRE (Liu et al., WSDM
 * 2024): the stored vectors stay frozen, only the projection learns. Parameter: {@code column}
 * (a VECTOR column of the items table).
 */
public final class VectorItemEncoder extends ItemEncoder {
  private final float[] vectors;
  private final int width;
  private final Linear projection;
  private final int dim;

  /** Built from a recipe. */
  public VectorItemEncoder(BrickConfig cfg, BrickContext ctx) {
    String column = cfg.getString("column", null);
    if (column == null) {
      throw new IllegalArgumentException("brick 'vector' needs 'column': a vector column of the"
          + " items table");
    }
    var table = ctx.data().dataset().table(StoreLayout.ITEMS);
    this(table.vector(column).toFloatArray(), table.column(column).width(), ctx.data().items(),
        ctx.dim(), ctx.rng());
  }

  /**
   * Over vectors already in memory, e.g. a loaded {@code item.repr} embedding (the sequential
   * models' item encoder reuses this class).
   *
   * @param all row-major vectors, {@code width} floats per item; rows past {@code items} are
   *     ignored, missing rows are zero
   */
  public VectorItemEncoder(float[] all, int width, int items, int dim, Rng rng) {
    if (width < 1 || items < 0) {
      throw new IllegalArgumentException("vector width must be >= 1 and items >= 0, got " + width
          + ", " + items);
    }
    this.width = width;
    this.vectors = new float[items * width];
    System.arraycopy(all, 0, vectors, 0, Math.min(all.length, vectors.length));
    this.dim = dim;
    this.projection = child("projection", new Linear(width, dim, rng));
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
    float[] x = new float[items.length * width];
    for (int i = 0; i < items.length; i++) {
      System.arraycopy(vectors, items[i] * width, x, i * width, width);
    }
    return projection.forward(Tensor.of(x, items.length, width)).reshape(items.length, 1, dim);
  }
}
