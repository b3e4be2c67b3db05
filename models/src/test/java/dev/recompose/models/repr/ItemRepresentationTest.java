package dev.recompose.models.repr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.models.repr.sid.RqKMeansConfig;
import dev.recompose.models.repr.sid.SidColumns;
import dev.recompose.models.repr.text.TextField;
import dev.recompose.models.repr.text.TokenColumns;
import dev.recompose.models.repr.text.WordTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemRepresentationTest {
  @TempDir Path tmp;

  @Test
  void parsesTheSetting() {
    assertEquals(new ReprSpec(ReprSpec.Kind.ID, null), ReprSpec.parse("id"));
    assertEquals(new ReprSpec(ReprSpec.Kind.TEXT, "tok_title"), ReprSpec.parse("text"));
    assertEquals(new ReprSpec(ReprSpec.Kind.EMBEDDING, "emb_x"), ReprSpec.parse(" Embedding:emb_x"));
    assertEquals("sid:sid", ReprSpec.parse("sid").toString());
    var e = assertThrows(IllegalArgumentException.class, () -> ReprSpec.parse("bert"));
    assertTrue(e.getMessage().contains("id, text[:COLUMN], embedding[:COLUMN] or sid[:COLUMN]"));
  }

  @Test
  void loadsAllFourFromOneDataset() throws Exception {
    String[] titles = new String[12];
    for (int i = 0; i < titles.length; i++) {
      titles[i] = "movie number " + (i % 4) + (i == 3 ? " and more words" : "");
    }
    Dataset ds = ReprFixtures.items(tmp.resolve("d"), titles, null);
    WordTokenizer tok = WordTokenizer.build(List.of(titles), 1, 0);
    TokenColumns.write(ds, tok, List.of(new TextField("title", 4)), "tok_", "tokens_word", 1,
        ProgressFactory.NONE);
    ds = Dataset.open(ds.dir());
    float[] v = new float[12 * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 7 % 11) - 5;
    }
    try (DatasetUpdater up = DatasetUpdater.open(ds)) {
      up.table("items").vectors("emb_minilm", v, 3, "test");
      up.commit(m -> m);
    }
    ds = Dataset.open(ds.dir());
    SidColumns.writeRqKMeans(ds, "emb_minilm", "sid", new RqKMeansConfig(2, 3, 10, 0, 100, 0, 50, 1));
    ds = Dataset.open(ds.dir());

    var id = (ItemRepresentation.Ids) ItemRepresentation.load(ds, ReprSpec.parse("id"));
    assertEquals(12, id.items());
    var text = (ItemRepresentation.Text) ItemRepresentation.load(ds, ReprSpec.parse("text"));
    assertEquals(tok.vocabSize(), text.vocabSize());
    assertEquals(4, text.tokens()[3].length);
    int[] pad = text.padded(5);
    assertEquals(0, pad[3 * 5 + 4]);
    assertArrayEquals(tok.encode(titles[0], 4), java.util.Arrays.copyOf(pad, 3));
    var emb = (ItemRepresentation.Embedding) ItemRepresentation.load(ds,
        ReprSpec.parse("embedding"));
    assertEquals(3, emb.dim());
    assertArrayEquals(v, emb.vectors());
    var sid = (ItemRepresentation.SemanticIds) ItemRepresentation.load(ds, ReprSpec.parse("sid"));
    assertEquals(3, sid.length());
    assertTrue(sid.cardinality()[0] <= 3 && sid.cardinality()[1] <= 3);
    assertEquals(sid.cardinality()[0] + sid.cardinality()[1] + sid.cardinality()[2],
        sid.offsets()[3]);

    Dataset fds = ds;
    var e = assertThrows(RuntimeException.class,
        () -> ItemRepresentation.load(fds, ReprSpec.parse("embedding:emb_big")));
    assertTrue(e.getMessage().contains("VECTOR columns: [emb_minilm] (create it with 'recompose"
        + " repr embed')"), e.getMessage());
    var e2 = assertThrows(RuntimeException.class,
        () -> ItemRepresentation.load(fds, ReprSpec.parse("sid:tok_title")));
    assertTrue(e2.getMessage().contains("items.tok_title is not a semantic-ID column")
        && e2.getMessage().contains("semantic-ID columns: [sid]"), e2.getMessage());
  }
}
