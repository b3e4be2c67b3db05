package dev.recompose.data.importer.formats;

import static dev.recompose.data.importer.formats.MindImporterTest.fixture;
import static dev.recompose.data.importer.formats.MindImporterTest.report;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.importer.BadRowPolicy;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Amazon2014ImporterTest {
  @TempDir Path tmp;

  @Test
  void importsReviewsAndPythonLiteralMeta() throws IOException {
    Manifest m = new Amazon2014Importer().run(ImportRequest.of(fixture("amazon-2014"),
        tmp.resolve("ds")));
    assertEquals("amazon-2014-Beauty_5", m.name());
    assertEquals(2, m.counts().users());
    assertEquals(3, m.counts().items());
    assertEquals(4, m.counts().interactions());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    // A1 reviewed B002 before B001; A2's two reviews share a time and keep file order
    assertEquals(List.of("B002", "B001", "B001", "B003"), tokens(ds, "item",
        inter.scalar("item").toIntArray()));
    assertArrayEquals(new float[] {3, 5, 4, 1}, inter.scalar("rating").toFloatArray());
    assertArrayEquals(new long[] {1380000000L, 1390000000L, 1400000000L, 1400000000L},
        inter.scalar("timestamp").toLongArray());

    Table items = ds.table(StoreLayout.ITEMS);
    int b1 = ds.vocab("item").code("B001");
    int b2 = ds.vocab("item").code("B002");
    int b3 = ds.vocab("item").code("B003");
    assertEquals("Rose \u2019 Oil", items.text("title").get(b1), "Python 2 UTF-8 byte escapes");
    assertEquals("It's a rose oil.", items.text("description").get(b1));
    assertEquals("Acme", ds.vocab("item_brand").token(items.scalar("brand").getInt(b1)));
    assertEquals(12.5f, items.scalar("price").getFloat(b1));
    assertEquals(List.of("Beauty", "Skin Care", "Oils", "Fragrance"),
        tokens(ds, "item_categories", items.list("categories").ints(b1)));
    assertEquals("Caf\u00e9 Soap", items.text("title").get(b2));
    assertEquals(-1, items.scalar("brand").getInt(b2), "empty brand is no brand");
    assertTrue(Float.isNaN(items.scalar("price").getFloat(b2)), "price None");
    assertFalse(items.text("title").has(b3), "B003 has no metadata row");
    assertTrue(Float.isNaN(items.scalar("price").getFloat(b3)));

    Map<String, String> notes = m.provenance().notes();
    assertEquals("1", notes.get("items_without_meta"));
    assertEquals("2", notes.get("items_with_meta"));
    assertEquals("1", notes.get("meta_duplicates"));
    assertEquals("Beauty", notes.get("category"));
    RowReport meta = report(m, "meta_Beauty.json");
    assertEquals(4, meta.read());
    assertEquals(2, meta.kept());
    assertEquals(Map.of("item not in reviews", 1L, "duplicate asin, first row kept", 1L),
        meta.dropped());
    RowReport rev = report(m, "reviews_Beauty_5.json");
    assertEquals(4, rev.read(), "the blank line is not a row");
    assertEquals(4, rev.kept());
    assertEquals(2, m.provenance().files().size());
  }

  @Test
  void acceptsTheReviewFileItselfAndGzip() throws IOException {
    Manifest direct = new Amazon2014Importer().run(ImportRequest.of(
        fixture("amazon-2014").resolve("reviews_Beauty_5.json"), tmp.resolve("a")));
    assertEquals(4, direct.counts().interactions());
    assertEquals("meta_Beauty.json", direct.provenance().notes().get("meta"));
    Path dir = tmp.resolve("gz");
    Files.createDirectories(dir);
    gzip(fixture("amazon-2014").resolve("reviews_Beauty_5.json"),
        dir.resolve("reviews_Beauty_5.json.gz"));
    gzip(fixture("amazon-2014").resolve("meta_Beauty.json"), dir.resolve("meta_Beauty.json.gz"));
    Manifest gz = new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("b")));
    assertEquals(4, gz.counts().interactions());
    assertEquals("2", gz.provenance().notes().get("items_with_meta"));
    assertEquals(Files.size(dir.resolve("reviews_Beauty_5.json.gz")),
        gz.provenance().files().get(0).bytes(), "checksum of the file as distributed");
  }

  @Test
  void folderWithSeveralCategoriesNeedsAChoice() throws IOException {
    Path dir = tmp.resolve("src");
    Files.createDirectories(dir);
    Path f = fixture("amazon-2014").resolve("reviews_Beauty_5.json");
    Files.copy(f, dir.resolve("reviews_Beauty_5.json"));
    Files.copy(f, dir.resolve("reviews_Beauty.json"));
    Files.copy(fixture("amazon-2014").resolve("meta_Beauty.json"), dir.resolve("meta_Beauty.json"));
    Files.writeString(dir.resolve("reviews_Toys_and_Games_5.json"),
        "{\"reviewerID\": \"T1\", \"asin\": \"X1\", \"overall\": 2, \"unixReviewTime\": 5}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertTrue(e.getMessage().contains("holds several review files: [Beauty, Beauty_5,"
        + " Toys_and_Games_5]; choose one with --option category=NAME"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))
            .withOptions(Map.of("category", "Beauty"))));
    assertTrue(e.getMessage().contains("[Beauty, Beauty_5]"), e.getMessage());
    Manifest five = new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("five"))
        .withOptions(Map.of("category", "Beauty", "five-core", "true")));
    assertEquals("amazon-2014-Beauty_5", five.name());
    assertEquals("meta_Beauty.json", five.provenance().notes().get("meta"));
    Manifest toys = new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("toys"))
        .withOptions(Map.of("category", "Toys_and_Games")));
    assertEquals(1, toys.counts().interactions());
    assertTrue(toys.provenance().notes().get("meta").startsWith("absent"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("x"))
            .withOptions(Map.of("category", "Books"))));
    assertTrue(e.getMessage().contains("no review files named like reviews_Beauty_5.json.gz for"
        + " category 'Books'"), e.getMessage());
  }

  @Test
  void malformedJsonAndMissingFieldsAreReportedWithFileLineAndField() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("reviews_Beauty_5.json"),
        "{\"reviewerID\": \"A1\", \"asin\": \"B001\", \"overall\": 5.0, \"unixReviewTime\": 1}\n"
            + "{\"reviewerID\": \"A1\", \"asin\": \"B002\" \"overall\": 5.0}\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("reviews_Beauty_5.json:2: expected a JSON object (Unexpected character ('\"'"
        + " (code 34)): was expecting comma to separate Object entries at column 37), found"
        + " '{\"reviewerID\": \"A1\", \"asin\": \"B002\" \"overall\": 5.0}'", e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("ds")));

    Files.writeString(dir.resolve("reviews_Beauty_5.json"),
        "{\"reviewerID\": \"A1\", \"overall\": 5.0, \"unixReviewTime\": 1}\n");
    e = assertThrows(DataFormatException.class,
        () -> new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("reviews_Beauty_5.json:1: field 'asin': expected a non-empty string, but the"
        + " field is missing", e.getMessage());

    Files.writeString(dir.resolve("reviews_Beauty_5.json"),
        "{\"reviewerID\": \"A1\", \"asin\": \"B001\", \"overall\": 5.0, \"unixReviewTime\":"
            + " \"Jan 1\"}\n");
    e = assertThrows(DataFormatException.class,
        () -> new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("reviews_Beauty_5.json:1: field 'unixReviewTime': expected an integer, found"
        + " 'Jan 1'", e.getMessage());

    Files.copy(fixture("amazon-2014").resolve("reviews_Beauty_5.json"),
        dir.resolve("reviews_Beauty_5.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("meta_Beauty.json"), "{'asin': 'B001', 'title': 'Rose}\n");
    e = assertThrows(DataFormatException.class,
        () -> new Amazon2014Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("meta_Beauty.json:1: expected a Python dict literal (expected a closing quote '"
        + " for the string at column 27), found '{'asin': 'B001', 'title': 'Rose}'",
        e.getMessage());
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("reviews_Beauty_5.json"),
        "{\"reviewerID\": \"A1\", \"asin\": \"B001\", \"overall\": 5.0, \"unixReviewTime\": 1}\n"
            + "{\"reviewerID\": \"A1\", \"asin\": \"B002\" \"overall\": 5.0}\n"
            + "[1, 2]\n"
            + "{\"reviewerID\": \"A2\", \"asin\": \"B003\", \"overall\": 9, \"unixReviewTime\": 1}\n"
            + "{\"reviewerID\": \"A3\", \"overall\": 5.0, \"unixReviewTime\": 1}\n");
    Files.writeString(dir.resolve("meta_Beauty.json"),
        Files.readString(dir.resolve("meta_Beauty.json")) + "{'asin': 'B001', 'title': }\n");
    Manifest m = new Amazon2014Importer()
        .run(ImportRequest.of(dir, tmp.resolve("ds")).withPolicy(BadRowPolicy.SKIP));
    RowReport r = report(m, "reviews_Beauty_5.json");
    assertEquals(5, r.read());
    assertEquals(1, r.kept());
    assertEquals(Map.of("malformed, skipped: expected a JSON object", 2L,
        "malformed, skipped: expected a rating from 1 to 5", 1L,
        "malformed, skipped: expected a non-empty string, but the field is missing", 1L),
        r.dropped());
    assertEquals(1, m.counts().users());
    assertEquals(1, m.counts().items());
    RowReport meta = report(m, "meta_Beauty.json");
    assertEquals(5, meta.read());
    assertEquals(1L, meta.dropped().get("malformed, skipped: expected a Python dict literal"));
  }

  static void gzip(Path from, Path to) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, out);
    }
  }

  static List<String> tokens(Dataset ds, String vocab, int[] codes) throws IOException {
    var v = ds.vocab(vocab);
    List<String> out = new ArrayList<>();
    for (int c : codes) {
      out.add(v.token(c));
    }
    return out;
  }

  private Path copyFixture() throws IOException {
    Path dir = tmp.resolve("src");
    Files.createDirectories(dir);
    for (String f : new String[] {"reviews_Beauty_5.json", "meta_Beauty.json"}) {
      Files.copy(fixture("amazon-2014").resolve(f), dir.resolve(f));
    }
    return dir;
  }
}
