package dev.recompose.models.ctr.item;

import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
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
    var arr = table.vector(column);
    this.width = (int) table.column(column).width();
    float[] all = arr.toFloatArray();
    int items = ctx.data().items();
    this.vectors = new float[items * width];
    System.arraycopy(all, 0, vectors, 0, Math.min(all.length, vectors.length));
    this.dim = ctx.dim();
    this.projection = child("projection", new Linear(width, dim, ctx.rng()));
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
