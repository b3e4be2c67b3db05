package dev.recompose.data.importer.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.importer.BadRowPolicy;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImporterRegistry;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLens1mImporterTest {
  @TempDir Path tmp;

  @Test
  void importsFixtureWithTitlesGenresAndUserFeatures() throws IOException {
    Manifest m = new MovieLens1mImporter()
        .run(ImportRequest.of(Fixtures.fixture("movielens-1m"), tmp.resolve("ds")));
    assertEquals(2, m.counts().users());
    assertEquals(4, m.counts().items(), "3 described movies + movie 9 seen only in ratings");
    assertEquals(5, m.counts().interactions());
    assertEquals("1", m.provenance().notes().get("items_without_text"));
    assertEquals("0", m.provenance().notes().get("users_without_features"));
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertArrayEquals(new int[] {0, 0, 1, 1, 1}, inter.scalar("user").toIntArray());
    // user 1 in time order: movie 1 (3 stars) then movie 2 (5); user 2: 3, 1, 9
    assertArrayEquals(new float[] {3, 5, 1, 4, 2}, inter.scalar("rating").toFloatArray());
    assertEquals(978298400L, inter.scalar("timestamp").getLong(2));
    Table items = ds.table(StoreLayout.ITEMS);
    int amelie = ds.vocab("item").code("2");
    assertEquals("Amélie", items.text("title").get(amelie), "latin-1 decoded, year stripped");
    assertEquals(2001f, items.scalar("year").getFloat(amelie));
    int[] g = items.list("genres").ints(amelie);
    assertEquals("Comedy", ds.vocab("item_genres").token(g[0]));
    assertEquals("Romance", ds.vocab("item_genres").token(g[1]));
    int untitled = ds.vocab("item").code("3");
    assertEquals("Untitled Project", items.text("title").get(untitled));
    assertTrue(Float.isNaN(items.scalar("year").getFloat(untitled)));
    assertEquals("", items.text("title").get(ds.vocab("item").code("9")));
    Table users = ds.table(StoreLayout.USERS);
    int u2 = ds.vocab("user").code("2");
    assertEquals(56f, users.scalar("age").getFloat(u2));
    assertEquals("56+", ds.vocab("user_age_group").token(users.scalar("age_group").getInt(u2)));
    assertEquals("self-employed",
        ds.vocab("user_occupation").token(users.scalar("occupation").getInt(u2)));
    int u1 = ds.vocab("user").code("1");
    assertEquals("K-12 student",
        ds.vocab("user_occupation").token(users.scalar("occupation").getInt(u1)));
    assertEquals(3, m.provenance().files().size());
    assertEquals("movielens-1m", ImporterRegistry.get("movielens-1m").format());
  }

  @Test
  void malformedRatingFailsWithFileLineColumn() throws IOException {
    Path dir = Fixtures.copy("movielens-1m", tmp);
    Files.writeString(dir.resolve("ratings.dat"), "1::2::5::978300760\n1::1::9::978300700\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new MovieLens1mImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("ratings.dat:2: column 3 (Rating): expected a rating 1..5, found '9'",
        e.getMessage());
    Files.writeString(dir.resolve("users.dat"), "1::F::1::10::48067\n2::M::56::21::70072\n");
    e = assertThrows(DataFormatException.class,
        () -> new MovieLens1mImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("users.dat:2: column 4 (Occupation): expected an occupation code 0-20,"
        + " found '21'", e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("ds")));
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path dir = Fixtures.copy("movielens-1m", tmp);
    Files.writeString(dir.resolve("ratings.dat"),
        "1::2::5::978300760\n1::1::x::978300700\n2::1\n2::1::4::978298413\n");
    Manifest m = new MovieLens1mImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))
        .withPolicy(BadRowPolicy.SKIP).withOptions(Map.of("min-rating", "5")));
    RowReport r = Fixtures.report(m, "ratings.dat");
    assertEquals(4, r.read());
    assertEquals(2, r.kept());
    assertEquals(Map.of("malformed, skipped: expected an integer", 1L,
        "malformed, skipped: expected 4 fields (UserID, MovieID, Rating, Timestamp)", 1L),
        r.dropped());
    assertEquals(1, m.counts().interactions(), "min-rating 5 keeps the 5-star row");
  }
}
