package dev.recompose.models.seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.recipe.Recipes;
import dev.recompose.models.repr.sid.RqKMeansConfig;
import dev.recompose.models.repr.sid.SidColumns;
import dev.recompose.models.repr.text.TextField;
import dev.recompose.models.repr.text.TokenColumns;
import dev.recompose.models.repr.text.WordTokenizer;
import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.train.EvalJob;
import dev.recompose.models.train.SeqFixtures;
import dev.recompose.models.train.TrainJob;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code item.repr} setting of the sequential models, on a tiny ring with item content. */
class SeqItemEncoderTest {
  private static final int ITEMS = 40;
  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path data;

  /** The ring of {@code SeqFixtures} with titles, tokens, 8-d vectors and semantic IDs. */
  @BeforeAll
  static void writeData() throws Exception {
    String[] titles = new String[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      titles[i] = "segment " + (i / 5) + " item " + i;
    }
    data = SeqFixtures.ring(shared.resolve("ring"), 120, ITEMS, 16, 0.05, 7, titles);
    Dataset ds = Dataset.open(data);
    WordTokenizer tok = WordTokenizer.build(List.of(titles), 1, 0);
    TokenColumns.write(ds, tok, List.of(new TextField("title", 8)), "tok_", "tokens_word", 1,
        ProgressFactory.NONE);
    ds = Dataset.open(data);
    float[] v = new float[ITEMS * 8];
    for (int i = 0; i < ITEMS; i++) {
      for (int t = 0; t < 8; t++) {
        // a position on the ring plus a fixed pattern: neighbours have near vectors
        double a = 2 * Math.PI * i / ITEMS;
        v[i * 8 + t] = (float) (t % 2 == 0 ? Math.cos(a * (t / 2 + 1)) : Math.sin(a * (t / 2 + 1)));
      }
    }
    try (DatasetUpdater up = DatasetUpdater.open(ds)) {
      up.table("items").vectors("emb_minilm", v, 8, "test vectors");
      up.commit(m -> m);
    }
    SidColumns.writeRqKMeans(Dataset.open(data), "emb_minilm", "sid",
        new RqKMeansConfig(2, 4, 10, 0, 100, 0, 50, 1));
  }

