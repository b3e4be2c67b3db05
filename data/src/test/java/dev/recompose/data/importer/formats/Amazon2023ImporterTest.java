package dev.recompose.data.importer.formats;

import static dev.recompose.data.importer.formats.Amazon2014ImporterTest.gzip;
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

class Amazon2023ImporterTest {
  @TempDir Path tmp;

  @Test
  void itemsAreKeyedByParentAsinAndTimesAreSeconds() throws IOException {
    Manifest m = new Amazon2023Importer().run(ImportRequest.of(fixture("amazon-2023"),
        tmp.resolve("ds")));
    assertEquals("amazon-2023-All_Beauty", m.name());
    assertEquals(2, m.counts().users());
    assertEquals(2, m.counts().items(), "two variants share parent B08BZ63GMJ");
    assertEquals(3, m.counts().interactions());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertEquals(List.of("B08BZ63GMJ", "B00YQ6X8EO", "B08BZ63GMJ"),
        tokens(ds, "item", inter.scalar("item").toIntArray()));
    assertArrayEquals(new long[] {1588615855L, 1588687728L, 1589665266L},
        inter.scalar("timestamp").toLongArray(), "milliseconds floored to seconds");
    assertArrayEquals(new float[] {4, 5, 1}, inter.scalar("rating").toFloatArray());
    Table items = ds.table(StoreLayout.ITEMS);
    int clips = ds.vocab("item").code("B08BZ63GMJ");
    int mist = ds.vocab("item").code("B00YQ6X8EO");
    assertEquals("Hair Clips, 8 pcs", items.text("title").get(clips));
    assertEquals("Strong grip\nNo slip", items.text("features").get(clips));
    assertEquals("Clips for thick hair.", items.text("description").get(clips));
    assertEquals(9.99f, items.scalar("price").getFloat(clips));
    assertEquals("Clipsy", ds.vocab("item_store").token(items.scalar("store").getInt(clips)));
    assertEquals(-1, items.scalar("store").getInt(mist), "store null");
    assertEquals("All Beauty",
        ds.vocab("item_main_category").token(items.scalar("main_category").getInt(mist)));
    assertEquals(List.of("Beauty & Personal Care", "Hair Care"),
        tokens(ds, "item_categories", items.list("categories").ints(clips)));
    RowReport meta = report(m, "meta_All_Beauty.jsonl");
    assertEquals(Map.of("item not in reviews", 1L), meta.dropped());
    assertEquals("parent_asin", m.provenance().notes().get("item_key"));
  }

  @Test
  void itemKeyAsinGivesEveryVariantItsParentsMetadata() throws IOException {
    Manifest m = new Amazon2023Importer().run(ImportRequest.of(fixture("amazon-2023"),
        tmp.resolve("ds")).withOptions(Map.of("item-key", "asin")));
    assertEquals(3, m.counts().items());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table items = ds.table(StoreLayout.ITEMS);
    assertEquals("Hair Clips, 8 pcs", items.text("title").get(ds.vocab("item").code("B081TJ8YS3")));
    assertEquals("Hair Clips, 8 pcs", items.text("title").get(ds.vocab("item").code("B097R46CSY")));
    assertEquals("0", m.provenance().notes().get("items_without_meta"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Amazon2023Importer().run(ImportRequest.of(fixture("amazon-2023"),
            tmp.resolve("x")).withOptions(Map.of("item-key", "sku"))));
    assertEquals("item-key: expected parent_asin or asin, found 'sku'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Amazon2023Importer().run(ImportRequest.of(fixture("amazon-2023"),
            tmp.resolve("x")).withOptions(Map.of("five-core", "true"))));
    assertTrue(e.getMessage().startsWith("unknown option 'five-core' for format amazon-2023"),
        e.getMessage());
  }

  @Test
  void readsGzippedFilesAndVerifiedOnly() throws IOException {
    Path dir = tmp.resolve("gz");
    Files.createDirectories(dir);
    gzip(fixture("amazon-2023").resolve("All_Beauty.jsonl"), dir.resolve("All_Beauty.jsonl.gz"));
    gzip(fixture("amazon-2023").resolve("meta_All_Beauty.jsonl"),
        dir.resolve("meta_All_Beauty.jsonl.gz"));
    Manifest m = new Amazon2023Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))
        .withOptions(Map.of("verified-only", "true")));
    assertEquals(2, m.counts().interactions());
    assertEquals("meta_All_Beauty.jsonl.gz", m.provenance().notes().get("meta"));
    assertEquals(1L, report(m, "All_Beauty.jsonl.gz").dropped()
        .get("not a verified purchase (verified-only)"));
  }

  @Test
  void malformedRowsNameFileLineAndField() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("All_Beauty.jsonl"),
        "{\"rating\": 5.0, \"asin\": \"A\", \"parent_asin\": \"P\", \"user_id\": \"U\","
            + " \"timestamp\": 1588687728923}\n"
            + "{\"rating\": 5.0, \"asin\": \"A\", \"user_id\": \"U\", \"timestamp\": 1}\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new Amazon2023Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("All_Beauty.jsonl:2: field 'parent_asin': expected a non-empty string, but the"
        + " field is missing", e.getMessage());
    Files.writeString(dir.resolve("All_Beauty.jsonl"),
        "{\"rating\": 5.0, \"asin\": \"A\", \"parent_asin\": \"P\", \"user_id\": \"U\","
            + " \"timestamp\": 1.5e12}\n");
    e = assertThrows(DataFormatException.class,
        () -> new Amazon2023Importer().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("All_Beauty.jsonl:1: field 'timestamp': expected an integer, found '1.5E12'",
        e.getMessage());
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("All_Beauty.jsonl"),
        Files.readString(dir.resolve("All_Beauty.jsonl")) + "{\"rating\": 5.0,\n"
            + "{\"rating\": \"x\", \"asin\": \"A\", \"parent_asin\": \"P\", \"user_id\": \"U\","
            + " \"timestamp\": 1}\n");
    Manifest m = new Amazon2023Importer()
        .run(ImportRequest.of(dir, tmp.resolve("ds")).withPolicy(BadRowPolicy.SKIP));
    RowReport r = report(m, "All_Beauty.jsonl");
    assertEquals(5, r.read());
    assertEquals(3, r.kept());
    assertEquals(Map.of("malformed, skipped: expected a JSON object", 1L,
        "malformed, skipped: expected a number", 1L), r.dropped());
    assertEquals(3, m.counts().interactions());
  }

  private Path copyFixture() throws IOException {
    Path dir = tmp.resolve("src");
    Files.createDirectories(dir);
    for (String f : new String[] {"All_Beauty.jsonl", "meta_All_Beauty.jsonl"}) {
      Files.copy(fixture("amazon-2023").resolve(f), dir.resolve(f));
    }
    return dir;
  }
}
