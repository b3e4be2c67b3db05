package dev.recompose.data.importer.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.bench.MovieLensCsvImportBench;
import dev.recompose.data.importer.BadRowPolicy;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImporterRegistry;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.data.store.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensCsvImporterTest {
  @TempDir Path tmp;

  private static List<String> tokens(Dataset ds, String vocab, int[] codes) throws IOException {
    Vocabulary v = ds.vocab(vocab);
    return java.util.Arrays.stream(codes).mapToObj(v::token).toList();
  }

  @Test
  void importsQuotedTitlesGenresAndTags() throws IOException {
    Manifest m = new MovieLensCsvImporter()
        .run(ImportRequest.of(Fixtures.fixture("movielens-csv"), tmp.resolve("ds")));
    assertEquals(2, m.counts().users());
    assertEquals(4, m.counts().items());
    assertEquals(5, m.counts().interactions());
    assertEquals("movielens-csv", m.name());
    assertEquals("1", m.provenance().notes().get("items_without_text"));
    assertEquals("2", m.provenance().notes().get("items_with_tags"));
    assertEquals("none", m.provenance().notes().get("files_not_read"));
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertEquals(List.of("1", "7"), ds.vocab("user").tokens());
    assertEquals(List.of("1", "11", "210", "999"), ds.vocab("item").tokens());
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertArrayEquals(new int[] {0, 1, 0, 3, 2}, inter.scalar("item").toIntArray(),
        "per user in time order");
    assertArrayEquals(new float[] {3.5f, 4f, 5f, 2.5f, 0.5f}, inter.scalar("rating").toFloatArray());
    Table items = ds.table(StoreLayout.ITEMS);
    assertEquals("American President, The", items.text("title").get(1));
    assertEquals("Kids Say \"Hello\", Again", items.text("title").get(2));
    assertEquals(2019f, items.scalar("year").getFloat(2));
    assertEquals(List.of(), tokens(ds, "item_genres", items.list("genres").ints(2)),
        "(no genres listed) is no genre");
    assertEquals(List.of("Comedy", "Drama", "Romance"),
        tokens(ds, "item_genres", items.list("genres").ints(1)));
    assertEquals(List.of("pixar", "funny, clever"),
        tokens(ds, "item_tags", items.list("tags").ints(0)));
    assertEquals(List.of("politics"), tokens(ds, "item_tags", items.list("tags").ints(1)));
    assertEquals(0, items.list("tags").ints(3).length);
    RowReport tags = Fixtures.report(m, "tags.csv");
    assertEquals(5, tags.read());
    assertEquals(4, tags.kept());
    assertEquals(Map.of("movie in neither movies.csv nor ratings.csv", 1L), tags.dropped());
    assertEquals("movielens-csv", ImporterRegistry.get("movielens-csv").format());
  }

  @Test
  void malformedRowsFailWithFileLineColumn() throws IOException {
    Path dir = Fixtures.copy("movielens-csv", tmp);
    Files.writeString(dir.resolve("ratings.csv"),
        "userId,movieId,rating,timestamp\n1,1,4.0,1147880044\n1,x1,3.5,1147868817\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new MovieLensCsvImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("ratings.csv:3: column 2 (movieId): expected an integer, found 'x1'",
        e.getMessage());
    Files.writeString(dir.resolve("ratings.csv"), "1,1,4.0,1147880044\n");
    e = assertThrows(DataFormatException.class,
        () -> new MovieLensCsvImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("ratings.csv:1: expected the header 'userId,movieId,rating,timestamp',"
        + " found '1,1,4.0,1147880044'", e.getMessage());
    Files.writeString(dir.resolve("ratings.csv"),
        "userId,movieId,rating,timestamp\n1,1,4.0,1147880044\n");
    Files.writeString(dir.resolve("movies.csv"),
        "movieId,title,genres\n1,\"Toy Story (1995),Comedy\n");
    e = assertThrows(DataFormatException.class,
        () -> new MovieLensCsvImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("movies.csv:2: column 2: expected a closing double quote", e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("ds")));
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path dir = Fixtures.copy("movielens-csv", tmp);
    Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n"
        + "1,1,4.0,1147880044\n1,11,7.0,1147868817\n1,11\n1,210,,5\n7,1,3,1400000000\n");
    Manifest m = new MovieLensCsvImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))
        .withPolicy(BadRowPolicy.SKIP));
    RowReport r = Fixtures.report(m, "ratings.csv");
    assertEquals(5, r.read());
    assertEquals(2, r.kept());
    assertEquals(Map.of("malformed, skipped: expected a rating 0.5..5", 1L,
        "malformed, skipped: expected 4 fields (userId,movieId,rating,timestamp)", 1L,
        "malformed, skipped: expected a number", 1L), r.dropped());
    assertEquals(2, m.counts().interactions());
  }

  @Test
  void syntheticReleaseRoundTripsEveryRow() throws IOException {
    Path dir = tmp.resolve("synth");
    MovieLensCsvImportBench.generate(dir, 20_000, 42);
    Manifest m = new MovieLensCsvImporter().run(ImportRequest.of(dir, tmp.resolve("ds")));
    assertEquals(20_000, m.counts().interactions());
    RowReport r = Fixtures.report(m, "ratings.csv");
    assertEquals(20_000, r.read());
    assertEquals(20_000, r.kept());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    long[] ts = ds.table(StoreLayout.INTERACTIONS).scalar("timestamp").toLongArray();
    int[] u = ds.table(StoreLayout.INTERACTIONS).scalar("user").toIntArray();
    for (int i = 1; i < u.length; i++) {
      assertTrue(u[i - 1] < u[i] || (u[i - 1] == u[i] && ts[i - 1] <= ts[i]), "row " + i);
    }
  }

  @Test
  void fastRatingParserAgreesWithFloatParseFloat() {
    for (int w = 0; w <= 9; w++) {
      assertEquals(Float.parseFloat(w + ""), MovieLensCsvImporter.simpleDecimal(w + ""));
      for (int f = 0; f <= 99; f++) {
        String s = w + "." + (f < 10 ? "0" : "") + f;
        assertEquals(Float.parseFloat(s), MovieLensCsvImporter.simpleDecimal(s), s);
        if (f < 10) {
          assertEquals(Float.parseFloat(w + "." + f), MovieLensCsvImporter.simpleDecimal(w + "." + f));
        }
      }
    }
    for (String other : List.of("", "10", "4.", "-1", "4.5e0", "x.5", "4.x", "12.5", " 4")) {
      assertTrue(Float.isNaN(MovieLensCsvImporter.simpleDecimal(other)), other);
    }
  }

  @Test
  void intCodeMapCodesDenseSparseAndNegativeIds() {
    IntCodeMap m = new IntCodeMap();
    int[] ids = {5, 1 << 23, -3, Integer.MIN_VALUE, 0, 5, Integer.MAX_VALUE, -3, 70_000};
    int[] want = {0, 1, 2, 3, 4, 0, 5, 2, 6};
    for (int i = 0; i < ids.length; i++) {
      assertEquals(want[i], m.code(ids[i]), "id " + ids[i]);
    }
    assertEquals(7, m.size());
    assertEquals(-1, m.find(6));
    assertEquals(-1, m.find(-4));
    assertEquals(3, m.find(Integer.MIN_VALUE));
    assertEquals(List.of("5", "8388608", "-3", "-2147483648", "0", "2147483647", "70000"),
        m.toIdIndex().ids());
    for (int i = 0; i < 100_000; i++) {
      m.code(-10 - i);
    }
    assertEquals(100_007, m.size());
    assertEquals(7 + 500, m.find(-510));
  }
}
