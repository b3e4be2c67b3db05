package dev.recompose.models.ctr;

import dev.recompose.tensor.Tensor;

/**
 * Item representations for a set of items: a table {@code [M + 1, D]} whose last row is the
 * zero padding vector, and the row of each item code.
 *
 * <p>It exists so that an evaluation pass encodes every item once and reuses the table for all
 * impressions and histories (Legommenders' item cache), while training encodes only the items of
 * a batch, with gradients.
 *
 * @param table representations, last row zeros
 * @param rowOf table row per item code, -1 when the item is not in the table
 */
public record ItemTable(Tensor table, int[] rowOf) {
  /** Row of the padding vector. */
  public int padRow() {
    return table.size(0) - 1;
  }

  /** Row of item {@code code}, failing when it was not encoded. */
  public int row(int code) {
    int r = code >= 0 && code < rowOf.length ? rowOf[code] : -1;
    if (r < 0) {
      throw new IllegalStateException("item " + code + " is not in the item table");
    }
    return r;
  }
}
