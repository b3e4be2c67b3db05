package dev.recompose.data.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreRoundTripTest {
  @TempDir Path tmp;

  static Manifest writeSample(Path out) throws IOException {
    try (DatasetWriter w = DatasetWriter.create(out, false)) {
      TableWriter inter = w.table(StoreLayout.INTERACTIONS, "ratings");
      inter.ints(StoreLayout.USER, new int[] {0, 0, 1}, StoreLayout.USER, "user code");
      inter.ints(StoreLayout.ITEM, new int[] {1, 0, 1}, StoreLayout.ITEM, "item code");
      inter.longs(StoreLayout.TIMESTAMP, new long[] {10L, 20L, 5_000_000_000L}, "unix s");
      inter.floats(StoreLayout.RATING, new float[] {4.5f, 1f, 3f}, "stars");
      TableWriter items = w.table(StoreLayout.ITEMS, "movies");
      ListWriter title = items.text("title", "title");
      title.addText("Toy Story (1995)");
      title.addText("Amélie – \t tab");
      ListWriter genres = items.list("genres", DType.INT32, "genre", "genres");
      genres.addRow(new int[] {0, 2});
      genres.addRow(new int[] {});
      items.vectors("emb", new float[] {1, 2, 3, 4, 5, 6}, 3, "toy embedding");
      w.vocab(StoreLayout.USER, List.of("u1", "u2"), "users");
      w.vocab(StoreLayout.ITEM, List.of("i\t1", "i2"), "items");
      w.vocab("genre", List.of("Action", "Comedy", "Drama"), "genres");
      return w.commit(
          "sample",
          null,
          new Provenance("test", "mem", Map.of(), List.of(),
              List.of(new RowReport("x", 4, 3, Map.of("bad", 1L))), List.of(), Map.of()),
          null);
    }
  }

  @Test
  void writesThenReadsEveryColumnKind() throws IOException {
    Path out = tmp.resolve("ds");
    Manifest written = writeSample(out);
    Dataset ds = Dataset.open(out);
    assertEquals(new Counts(2, 2, 3, 0), ds.manifest().counts());
    assertEquals(written.contentSha256(), ds.manifest().contentSha256());
    assertEquals(64, written.contentSha256().length());
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertEquals(3, inter.rows());
    assertArrayEquals(new int[] {1, 0, 1}, inter.scalar(StoreLayout.ITEM).toIntArray());
    assertArrayEquals(
        new long[] {10L, 20L, 5_000_000_000L}, inter.scalar(StoreLayout.TIMESTAMP).toLongArray());
    assertArrayEquals(new float[] {4.5f, 1f, 3f}, inter.scalar(StoreLayout.RATING).toFloatArray());
    Table items = ds.table(StoreLayout.ITEMS);
    assertEquals("Toy Story (1995)", items.text("title").get(0));
    assertEquals("Amélie – \t tab", items.text("title").get(1));
    assertArrayEquals(new int[] {0, 2}, items.list("genres").ints(0));
    assertEquals(0, items.list("genres").length(1));
    assertEquals(6.0f, items.vector("emb").getFloat(5));
    assertEquals(2, items.vector("emb").rows());
    assertEquals("i\t1", ds.vocab(StoreLayout.ITEM).token(0));
    assertEquals(2, ds.vocab("genre").code("Drama"));
    assertEquals(1L, ds.manifest().provenance().rows().get(0).droppedTotal());
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "no partial directory is left behind");
    }
  }

  @Test
  void refusesToOverwriteWithoutForceAndReplacesWithIt() throws IOException {
    Path out = tmp.resolve("ds");
    writeSample(out);
    StoreFormatException e = assertThrows(StoreFormatException.class,
        () -> DatasetWriter.create(out, false));
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    try (DatasetWriter w = DatasetWriter.create(out, true)) {
      w.table(StoreLayout.INTERACTIONS, "x").ints(StoreLayout.USER, new int[] {7}, null, "u");
      w.commit("again", null, null, null);
    }
    assertEquals("again", Dataset.open(out).manifest().name());
  }

  @Test
  void abandonedWriterLeavesNothing() throws IOException {
    Path out = tmp.resolve("ds");
    try (DatasetWriter w = DatasetWriter.create(out, false)) {
      w.table(StoreLayout.INTERACTIONS, "x").ints(StoreLayout.USER, new int[] {1, 2}, null, "u");
    }
    assertFalse(Files.exists(out));
    try (var s = Files.list(tmp)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void mismatchedColumnLengthsAreRejected() throws IOException {
    Path out = tmp.resolve("ds");
    try (DatasetWriter w = DatasetWriter.create(out, false)) {
      TableWriter t = w.table(StoreLayout.INTERACTIONS, "x");
      t.ints(StoreLayout.USER, new int[] {1, 2}, null, "u");
      t.ints(StoreLayout.ITEM, new int[] {1}, null, "i");
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> w.commit("x", null, null, null));
      assertTrue(e.getMessage().contains("item has 1 rows, expected 2"), e.getMessage());
    }
  }

  @Test
  void updaterAddsColumnAndChangesDigest() throws IOException {
    Path out = tmp.resolve("ds");
    Manifest before = writeSample(out);
    Dataset ds = Dataset.open(out);
    try (DatasetUpdater u = DatasetUpdater.open(ds)) {
      u.table(StoreLayout.INTERACTIONS).bytes(StoreLayout.SPLIT, new byte[] {0, 2, 1}, "split");
      u.commit(m -> m.withSplit(new SplitInfo("test", StoreLayout.INTERACTIONS, 1, Map.of(),
          Map.of("train", 1L, "valid", 1L, "test", 1L))));
    }
    Dataset again = Dataset.open(out);
    assertNotNull(again.manifest().split());
    assertEquals(2, again.table(StoreLayout.INTERACTIONS).scalar(StoreLayout.SPLIT).getByte(1));
    assertFalse(before.contentSha256().equals(again.manifest().contentSha256()));
  }

  @Test
  void damagedColumnFileGivesMessageNamingIt() throws IOException {
    Path out = tmp.resolve("ds");
    writeSample(out);
    Path f = out.resolve(StoreLayout.scalarFile(StoreLayout.INTERACTIONS, StoreLayout.ITEM));
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length - 3));
    Table t = Dataset.open(out).table(StoreLayout.INTERACTIONS);
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> t.scalar("item"));
    assertTrue(e.getMessage().contains("interactions.item.npy") && e.getMessage().contains("truncated"),
        e.getMessage());
    StoreFormatException missing = assertThrows(StoreFormatException.class, () -> t.scalar("nope"));
    assertTrue(missing.getMessage().contains("[user, item, timestamp, rating]"), missing.getMessage());
  }

  @Test
  void notADatasetDirectory() {
    StoreFormatException e =
        assertThrows(StoreFormatException.class, () -> Dataset.open(tmp));
    assertTrue(e.getMessage().contains("not a dataset directory"));
  }
}
