package dev.recompose.data.importer.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.SharedData;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MindImporterTest {
  @TempDir Path tmp;

  static Path fixture(String name) {
    return Path.of("src/test/resources/fixtures").resolve(name);
  }

  static RowReport report(Manifest m, String file) {
    return m.provenance().rows().stream().filter(r -> r.file().equals(file)).findFirst()
        .orElseThrow(() -> new AssertionError("no report for " + file + ": "
            + m.provenance().rows()));
  }

  @Test
  void importsImpressionsAsImpressionsAndAsLabelledInteractions() throws IOException {
    Manifest m = ImporterRegistry.get("mind").run(ImportRequest.of(fixture("mind"),
        tmp.resolve("ds")));
    assertEquals(2, m.counts().users());
    assertEquals(5, m.counts().items(), "3 news rows + N9 (history only) + N8 (candidate only)");
    assertEquals(7, m.counts().interactions(), "one row per shown candidate");
    assertEquals(3, m.counts().impressions());
    Map<String, String> notes = m.provenance().notes();
    assertEquals("logged", notes.get("negatives"));
    assertEquals("2", notes.get("items_without_text"));
    assertEquals("3", notes.get("clicks"));
    assertEquals("1", notes.get("empty_histories"));

    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Vocabulary item = ds.vocab("item");
    assertEquals(java.util.List.of("N1", "N2", "N3", "N9", "N8"), item.tokens());
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    // U1's impression 3 (Nov 11) comes before impression 1 (Nov 12): grouped by user, by time
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1}, inter.scalar("user").toIntArray());
    assertArrayEquals(new int[] {2, 1, 1, 2, 4, 0, 2}, inter.scalar("item").toIntArray());
    assertArrayEquals(new byte[] {1, 0, 1, 0, 0, 0, 1}, inter.scalar("label").toByteArray());
    assertArrayEquals(new long[] {1573464605L, 1573464605L, 1573568086L, 1573568086L,
        1573568086L, 1573632000L, 1573632000L}, inter.scalar("timestamp").toLongArray());
    assertFalse(inter.has("rating"));

    Table imp = ds.table(StoreLayout.IMPRESSIONS);
    assertArrayEquals(new int[] {1, 2, 3}, imp.scalar("impression_id").toIntArray());
    assertEquals(Instant.parse("2019-11-12T14:14:46Z").getEpochSecond(),
        imp.scalar("timestamp").getLong(0), "time read as UTC");
    assertArrayEquals(new int[] {0, 3}, imp.list("history").ints(0));
    assertArrayEquals(new int[0], imp.list("history").ints(1));
    assertArrayEquals(new int[] {1, 2, 4}, imp.list("candidates").ints(0));
    assertArrayEquals(new byte[] {1, 0, 0}, imp.list("labels").bytes(0));
    assertFalse(imp.has(MindImporter.SOURCE_PART), "one folder: no source_part column");

    Table items = ds.table(StoreLayout.ITEMS);
    assertEquals("Title \"Three\"", items.text("title").get(2));
    assertEquals("", items.text("abstract").get(1));
    assertFalse(items.text("title").has(3), "N9 has no text");
    assertEquals("sports", ds.vocab("item_category").token(items.scalar("category").getInt(2)));
    assertEquals("golf", ds.vocab("item_subcategory").token(items.scalar("subcategory").getInt(2)));
    assertEquals(-1, items.scalar("category").getInt(4));
    RowReport b = report(m, "behaviors.tsv");
    assertEquals(3, b.read());
    assertEquals(3, b.kept());
    assertEquals(3, report(m, "news.tsv").kept());
  }

  @Test
  void trainAndDevFoldersAreMarkedInSourcePart() throws IOException {
    Manifest m = new MindImporter().run(ImportRequest.of(fixture("mind/split"), tmp.resolve("ds")));
    assertEquals(3, m.counts().impressions());
    assertEquals(3, m.counts().users());
    assertEquals(5, m.counts().items(), "N1 N2 N3 with text, N7 N6 without");
    assertEquals("2", m.provenance().notes().get("items_without_text"));
    assertTrue(m.provenance().notes().get(MindImporter.SOURCE_PART)
        .contains("0 = MINDsmall_train/, 1 = MINDsmall_dev/"));
    RowReport devNews = report(m, "MINDsmall_dev/news.tsv");
    assertEquals(2, devNews.read());
    assertEquals(1, devNews.kept());
    assertEquals(Map.of("news id already read, first row kept", 1L), devNews.dropped());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table imp = ds.table(StoreLayout.IMPRESSIONS);
    assertArrayEquals(new byte[] {0, 0, 1}, imp.scalar(MindImporter.SOURCE_PART).toByteArray());
    assertArrayEquals(new int[] {1, 2, 1}, imp.scalar("impression_id").toIntArray(),
        "impression ids restart in dev and are kept as given");
    assertEquals(m.contentSha256(), ds.manifest().contentSha256());
    assertEquals(7, ds.table(StoreLayout.INTERACTIONS).rows(), "2 + 2 train candidates, 3 dev");
  }

  @Test
  void malformedCandidateFailsWithFileLineColumn() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("behaviors.tsv"),
        "1\tU1\t11/12/2019 2:14:46 PM\tN1\tN2-1\n2\tU2\t11/12/2019 2:14:46 PM\tN1\tN2-1 N3-x\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new MindImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("behaviors.tsv:2: column 5 (impressions): expected candidates like N123-1"
        + " (clicked) or N123-0 (not clicked), found 'N3-x'", e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("ds")), "nothing written on failure");

    Files.writeString(dir.resolve("behaviors.tsv"), "1\tU1\t2019-11-12 14:14:46\tN1\tN2-1\n");
    e = assertThrows(DataFormatException.class,
        () -> new MindImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("behaviors.tsv:1: column 3 (time): expected a time like 11/12/2019 2:14:46 PM,"
        + " found '2019-11-12 14:14:46'", e.getMessage());

    Files.writeString(dir.resolve("behaviors.tsv"), "1\tU1\t11/12/2019 2:14:46 PM\tN1\n");
    e = assertThrows(DataFormatException.class,
        () -> new MindImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("behaviors.tsv:1: column 5: expected 5 fields (impression id, user id, time,"
        + " history, impressions), found '4 fields: 1\tU1\t11/12/2019 2:14:46 PM\tN1'",
        e.getMessage());
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("behaviors.tsv"),
        "1\tU1\t11/12/2019 2:14:46 PM\tN1\tN2-1 N3-0\n"
            + "x\tU2\t11/12/2019 2:14:46 PM\tN1\tN2-1\n"
            + "3\tU3\t11/12/2019 2:14:46 PM\tN1\tN2-1 N3-2\n");
    Files.writeString(dir.resolve("news.tsv"),
        Files.readString(dir.resolve("news.tsv")) + "N4\tnews\tonly three fields\n");
    Manifest m = new MindImporter()
        .run(ImportRequest.of(dir, tmp.resolve("ds")).withPolicy(BadRowPolicy.SKIP));
    RowReport b = report(m, "behaviors.tsv");
    assertEquals(3, b.read());
    assertEquals(1, b.kept());
    assertEquals(Map.of("malformed, skipped: expected an integer", 1L,
        "malformed, skipped: expected candidates like N123-1 (clicked) or N123-0 (not clicked)",
        1L), b.dropped());
    assertEquals(1, report(m, "news.tsv").droppedTotal());
    assertEquals(1, m.counts().users(), "users of skipped rows are not created");
    assertEquals(3, m.counts().items(), "items of skipped rows are not created");
    assertEquals(2, m.counts().interactions());
  }

  @Test
  void formatsAreRegisteredUnderTheirNames() {
    for (String f : new String[] {"mind", "amazon-2014", "amazon-2018", "amazon-2023",
        "sasrec-pairs", "sequence-lines"}) {
      assertEquals(f, ImporterRegistry.get(f).format());
      assertFalse(ImporterRegistry.get(f).description().isBlank());
    }
  }

  @Test
  void kcoreIsRefusedBecauseImpressionsStayAsLogged() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MindImporter().run(ImportRequest.of(fixture("mind"), tmp.resolve("ds"))
            .withOptions(Map.of("kcore", "2"))));
    assertTrue(e.getMessage().contains("impressions"), e.getMessage());
  }

  @Test
  void realMindSmallSampleHasCheckedCounts() throws IOException {
    Path src = SharedData.require("mind-small-sample");
    Manifest m = new MindImporter().run(ImportRequest.of(src, tmp.resolve("mind")));
    // SOURCE.md: 2000 news rows, 5000 impressions, 4637 users, 189359 candidates, 7542 clicks,
    // 107 empty histories; 21754 ids in behaviors.tsv have no news row (counted with awk).
    assertEquals(2000, report(m, "news.tsv").kept());
    assertEquals(5000, report(m, "behaviors.tsv").kept());
    assertEquals(5000, m.counts().impressions());
    assertEquals(4637, m.counts().users());
    assertEquals(189_359, m.counts().interactions());
    assertEquals(2000 + 21_754, m.counts().items());
    Map<String, String> notes = m.provenance().notes();
    assertEquals("21754", notes.get("items_without_text"));
    assertEquals("7542", notes.get("clicks"));
    assertEquals("107", notes.get("empty_histories"));
    Dataset ds = Dataset.open(tmp.resolve("mind"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    long clicks = 0;
    for (byte b : inter.scalar("label").toByteArray()) {
      clicks += b;
    }
    assertEquals(7542, clicks);
    Table imp = ds.table(StoreLayout.IMPRESSIONS);
    assertEquals(189_359, imp.list("candidates").values().size());
    long[] ts = imp.scalar("timestamp").toLongArray();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long t : ts) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    // SOURCE.md: impression times 2019-11-09 00:01 .. 2019-11-14 23:50
    assertEquals(Instant.parse("2019-11-09T00:01:00Z").getEpochSecond() / 60, min / 60);
    assertEquals(Instant.parse("2019-11-14T23:50:00Z").getEpochSecond() / 60, max / 60);
    // SOURCE.md: news 603, sports 597, finance 115 ... kids 3 over 15 categories
    Vocabulary cats = ds.vocab("item_category");
    assertEquals(15, cats.size());
    Map<String, Integer> perCategory = new HashMap<>();
    Table items = ds.table(StoreLayout.ITEMS);
    for (int i = 0; i < items.rows(); i++) {
      int c = items.scalar("category").getInt(i);
      if (c >= 0) {
        perCategory.merge(cats.token(c), 1, Integer::sum);
      }
    }
    assertEquals(603, perCategory.get("news"));
    assertEquals(597, perCategory.get("sports"));
    assertEquals(3, perCategory.get("kids"));
    int first = ds.vocab("item").code("N16278");
    assertEquals("Silver Spring Man Nabs Title At Soggy Marine Corps Marathon",
        items.text("title").get(first));
    assertEquals("more_sports",
        ds.vocab("item_subcategory").token(items.scalar("subcategory").getInt(first)));
  }

  private Path copyFixture() throws IOException {
    Path dir = tmp.resolve("src");
    Files.createDirectories(dir);
    for (String f : new String[] {"news.tsv", "behaviors.tsv"}) {
      Files.copy(fixture("mind").resolve(f), dir.resolve(f));
    }
    return dir;
  }
}
