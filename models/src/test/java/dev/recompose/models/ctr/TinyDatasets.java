package dev.recompose.models.ctr;

import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import dev.recompose.tensor.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small synthetic datasets written through the store, for CTR tests. */
final class TinyDatasets {
  static final String[] TOPICS = {"sports", "music", "politics", "food"};

  private TinyDatasets() {}

  static Provenance provenance() {
    return new Provenance("test", "synthetic", Map.of(), null, null, null, Map.of());
  }

  static List<String> ids(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  /**
   * News-like data: item i has topic i % 4 (category), a title naming the topic, a semantic id and
   * a vector; user u likes topic u % 4; an impression shows 6 candidates and the user clicks those
   * of its topic; histories are earlier clicks of that topic.
   */
  static Path news(Path dir, int users, int items, int impressions, boolean withSplit, long seed)
      throws IOException {
    Rng rng = new Rng(seed);
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      TableWriter it = w.table(StoreLayout.ITEMS, "items");
      ListWriter title = it.text("title", "title");
      ListWriter abs = it.text("abstract", "abstract");
      int[] cat = new int[items];
      int[] sub = new int[items];
      float[] year = new float[items];
      ListWriter genres = it.list("genres", DType.INT32, "item_genres", "genres");
      ListWriter sid = it.list("sid", DType.INT32, null, "semantic id");
      float[] vec = new float[items * 4];
      for (int i = 0; i < items; i++) {
        int t = i % 4;
        title.addText("Breaking " + TOPICS[t] + " news number " + i + "!");
        abs.addText(i % 5 == 0 ? "" : "More about " + TOPICS[t] + " today");
        cat[i] = t;
        sub[i] = i % 7;
        year[i] = i % 3 == 0 ? Float.NaN : 1990 + i % 10;
        genres.addRow(new int[] {t, (t + 1) % 4});
        sid.addRow(new int[] {t, i % 3, i % 2});
        vec[i * 4 + t] = 1f;
      }
      it.ints("category", cat, "item_category", "topic");
      it.ints("subcategory", sub, "item_subcategory", "subtopic");
      it.floats("year", year, "year");
      it.vectors("emb", vec, 4, "one-hot topic vector");
      w.vocab("item_category", List.of(TOPICS), "topics");
      w.vocab("item_genres", List.of(TOPICS), "topics");
      w.vocab("item_subcategory", ids("s", 7), "subtopics");
      TableWriter us = w.table(StoreLayout.USERS, "users");
      float[] age = new float[users];
      int[] gender = new int[users];
      for (int u = 0; u < users; u++) {
        age[u] = 20 + u % 30;
        gender[u] = u % 2;
      }
      us.floats("age", age, "age");
      us.ints("gender", gender, "user_gender", "gender");
      w.vocab("user_gender", List.of("F", "M"), "gender");
      TableWriter im = w.table(StoreLayout.IMPRESSIONS, "impressions");
      int[] iu = new int[impressions];
      long[] ts = new long[impressions];
      byte[] split = new byte[impressions];
      ListWriter hist = im.list(StoreLayout.HISTORY, DType.INT32, StoreLayout.ITEM, "history");
      ListWriter cand = im.list(StoreLayout.CANDIDATES, DType.INT32, StoreLayout.ITEM, "cands");
      ListWriter labs = im.list(StoreLayout.LABELS, DType.INT8, null, "labels");
      for (int r = 0; r < impressions; r++) {
        int u = rng.nextInt(users);
        iu[r] = u;
        ts[r] = 1000 + r;
        split[r] = (byte) (r % 10 < 7 ? 0 : r % 10 < 9 ? 1 : 2);
        int liked = u % 4;
        int hl = rng.nextInt(6);
        int[] h = new int[hl];
        for (int k = 0; k < hl; k++) {
          h[k] = liked + 4 * rng.nextInt(items / 4);
        }
        hist.addRow(h);
        int[] c = new int[6];
        byte[] l = new byte[6];
        c[0] = liked + 4 * rng.nextInt(items / 4);
        l[0] = 1;
        for (int k = 1; k < 6; k++) {
          c[k] = rng.nextInt(items);
          l[k] = (byte) (c[k] % 4 == liked ? 1 : 0);
        }
        cand.addRow(c);
        labs.addRow(l);
      }
      im.ints(StoreLayout.USER, iu, StoreLayout.USER, "user");
      im.longs(StoreLayout.TIMESTAMP, ts, "time");
      if (withSplit) {
        im.bytes(StoreLayout.SPLIT, split, "split");
      }
      w.vocab(StoreLayout.USER, ids("U", users), "users");
      w.vocab(StoreLayout.ITEM, ids("N", items), "items");
      w.commit("tiny-news", null, provenance(), null);
    }
    return dir;
  }

  /** An interactions table with the given columns (rating and label may be null). */
  static Path interactions(Path dir, int users, int items, int[] u, int[] i, long[] t,
      float[] rating, byte[] label, byte[] split) throws IOException {
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      TableWriter tw = w.table(StoreLayout.INTERACTIONS, "interactions");
      tw.ints(StoreLayout.USER, u, StoreLayout.USER, "user");
      tw.ints(StoreLayout.ITEM, i, StoreLayout.ITEM, "item");
      tw.longs(StoreLayout.TIMESTAMP, t, "time");
      if (rating != null) {
        tw.floats(StoreLayout.RATING, rating, "rating");
      }
      if (label != null) {
        tw.bytes(StoreLayout.LABEL, label, "label");
      }
      if (split != null) {
        tw.bytes(StoreLayout.SPLIT, split, "split");
      }
      w.vocab(StoreLayout.USER, ids("U", users), "users");
      w.vocab(StoreLayout.ITEM, ids("I", items), "items");
      w.commit("tiny-interactions", null, provenance(), null);
    }
    return dir;
  }
}
