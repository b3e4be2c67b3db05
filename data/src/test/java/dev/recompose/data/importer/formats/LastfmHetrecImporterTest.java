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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastfmHetrecImporterTest {
  @TempDir Path tmp;

  private static List<String> tags(Dataset ds, int item) throws IOException {
    Vocabulary v = ds.vocab("item_tags");
    return Arrays.stream(ds.table(StoreLayout.ITEMS).list("tags").ints(item)).mapToObj(v::token)
        .toList();
  }

  @Test
  void importsCountsNamesAndLatin1Tags() throws IOException {
    Manifest m = new LastfmHetrecImporter()
        .run(ImportRequest.of(Fixtures.fixture("lastfm-hetrec"), tmp.resolve("ds")));
    assertEquals(2, m.counts().users());
    assertEquals(4, m.counts().items(), "3 artists + artist 99 missing from artists.dat");
    assertEquals(4, m.counts().interactions());
    Map<String, String> notes = m.provenance().notes();
    assertEquals("1", notes.get("artists_without_text"));
    assertEquals("UTF-8", notes.get("artists_encoding"));
    assertEquals("ISO-8859-1", notes.get("tags_encoding"), "the fixture's tags.dat is latin-1");
    assertEquals("user_taggedartists.dat", notes.get("tag_assignments"));
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertArrayEquals(new float[] {13883, 11690, 40, 7}, inter.scalar("rating").toFloatArray());
    assertArrayEquals(new long[] {0, 1, 2, 3}, inter.scalar("timestamp").toLongArray(),
        "no listening times: row order");
    Table items = ds.table(StoreLayout.ITEMS);
    int sigur = ds.vocab("item").code("52");
    assertEquals("Sigur Rós", items.text("name").get(sigur));
    assertEquals("", items.text("name").get(ds.vocab("item").code("99")));
    assertEquals(List.of("rock français", "post-rock"), tags(ds, sigur),
        "most assigned first");
    assertEquals(List.of("metal"), tags(ds, ds.vocab("item").code("51")));
    assertEquals(List.of(), tags(ds, ds.vocab("item").code("53")));
    RowReport r = Fixtures.report(m, "user_taggedartists.dat");
    assertEquals(6, r.read());
    assertEquals(4, r.kept());
    assertEquals(Map.of("artist in neither artists.dat nor user_artists.dat", 1L,
        "tagID not in tags.dat", 1L), r.dropped());
    assertEquals(3, Fixtures.report(m, "tags.dat").read(), "header not counted");
    assertEquals("lastfm-hetrec", ImporterRegistry.get("lastfm-hetrec").format());
  }

  @Test
  void prefersTimestampedAssignmentsAndHonoursEncodingOption() throws IOException {
    Path dir = Fixtures.copy("lastfm-hetrec", tmp);
    Files.writeString(dir.resolve("user_taggedartists-timestamps.dat"),
        "userID\tartistID\ttagID\ttimestamp\r\n2\t51\t3\t1238536800000\r\n");
    Manifest m = new LastfmHetrecImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))
        .withOptions(Map.of("encoding", "latin-1")));
    assertEquals("user_taggedartists-timestamps.dat", m.provenance().notes().get("tag_assignments"));
    assertEquals("user_taggedartists.dat", m.provenance().notes().get("files_not_read"));
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertEquals(List.of("post-rock"), tags(ds, ds.vocab("item").code("51")));
    assertEquals(List.of(), tags(ds, ds.vocab("item").code("52")));
    assertEquals("Sigur RÃ³s", ds.table(StoreLayout.ITEMS).text("name")
        .get(ds.vocab("item").code("52")), "forced latin-1 decodes UTF-8 bytes one by one");
    assertTrue(m.provenance().files().stream()
        .noneMatch(f -> f.path().endsWith("user_taggedartists.dat")));
  }

  @Test
  void malformedRowsFailWithFileLineColumn() throws IOException {
    Path dir = Fixtures.copy("lastfm-hetrec", tmp);
    Files.writeString(dir.resolve("user_artists.dat"),
        "userID\tartistID\tweight\r\n2\t51\t13883\r\n2\t52\tlots\r\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new LastfmHetrecImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("user_artists.dat:3: column 3 (weight): expected an integer, found 'lots'",
        e.getMessage());
    Files.writeString(dir.resolve("user_artists.dat"), "2\t51\t13883\r\n");
    e = assertThrows(DataFormatException.class,
        () -> new LastfmHetrecImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("user_artists.dat:1: expected the header 'userID\tartistID\tweight',"
        + " found '2\t51\t13883'", e.getMessage());
    assertFalse(Files.exists(tmp.resolve("ds")));
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path dir = Fixtures.copy("lastfm-hetrec", tmp);
    Files.writeString(dir.resolve("user_taggedartists.dat"),
        "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t52\t3\t1\t13\t2009\n2\t52\t2\n"
            + "2\t51\t1\t1\t4\t2009\n");
    Manifest m = new LastfmHetrecImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))
        .withPolicy(BadRowPolicy.SKIP));
    RowReport r = Fixtures.report(m, "user_taggedartists.dat");
    assertEquals(3, r.read());
    assertEquals(1, r.kept());
    assertEquals(Map.of("malformed, skipped: expected a month 1..12", 1L,
        "malformed, skipped: expected 6 fields (userID, artistID, tagID, day, month, year)", 1L),
        r.dropped());
  }

  @Test
  void realHetrecHasPublishedCounts() throws IOException {
    Path src = SharedData.require("lastfm-hetrec2011-2k");
    Manifest m = new LastfmHetrecImporter().run(ImportRequest.of(src, tmp.resolve("fm")));
    // readme.txt: 1892 users, 17632 artists, 92834 user-listened artist relations, 11946 tags
    assertEquals(1892, m.counts().users());
    assertEquals(17632, m.counts().items());
    assertEquals(92834, m.counts().interactions());
    assertEquals("0", m.provenance().notes().get("artists_without_text"));
    assertEquals("SOURCE.md, readme.txt, user_friends.dat",
        m.provenance().notes().get("files_not_read"));
    RowReport tags = Fixtures.report(m, "tags.dat");
    assertEquals(11946, tags.read());
    assertEquals(11946, tags.kept());
    // this copy of tags.dat is UTF-8 in which 8 latin-1 letters were already lost to U+FFFD
    assertEquals("UTF-8", m.provenance().notes().get("tags_encoding"));
    assertEquals("8", m.provenance().notes().get("tag_names_with_replacement_char"));
    Dataset ds = Dataset.open(tmp.resolve("fm"));
    int metallica = ds.vocab("item").code("707");
    assertEquals("Metallica", ds.table(StoreLayout.ITEMS).text("name").get(metallica));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    int user2 = ds.vocab("user").code("2");
    assertEquals(user2, inter.scalar("user").getInt(0));
    assertEquals(ds.vocab("item").code("51"), inter.scalar("item").getInt(0));
    assertEquals(13883f, inter.scalar("rating").getFloat(0), "readme example: 2 51 13883");
  }
}
