package dev.recompose.models.ctr.item;

import dev.recompose.data.store.ListColumn;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Embedding;

/**
 * An item as the embeddings of its semantic-ID codes (brick {@code semantic-id}), summed into one
 * field or kept as one field per level (concatenation).
 *
 * <p>The semantic-ID item form of TIGER (Rajput et al., NeurIPS 2023) and RecBase: an item is a
 * short tuple of hierarchical codes from residual quantisation, so similar items share
 * parameters. Parameters: {@code column} (an int32 list column of the items table, one code per
 * level), {@code mode} ({@code sum} or {@code concat}, default sum). Each level has its own code
 * table; missing levels are padding.
 */
public final class SemanticIdItemEncoder extends ItemEncoder {
  private final int[] codes;
  private final int levels;
  private final int perLevel;
  private final boolean concat;
  private final Embedding table;
  private final int dim;

  /** Built from a recipe. */
  public SemanticIdItemEncoder(BrickConfig cfg, BrickContext ctx) {
    String column = cfg.getString("column", null);
    if (column == null) {
      throw new IllegalArgumentException("brick 'semantic-id' needs 'column': an int32 list column"
          + " of the items table with one code per level");
    }
    ListColumn col = ctx.data().dataset().table(StoreLayout.ITEMS).list(column);
    int items = ctx.data().items();
    int[][] rows = new int[items][];
    for (int i = 0; i < items; i++) {
      rows[i] = i < col.rows() ? col.ints(i) : new int[0];
      for (int v : rows[i]) {
        if (v < 0) {
          throw new IllegalArgumentException("items." + column + " row " + i
              + ": negative code " + v);
        }
      }
    }
    this(rows, "items." + column, cfg.getString("mode", "sum"), ctx.dim(),
        cfg.getFloat("init_std", 0.01f), ctx.rng());
  }

  /**
   * Over codes already in memory, e.g. a loaded {@code item.repr} semantic ID (the sequential
   * models' item encoder reuses this class). A negative code (-1: an item without an embedding)
   * or a missing level reads as the padding row 0, which the brick path never lets happen.
   *
   * @param rows per item its codes, one per level
   * @param what names the codes in messages
   * @param mode {@code sum} or {@code concat}
   */
  public SemanticIdItemEncoder(int[][] rows, String what, String mode, int dim, float initStd,
      Rng rng) {
    if (!mode.equals("sum") && !mode.equals("concat")) {
      throw new IllegalArgumentException("brick 'semantic-id': mode must be sum or concat, got "
          + mode);
    }
    this.concat = mode.equals("concat");
    int items = rows.length;
    int lv = 0;
    int max = 0;
    for (int[] c : rows) {
      lv = Math.max(lv, c.length);
      for (int v : c) {
        max = Math.max(max, v);
      }
    }
    if (lv == 0) {
      throw new IllegalArgumentException(what + " holds no codes");
    }
    this.levels = lv;
    this.perLevel = max + 2;
    this.codes = new int[items * levels];
    for (int i = 0; i < items; i++) {
      int[] c = rows[i];
      for (int l = 0; l < c.length; l++) {
        codes[i * levels + l] = c[l] < 0 ? 0 : l * perLevel + c[l] + 1;
      }
    }
    this.dim = dim;
    this.table = child("codes", new Embedding(levels * perLevel, dim, 0, true, initStd, rng));
  }

  @Override
  public int fields() {
    return concat ? levels : 1;
  }

  @Override
  public int width() {
    return dim;
  }

  @Override
  public Tensor encode(int[] items) {
    int[] ids = new int[items.length * levels];
    for (int i = 0; i < items.length; i++) {
      System.arraycopy(codes, items[i] * levels, ids, i * levels, levels);
    }
    Tensor e = table.forward(Tensor.ofInts(ids, items.length, levels));
    return concat ? e : e.sum(1, true);
  }
}
