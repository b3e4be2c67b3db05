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
import dev.recompose.data.store.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoodreadsImporterTest {
  @TempDir Path tmp;

  private static List<String> tokens(Dataset ds, String field, int item) throws IOException {
    Vocabulary v = ds.vocab("item_" + field);
    return Arrays.stream(ds.table(StoreLayout.ITEMS).list(field).ints(item)).mapToObj(v::token)
        .toList();
  }

  @Test
  void importsInteractionsAndBooksFromJsonLines() throws IOException {
    Manifest m = new GoodreadsImporter()
        .run(ImportRequest.of(Fixtures.fixture("goodreads"), tmp.resolve("ds")));
    assertEquals("goodreads-poetry", m.name());
    assertEquals(2, m.counts().users());
    assertEquals(3, m.counts().items());
    assertEquals(4, m.counts().interactions());
    assertEquals("1", m.provenance().notes().get("books_without_text"));
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertArrayEquals(new long[] {1325548799L, 1366384515L, 1501570800L, 1503694502L},
        inter.scalar("timestamp").toLongArray(), "date_added in Unix seconds, time order");
    assertArrayEquals(new float[] {0, 4, 5, 3}, inter.scalar("rating").toFloatArray());
    assertArrayEquals(new byte[] {0, 1, 1, 1}, inter.scalar("label").toByteArray());
    Vocabulary item = ds.vocab("item");
    Table items = ds.table(StoreLayout.ITEMS);
    int cats = item.code("402128");
    assertEquals("Old Possum's Book of Practical Cats", items.text("title").get(cats));
    assertTrue(items.text("description").get(cats).startsWith("T. S. Eliot's playful"));
    assertEquals(1982f, items.scalar("year").getFloat(cats));
    assertEquals(List.of("to-read", "poetry", "classics", "favorites", "fiction"),
        tokens(ds, "shelves", cats));
    assertEquals(List.of("18540", "21578"), tokens(ds, "authors", cats));
    int odes = item.code("1384");
    assertEquals("Odes à l'automne", items.text("title").get(odes));
    assertTrue(Float.isNaN(items.scalar("year").getFloat(odes)));
    assertEquals("", items.text("title").get(item.code("77")));
    RowReport books = Fixtures.report(m, "goodreads_books_poetry.json.gz");
    assertEquals(3, books.read());
    assertEquals(Map.of("book without interactions", 1L), books.dropped());
    assertEquals("goodreads", ImporterRegistry.get("goodreads").format());
  }

  @Test
  void shelvesOptionAndMinRating() throws IOException {
    Manifest m = new GoodreadsImporter().run(ImportRequest.of(Fixtures.fixture("goodreads"),
        tmp.resolve("ds")).withOptions(Map.of("shelves", "2", "min-rating", "1")));
    assertEquals(3, m.counts().interactions(), "the unrated shelving is filtered out");
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertEquals(List.of("to-read", "poetry"), tokens(ds, "shelves", ds.vocab("item").code("402128")));
  }

  @Test
  void picksFilesByGenreAndExplainsAmbiguity() throws IOException {
    Path dir = Fixtures.copy("goodreads", tmp);
    Files.copy(dir.resolve("goodreads_interactions_poetry.json"),
        dir.resolve("goodreads_interactions_comics_graphic.json.gz"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GoodreadsImporter.pick(dir, Map.of()));
    assertEquals("goodreads: several interactions files in " + dir + "; found"
        + " [goodreads_interactions_comics_graphic.json.gz, goodreads_interactions_poetry.json];"
        + " pick one with --option genre=... or interactions=FILE", e.getMessage());
    GoodreadsImporter.Selection s = GoodreadsImporter.pick(dir, Map.of("genre", "poetry"));
    assertEquals(dir.resolve("goodreads_interactions_poetry.json"), s.interactions());
    assertEquals(dir.resolve("goodreads_books_poetry.json.gz"), s.books());
    s = GoodreadsImporter.pick(dir, Map.of("genre", "poetry", "books", "none"));
    assertEquals(null, s.books());
    e = assertThrows(IllegalArgumentException.class,
        () -> GoodreadsImporter.pick(dir, Map.of("genre", "history")));
    assertTrue(e.getMessage().startsWith("goodreads: no interactions files for genre 'history'"),
        e.getMessage());
  }

  @Test
  void malformedLinesFailWithFileLineField() throws IOException {
    Path dir = Fixtures.copy("goodreads", tmp);
    Path f = dir.resolve("goodreads_interactions_poetry.json");
    List<String> lines = Files.readAllLines(f);
    Files.write(f, List.of(lines.get(0), lines.get(1).replace("\"rating\": 0", "\"rating\": 7")));
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new GoodreadsImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("goodreads_interactions_poetry.json:2: field 'rating': expected an integer 0..5,"
        + " found '7'", e.getMessage());
    Files.write(f, List.of(lines.get(0), "", lines.get(1).replace("Jan 02", "Jan 32")));
    e = assertThrows(DataFormatException.class,
        () -> new GoodreadsImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("goodreads_interactions_poetry.json:3: field 'date_added': expected a date like"
        + " 'Fri Aug 25 13:55:02 -0700 2017', found 'Mon Jan 32 23:59:59 +0000 2012'",
        e.getMessage());
    Files.write(f, List.of(lines.get(0), "{\"user_id\": \"u\", \"book_id\": "));
    e = assertThrows(DataFormatException.class,
        () -> new GoodreadsImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("goodreads_interactions_poetry.json:2: expected a JSON object,"
        + " found '{\"user_id\": \"u\", \"book_id\": '", e.getMessage());
  }

  @Test
  void skipPolicyCountsBadLines() throws IOException {
    Path dir = Fixtures.copy("goodreads", tmp);
    Path f = dir.resolve("goodreads_interactions_poetry.json");
    List<String> lines = Files.readAllLines(f);
    Files.write(f, List.of(lines.get(0), "[1, 2]", lines.get(1).replace("\"is_read\": false",
        "\"is_read\": \"no\""), lines.get(2).replace("\"user_id\": \"72fb0d0087d28c832f15776b0d936598\"", "\"user_id\": \"\""), lines.get(3)));
    Manifest m = new GoodreadsImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))
        .withPolicy(BadRowPolicy.SKIP));
    RowReport r = Fixtures.report(m, "goodreads_interactions_poetry.json");
    assertEquals(5, r.read());
    assertEquals(2, r.kept());
    assertEquals(Map.of("malformed, skipped: expected a JSON object", 1L,
        "malformed, skipped: expected true or false", 1L,
        "malformed, skipped: expected a non-empty string", 1L), r.dropped());
  }

  @Test
  void datesParseLikeTheirRubyFormat() {
    assertEquals(1503694502L, GoodreadsDates.parse("Fri Aug 25 13:55:02 -0700 2017"));
    assertEquals(1501570800L, GoodreadsDates.parse("Tue Aug 1 09:00:00 +0200 2017"));
    assertEquals(0L, GoodreadsDates.parse("Thu Jan 01 05:30:00 +0530 1970"));
    assertThrows(IllegalArgumentException.class, () -> GoodreadsDates.parse("2017-08-25"));
    assertThrows(IllegalArgumentException.class,
        () -> GoodreadsDates.parse("Fri Feb 30 13:55:02 -0700 2017"));
  }
}
