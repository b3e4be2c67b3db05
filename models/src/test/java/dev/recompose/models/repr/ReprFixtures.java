package dev.recompose.models.repr;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiny datasets with an items table for representation tests. */
public final class ReprFixtures {
  private ReprFixtures() {}

  /** A dataset whose items have the given titles and abstracts (null abstracts: no column). */
  public static Dataset items(Path dir, String[] titles, String[] abstracts) throws IOException {
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      TableWriter t = w.table("items", "items");
      ListWriter tw = t.text("title", "title");
      for (String s : titles) {
        tw.addText(s);
      }
      if (abstracts != null) {
        ListWriter aw = t.text("abstract", "abstract");
        for (String s : abstracts) {
          aw.addText(s);
        }
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < titles.length; i++) {
        ids.add("i" + i);
      }
      w.vocab("item", ids, "items");
      w.commit("fixture", null, new Provenance("test", null, null, null, null, null, null), null);
    }
    return Dataset.open(dir);
  }
}
