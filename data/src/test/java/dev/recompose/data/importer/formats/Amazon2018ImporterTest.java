package dev.recompose.data.importer.formats;

import static dev.recompose.data.importer.formats.Amazon2014ImporterTest.tokens;
import static dev.recompose.data.importer.formats.MindImporterTest.fixture;
import static dev.recompose.data.importer.formats.MindImporterTest.report;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Amazon2018ImporterTest {
  @TempDir Path tmp;

  @Test
  void importsReviewsAndMetaKeepingTheFirstOfDuplicatedMetaRows() throws IOException {
    Manifest m = new Amazon2018Importer().run(ImportRequest.of(fixture("amazon-2018"),
        tmp.resolve("ds")));
    assertEquals("amazon-2018-Luxury_Beauty_5", m.name());
    assertEquals(2, m.counts().users());
    assertEquals(3, m.counts().items());
    assertEquals(4, m.counts().interactions());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertEquals(List.of("L01", "L02", "L02", "L03"),
        tokens(ds, "item", inter.scalar("item").toIntArray()));
    assertArrayEquals(new float[] {5, 2, 4, 3}, inter.scalar("rating").toFloatArray());

    Table items = ds.table(StoreLayout.ITEMS);
    var item = ds.vocab("item");
    int l1 = item.code("L01");
    int l2 = item.code("L02");
    int l3 = item.code("L03");
    assertEquals("Night Serum", items.text("title").get(l1), "first of the duplicated rows");
    assertEquals("A serum.\nUse daily.", items.text("description").get(l1));
    assertEquals(1299f, items.scalar("price").getFloat(l1), "\"$1,299.00\"");
    assertTrue(Float.isNaN(items.scalar("price").getFloat(l2)), "a price range is not a price");
    assertEquals(12.99f, items.scalar("price").getFloat(l3));
    assertEquals("Aqua", ds.vocab("item_brand").token(items.scalar("brand").getInt(l3)));
    assertEquals("Luxury Beauty",
        ds.vocab("item_main_cat").token(items.scalar("main_cat").getInt(l2)));
    assertEquals(List.of("Luxury Beauty", "Skin Care"),
        tokens(ds, "item_categories", items.list("categories").ints(l2)));
    assertEquals(0, items.list("categories").length(l1));

    Map<String, String> notes = m.provenance().notes();
    assertEquals("1", notes.get("meta_duplicates"));
    assertEquals("1", notes.get("price_unparsed"));
    assertEquals("0", notes.get("items_without_meta"));
    RowReport meta = report(m, "meta_Luxury_Beauty.json");
    assertEquals(4, meta.read());
    assertEquals(3, meta.kept());
    assertEquals(Map.of("duplicate asin, first row kept", 1L), meta.dropped());
  }

  @Test
  void verifiedOnlyDropsUnverifiedReviewsWithAReason() throws IOException {
    Manifest m = new Amazon2018Importer().run(ImportRequest.of(fixture("amazon-2018"),
        tmp.resolve("ds")).withOptions(Map.of("verified-only", "true")));
    assertEquals(3, m.counts().interactions());
    RowReport r = report(m, "Luxury_Beauty_5.json");
    assertEquals(4, r.read());
    assertEquals(3, r.kept());
    assertEquals(Map.of("not a verified purchase (verified-only)", 1L), r.dropped());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Amazon2018Importer().run(ImportRequest.of(fixture("amazon-2018"),
            tmp.resolve("x")).withOptions(Map.of("verified-only", "maybe"))));
    assertEquals("verified-only: expected true or false, found 'maybe'", e.getMessage());
  }

  @Test
  void malformedFieldsNameFileLineAndField() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("Luxury_Beauty_5.json"),
        "{\"overall\": \"five\", \"reviewerID\": \"R1\", \"asin\": \"L01\", \"unixReviewTime\": 1}\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new Amazon2018Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("Luxury_Beauty_5.json:1: field 'overall': expected a number, found 'five'",
        e.getMessage());
    Files.writeString(dir.resolve("Luxury_Beauty_5.json"),
        "{\"overall\": 7, \"reviewerID\": \"R1\", \"asin\": \"L01\", \"unixReviewTime\": 1}\n");
    e = assertThrows(DataFormatException.class,
        () -> new Amazon2018Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("Luxury_Beauty_5.json:1: field 'overall': expected a rating from 1 to 5, found"
        + " '7.0'", e.getMessage());
    Files.writeString(dir.resolve("Luxury_Beauty_5.json"),
        "{\"overall\": 4, \"reviewerID\": null, \"asin\": \"L01\", \"unixReviewTime\": 1}\n");
    e = assertThrows(DataFormatException.class,
        () -> new Amazon2018Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("Luxury_Beauty_5.json:1: field 'reviewerID': expected a non-empty string, found"
        + " 'null'", e.getMessage());
    Files.writeString(dir.resolve("Luxury_Beauty_5.json"),
        "{\"overall\": 4, \"reviewerID\": \"R1\", \"asin\": \"L01\", \"unixReviewTime\": 1} x\n");
    e = assertThrows(DataFormatException.class,
        () -> new Amazon2018Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertTrue(e.getMessage().startsWith("Luxury_Beauty_5.json:1: expected a JSON object ("),
        e.getMessage());
  }

  @Test
  void skipPolicyCountsBadMetaRows() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("meta_Luxury_Beauty.json"),
        "{\"title\": \"no asin\"}\n"
            + "{\"asin\": \"L02\", \"title\": \"Day Cream\", \"description\": {\"a\": 1}}\n"
            + "{\"asin\": \"L03\", \"title\": \"Toner\", \"category\": [\"Luxury Beauty\"]}\n"
            + "{\"asin\": \"L01\", \"title\": \"Night Serum\"\n");
    Manifest m = new Amazon2018Importer()
        .run(ImportRequest.of(dir, tmp.resolve("ds")).withPolicy(BadRowPolicy.SKIP));
    RowReport meta = report(m, "meta_Luxury_Beauty.json");
    assertEquals(4, meta.read());
    assertEquals(1, meta.kept());
    assertEquals(Map.of(
        "malformed, skipped: expected a JSON object", 1L,
        "malformed, skipped: expected a non-empty string, but the field is missing", 1L,
        "malformed, skipped: expected a string or a list of strings", 1L), meta.dropped());
    assertEquals("2", m.provenance().notes().get("items_without_meta"));
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertTrue(!ds.table("items").text("title").has(ds.vocab("item").code("L02")),
        "a rejected row writes nothing");
  }

  private Path copyFixture() throws IOException {
    Path dir = tmp.resolve("src");
    Files.createDirectories(dir);
    for (String f : new String[] {"Luxury_Beauty_5.json", "meta_Luxury_Beauty.json"}) {
      Files.copy(fixture("amazon-2018").resolve(f), dir.resolve(f));
    }
    return dir;
  }
}
