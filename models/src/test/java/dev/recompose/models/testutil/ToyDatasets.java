package dev.recompose.models.testutil;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.NpyWriter;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: writes a tiny interactions-only dataset from per-user item sequences. */
public final class ToyDatasets {
  private ToyDatasets() {}

  /**
   * A dataset at {@code dir} where user u interacted with {@code sequences[u]} in that order
   * (timestamps 1, 2, ...), over {@code numItems} items.
   */
  public static Dataset write(Path dir, int numItems, int[][] sequences) throws IOException {
    try (DatasetWriter w = DatasetWriter.create(dir, false)) {
      TableWriter t = w.table(StoreLayout.INTERACTIONS, "toy interactions");
      NpyWriter u = t.scalar(StoreLayout.USER, DType.INT32, StoreLayout.USER, "user");
      NpyWriter it = t.scalar(StoreLayout.ITEM, DType.INT32, StoreLayout.ITEM, "item");
      NpyWriter ts = t.scalar(StoreLayout.TIMESTAMP, DType.INT64, null, "time");
      for (int user = 0; user < sequences.length; user++) {
        for (int p = 0; p < sequences[user].length; p++) {
          u.writeInt(user);
          it.writeInt(sequences[user][p]);
          ts.writeLong(p + 1);
        }
      }
      w.vocab(StoreLayout.USER, ids("u", sequences.length), "users");
      w.vocab(StoreLayout.ITEM, ids("i", numItems), "items");
      w.commit("toy", null, new Provenance("toy", "memory", null, null, null, null, null), null);
    }
    return Dataset.open(dir);
  }

  private static List<String> ids(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }
}
