package dev.recompose.data.split;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes hand-made datasets for split tests. */
final class TinyData {
  private TinyData() {}

  static List<String> ids(String prefix, int n) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(prefix + i);
    }
    return l;
  }

  static int max(int[] a) {
    int m = 0;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** An interactions table; {@code labels} and {@code ratings} may be null. */
  static Dataset interactions(Path dir, int[] users, long[] ts, byte[] labels, float[] ratings)
      throws IOException {
    int[] items = new int[users.length];
    for (int i = 0; i < items.length; i++) {
      items[i] = i;
    }
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      TableWriter t = w.table(StoreLayout.INTERACTIONS, "test");
      t.ints(StoreLayout.USER, users, StoreLayout.USER, "user");
      t.ints(StoreLayout.ITEM, items, StoreLayout.ITEM, "item");
      t.longs(StoreLayout.TIMESTAMP, ts, "time");
      if (labels != null) {
        t.bytes(StoreLayout.LABEL, labels, "label");
      }
      if (ratings != null) {
        t.floats(StoreLayout.RATING, ratings, "rating");
      }
      w.vocab(StoreLayout.USER, ids("u", max(users) + 1), "users");
      w.vocab(StoreLayout.ITEM, ids("i", items.length), "items");
      w.commit("tiny", null, new Provenance("test", "hand-made", null, null, null, null, null),
          null);
    }
    return Dataset.open(dir);
  }

  /** An impressions table (one candidate each) plus a 1-row interactions table. */
  static Dataset impressions(Path dir, int[] users, long[] ts, byte[] sourcePart)
      throws IOException {
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      TableWriter inter = w.table(StoreLayout.INTERACTIONS, "test");
      inter.ints(StoreLayout.USER, new int[] {0}, StoreLayout.USER, "user");
      inter.ints(StoreLayout.ITEM, new int[] {0}, StoreLayout.ITEM, "item");
      inter.longs(StoreLayout.TIMESTAMP, new long[] {0}, "time");
      TableWriter t = w.table(StoreLayout.IMPRESSIONS, "test");
      t.ints(StoreLayout.USER, users, StoreLayout.USER, "user");
      t.longs(StoreLayout.TIMESTAMP, ts, "time");
      ListWriter c = t.list(StoreLayout.CANDIDATES, DType.INT32, StoreLayout.ITEM, "shown");
      ListWriter l = t.list(StoreLayout.LABELS, DType.INT8, null, "clicks");
      for (int i = 0; i < users.length; i++) {
        c.addRow(new int[] {0});
        l.addRow(new byte[] {1});
      }
      if (sourcePart != null) {
        t.bytes(ImpressionSplit.SOURCE_PART, sourcePart, "0 train, 1 dev");
      }
      w.vocab(StoreLayout.USER, ids("u", max(users) + 1), "users");
      w.vocab(StoreLayout.ITEM, ids("i", 1), "items");
      w.commit("tiny", null, new Provenance("test", "hand-made", null, null, null, null, null),
          null);
    }
    return Dataset.open(dir);
  }
}