  private static Map<String, String> tiny(String model, String repr) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("max_len", "10");
    o.put(model.equals("gru4rec") ? "embedding_size" : "hidden_size", "16");
    if (model.equals("gru4rec")) {
      o.put("hidden_size", "16");
    }
    o.put("epochs", "2");
    o.put("batch_size", "32");
    o.put("lr", "0.01");
    o.put("threads", "1");
    for (String kv : repr.split(";")) {
      String[] p = kv.split("=", 2);
      o.put(p[0], p[1]);
    }
    return o;
  }

  @ParameterizedTest
  @CsvSource({
      "sasrec, item.repr=id",
      "sasrec, item.repr=text",
      "sasrec, item.repr=embedding",
      "sasrec, item.repr=sid",
      "sasrec-ce, item.repr=embedding;item.with_id=true",
      "sasrec-ce, item.repr=sid:sid",
      "gru4rec, item.repr=text:tok_title",
      "gru4rec, item.repr=embedding",
      "bert4rec, item.repr=sid",
      "bert4rec, item.repr=text;item.with_id=true"})
  void eachRepresentationTrainsAndEvaluates(String model, String repr) throws Exception {
    var r = TrainJob.run(data, model, tiny(model, repr), tmp.resolve("run"), ProgressFactory.NONE,
        s -> { });
    Map<String, Double> m = r.results().get(0).metrics();
    double hr = m.get("HR@10");
    assertTrue(hr >= 0 && hr <= 1, model + " " + repr + ": HR@10 " + hr);
    assertTrue(Double.isFinite(m.get("NDCG@10")), m.toString());
    // the evaluation pass rebuilds the item matrix from the best weights and gets the same number
    assertEquals(m, EvalJob.run(r.run().dir(), "full", true).metrics());
  }

  @Test
  void contentRunsResumeToTheSameResult() throws Exception {
    Map<String, String> o = tiny("sasrec", "item.repr=text;item.with_id=true");
    var full = TrainJob.run(data, "sasrec", o, tmp.resolve("full"), ProgressFactory.NONE,
        s -> { });
    // 120 users, batch 32: 4 steps per epoch, a checkpoint after each epoch
    var cut = TrainJob.run(data, "sasrec", o, tmp.resolve("cut"), ProgressFactory.NONE, s -> { },
        step -> step == 6);
    assertTrue(cut.outcome().interrupted());
    var resumed = TrainJob.resume(cut.run().dir(), ProgressFactory.NONE, s -> { });
    assertEquals(full.results().get(0).metrics(), resumed.results().get(0).metrics());
    assertEquals(Files.readAllLines(full.run().log()).size(),
        Files.readAllLines(resumed.run().log()).size());
  }

  @Test
  void contentTableHasAZeroPaddingRowAndLearns() throws Exception {
    Recipe r = Recipes.load("sasrec").with(Map.of("item.repr", "embedding", "hidden_size", "16",
        "max_len", "10"));
    SequenceData seq = SequenceData.load(Dataset.open(data));
    SeqItemEncoder enc = SeqItemEncoder.create(r, seq, 16, new Rng(1));
    Tensor t = enc.table();
    assertEquals(List.of(ITEMS + 1, 16), List.of(t.size(0), t.size(1)));
    for (int q = 0; q < 16; q++) {
      assertEquals(0f, t.data()[q]);
    }
    t.sum(1, false).sum(0, false).backward();
    Tensor w = enc.parameters().get("content.projection.weight");
    float g = 0;
    for (float x : w.grad().data()) {
      g += Math.abs(x);
    }
    assertTrue(g > 0, "the projection gets a gradient through the table");
    assertEquals(0, SeqItemEncoder.create(Recipes.load("sasrec"), seq, 16, new Rng(1))
        .parameters().size(), "the ID table is registered by the model, as 'items'");
  }

  @Test
  void switchingTheRepresentationChangesTheConfigHash() {
    Recipe base = Recipes.load("sasrec");
    assertEquals("id", base.getString(SeqItemEncoder.REPR_KEY));
    String id = base.hash();
    String emb = base.with(Map.of("item.repr", "embedding")).hash();
    String sid = base.with(Map.of("item.repr", "sid")).hash();
    String both = base.with(Map.of("item.repr", "embedding", "item.with_id", "true")).hash();
    assertEquals(4, java.util.Set.of(id, emb, sid, both).size());
    assertNotEquals(Recipes.load("sasrec-ce").hash(),
        Recipes.load("sasrec-ce").with(Map.of("item.repr", "text")).hash());
  }

  @Test
  void missingColumnsAndInMemoryDataFailClearly() throws Exception {
    Map<String, String> o = tiny("sasrec", "item.repr=embedding:emb_nope");
    var e = assertThrows(RuntimeException.class, () -> TrainJob.run(data, "sasrec", o,
        tmp.resolve("bad"), ProgressFactory.NONE, s -> { }));
    assertTrue(e.getMessage().contains("VECTOR columns: [emb_minilm]")
        && e.getMessage().contains("repr embed"), e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> TrainJob.run(data, "sasrec",
        tiny("sasrec", "item.repr=bert"), tmp.resolve("bad2"), ProgressFactory.NONE, s -> { }));
    assertTrue(e2.getMessage().contains("embedding[:COLUMN]"), e2.getMessage());
    var e4 = assertThrows(IllegalArgumentException.class, () -> TrainJob.run(data, "sasrec",
        tiny("sasrec", "item.with_id=true"), tmp.resolve("bad4"), ProgressFactory.NONE,
        s -> { }));
    assertTrue(e4.getMessage().contains("is already id"), e4.getMessage());
    SequenceData mem = SequenceData.of(DatasetRef.inMemory("m"), 3, new int[][] {{0, 1, 2}},
        new int[] {-1}, new int[] {-1});
    var e3 = assertThrows(IllegalArgumentException.class, () -> SeqItemEncoder.create(
        Recipes.load("sasrec").with(Map.of("item.repr", "sid")), mem, 8, new Rng(1)));
    assertTrue(e3.getMessage().contains("built in memory"), e3.getMessage());
  }
}
