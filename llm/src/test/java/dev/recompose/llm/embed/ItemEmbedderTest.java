package dev.recompose.llm.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.llm.LlmFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemEmbedderTest {
  @TempDir Path tmp;

  /** A deterministic encoder: vector = (length, first char, hash) of the text. */
  static class FakeEncoder implements TextEncoder {
    final List<String> seen = new ArrayList<>();
    int failAfterCalls = Integer.MAX_VALUE;
    int calls;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public float[][] embed(List<String> texts) throws IOException {
      if (calls++ >= failAfterCalls) {
        throw new EmbeddingException("killed");
      }
      seen.addAll(texts);
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        String t = texts.get(i);
        out[i] = new float[] {t.length(), t.charAt(0), t.hashCode() % 1000};
      }
      return out;
    }
  }

  private Dataset fixture(Path dir) throws IOException {
    String[] titles = new String[10];
    String[] abs = new String[10];
    for (int i = 0; i < 10; i++) {
      titles[i] = i == 4 ? "" : "Title " + i;
      abs[i] = i % 3 == 0 ? "" : "about item " + i;
    }
    return LlmFixtures.items(dir, titles, abs);
  }

  @Test
  void writesVectorColumnWithZeroForItemsWithoutText() throws Exception {
    Dataset ds = LlmFixtures.items(tmp.resolve("d"), new String[] {"Toy Story", "", "Heat"},
        new String[] {"Toys come alive", "", ""});
    FakeEncoder enc = new FakeEncoder();
    EmbedReport r = new ItemEmbedder(enc, ProgressFactory.NONE)
        .embed(ds, new EmbedRequest(List.of("title", "abstract"), 2, null, true));
    assertEquals("emb_fake", r.column());
    assertEquals(1, r.emptyRows());
    assertEquals(List.of("Toy Story. Toys come alive", "Heat"), enc.seen);
    Dataset re = Dataset.open(ds.dir());
    float[] v = re.table("items").vector("emb_fake").toFloatArray();
    assertArrayEquals(new float[] {26, 'T', "Toy Story. Toys come alive".hashCode() % 1000,
        0, 0, 0, 4, 'H', "Heat".hashCode() % 1000}, v);
    assertTrue(re.manifest().provenance().notes().get("repr.embed.emb_fake").contains("3 items"));
    assertFalse(Files.exists(ItemEmbedder.partialFile(ds.dir(), "emb_fake")));
  }

  @Test
  void killedRunResumesAfterLastFinishedBatchAndMatchesAOneShotRun() throws Exception {
    Dataset one = fixture(tmp.resolve("one"));
    new ItemEmbedder(new FakeEncoder(), ProgressFactory.NONE)
        .embed(one, new EmbedRequest(List.of("title", "abstract"), 3, null, true));
    float[] expected = Dataset.open(one.dir()).table("items").vector("emb_fake").toFloatArray();

    Dataset ds = fixture(tmp.resolve("two"));
    FakeEncoder dying = new FakeEncoder();
    dying.failAfterCalls = 2;
    EmbedRequest req = new EmbedRequest(List.of("title", "abstract"), 3, null, true);
    assertThrows(EmbeddingException.class,
        () -> new ItemEmbedder(dying, ProgressFactory.NONE).embed(ds, req));
    // nothing half-written in the dataset, but 2 batches (6 rows) checkpointed
    Dataset after = Dataset.open(ds.dir());
    assertFalse(after.table("items").has("emb_fake"));
    assertFalse(Files.exists(ds.dir().resolve("items.emb_fake.npy")));
    assertEquals(6 * 3 * 4, Files.size(ItemEmbedder.partialFile(ds.dir(), "emb_fake")));

    FakeEncoder rest = new FakeEncoder();
    EmbedReport r = new ItemEmbedder(rest, ProgressFactory.NONE).embed(after, req);
    assertEquals(6, r.resumedRows());
    assertEquals(List.of("Title 6", "Title 7. about item 7", "Title 8. about item 8",
        "Title 9"), rest.seen);
    assertArrayEquals(expected,
        Dataset.open(ds.dir()).table("items").vector("emb_fake").toFloatArray());
    assertEquals(0, r.emptyRows()); // item 4 has an abstract
  }

  @Test
  void tornLastRowOfAKilledRunIsDropped() throws Exception {
    Dataset one = fixture(tmp.resolve("one"));
    EmbedRequest req = new EmbedRequest(List.of("title", "abstract"), 4, null, true);
    new ItemEmbedder(new FakeEncoder(), ProgressFactory.NONE).embed(one, req);
    float[] expected = Dataset.open(one.dir()).table("items").vector("emb_fake").toFloatArray();

    Dataset ds = fixture(tmp.resolve("two"));
    FakeEncoder dying = new FakeEncoder();
    dying.failAfterCalls = 1;
    assertThrows(EmbeddingException.class,
        () -> new ItemEmbedder(dying, ProgressFactory.NONE).embed(ds, req));
    Path part = ItemEmbedder.partialFile(ds.dir(), "emb_fake");
    Files.write(part, new byte[] {1, 2, 3, 4, 5}, java.nio.file.StandardOpenOption.APPEND);
    FakeEncoder rest = new FakeEncoder();
    EmbedReport r = new ItemEmbedder(rest, ProgressFactory.NONE).embed(Dataset.open(ds.dir()), req);
    assertEquals(4, r.resumedRows());
    assertEquals(6, rest.seen.size());
    assertArrayEquals(expected,
        Dataset.open(ds.dir()).table("items").vector("emb_fake").toFloatArray());
  }

  @Test
  void partialOfAnotherFieldListIsDiscarded() throws Exception {
    Dataset ds = fixture(tmp.resolve("d"));
    FakeEncoder dying = new FakeEncoder();
    dying.failAfterCalls = 1;
    assertThrows(EmbeddingException.class, () -> new ItemEmbedder(dying, ProgressFactory.NONE)
        .embed(ds, new EmbedRequest(List.of("title", "abstract"), 3, null, true)));
    FakeEncoder again = new FakeEncoder();
    EmbedReport r = new ItemEmbedder(again, ProgressFactory.NONE)
        .embed(ds, new EmbedRequest(List.of("title"), 3, null, true));
    assertEquals(0, r.resumedRows());
    assertEquals(9, again.seen.size());
  }

  @Test
  void wrongVectorSizeFailsClearly() throws Exception {
    Dataset ds = fixture(tmp.resolve("d"));
    TextEncoder bad = new FakeEncoder() {
      @Override
      public int dimension() {
        return 4;
      }
    };
    var e = assertThrows(EmbeddingException.class, () -> new ItemEmbedder(bad,
        ProgressFactory.NONE).embed(ds, new EmbedRequest(List.of("title"), 3, "emb_x", true)));
    assertEquals("fake returned a vector of size 3, expected 4", e.getMessage());
    assertFalse(Dataset.open(ds.dir()).table("items").has("emb_x"));
  }
}
