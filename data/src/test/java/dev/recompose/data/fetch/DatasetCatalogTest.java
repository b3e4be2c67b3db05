package dev.recompose.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
  private final DatasetCatalog catalog = DatasetCatalog.standard();

  @Test
  void coversTheDatasetsTheIssueNames() throws Exception {
    for (String name :
        List.of(
            "ml-100k",
            "ml-1m",
            "ml-32m",
            "mind-small",
            "lastfm-hetrec2011",
            "amazon2014-beauty",
            "amazon2018-toys",
            "amazon2018-sports",
            "amazon2023-all-beauty",
            "goodreads-poetry")) {
      assertEquals(name, catalog.get(name).name());
    }
    Set<String> formats =
        catalog.entries().stream().map(CatalogEntry::importerFormat).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "movielens-100k",
            "movielens-1m",
            "movielens-csv",
            "mind",
            "amazon-2014",
            "amazon-2018",
            "amazon-2023",
            "lastfm-hetrec",
            "goodreads"),
        formats);
  }

  @Test
  void movieLensPinsMatchThePublishedValues() throws Exception {
    RemoteFile ml100k = catalog.get("ml-100k").files().getFirst();
    assertEquals(
        URI.create("https://files.grouplens.org/datasets/movielens/ml-100k.zip"), ml100k.url());
    assertEquals(4_924_029L, ml100k.bytes());
    assertEquals(
        "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229", ml100k.sha256());
    assertEquals("0e33842e24a9c977be4e0107933c0723", ml100k.md5());
    assertEquals(ArchiveType.ZIP, ml100k.archive());
    assertEquals(1, ml100k.stripComponents(), "ml-100k/u.data lands as u.data");

    RemoteFile ml32m = catalog.get("ml-32m").files().getFirst();
    assertNull(ml32m.sha256(), "no sha256 is published for ml-32m; none is invented");
    assertEquals("d472be332d4daa821edc399621853b57", ml32m.md5());
  }

  @Test
  void mindUnpacksTrainAndDevSideBySide() throws Exception {
    List<RemoteFile> files = catalog.get("mind-small").files();
    assertEquals(List.of("train", "dev"), files.stream().map(RemoteFile::targetDir).toList());
    for (RemoteFile f : files) {
      assertEquals("mind201910small.blob.core.windows.net", f.url().getHost());
      assertFalse(f.alternates().isEmpty(), "a mirror is listed");
      assertTrue(f.pinned());
    }
  }

  @Test
  void everyEntryIsWellFormedAndEveryPinNamesItsSource() {
    Set<String> names = new HashSet<>();
    for (CatalogEntry e : catalog.entries()) {
      assertTrue(names.add(e.name()), "unique name " + e.name());
      assertFalse(e.description().isBlank(), e.name());
      assertTrue(e.homepage().startsWith("https://"), e.name());
      for (RemoteFile f : e.files()) {
        assertEquals("https", f.url().getScheme(), f.url().toString());
        f.alternates().forEach(a -> assertEquals("https", a.getScheme(), a.toString()));
        assertEquals(ArchiveType.fromFileName(f.fileName()), f.archive(), f.fileName());
        if (f.pinned() || f.sizeKnown()) {
          assertFalse(
              f.checksumSource().isBlank(), f.fileName() + " must say where its pins come from");
        }
        if (!f.pinned()) {
          assertNull(f.sha256());
          assertNull(f.md5());
        }
      }
    }
  }

  @Test
  void lookupIgnoresCaseAndSurroundingSpace() {
    assertEquals("ml-1m", catalog.find(" ML-1M ").orElseThrow().name());
    assertTrue(catalog.find("ml-2m").isEmpty());
  }

  @Test
  void rejectsMalformedEntries() {
    RemoteFile ok = RemoteFile.unpinned("https://example.org/a.zip", "");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DatasetCatalog(
                List.of(new CatalogEntry("x", "d", "parquet", "", "", List.of(ok)))));
    CatalogEntry x = new CatalogEntry("x", "d", "mind", "", "", List.of(ok));
    assertThrows(IllegalArgumentException.class, () -> new DatasetCatalog(List.of(x, x)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CatalogEntry("Bad Name", "d", "mind", "", "", List.of(ok)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CatalogEntry("x", "d", "mind", "", "", List.of(ok, ok)));
    assertThrows(IllegalArgumentException.class, () -> ok.withPins(-1, "ABC", null, "s"));
    assertThrows(IllegalArgumentException.class, () -> ok.withPins(-1, null, "123", "s"));
    assertThrows(IllegalArgumentException.class, () -> ok.withPins(0, null, null, "s"));
    assertThrows(
        IllegalArgumentException.class, () -> RemoteFile.unpinned("ftp://example.org/a.zip", ""));
    assertThrows(
        IllegalArgumentException.class, () -> RemoteFile.unpinned("https://example.org/dir/", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> RemoteFile.unpinned("https://example.org/a.zip", "../up"));
  }

  @Test
  void unpackTargetsStayInsideTheFolder() throws Exception {
    var root = java.nio.file.Path.of("/tmp/root");
    assertEquals(root.resolve("u.data"), Unpacker.target(root, "ml-100k/u.data", 1));
    assertNull(Unpacker.target(root, "ml-100k/", 1), "the stripped folder itself is skipped");
    assertNull(Unpacker.target(root, "__MACOSX/._u.data", 0));
    assertThrows(java.io.IOException.class, () -> Unpacker.target(root, "a/../../etc/passwd", 0));
    assertThrows(java.io.IOException.class, () -> Unpacker.target(root, "/etc/passwd", 0));
  }

  @Test
  void optionsValidateUserInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FetchOptions.defaults().withExpectedSha256("a.zip", "not-hex"));
    assertEquals(
        "ab".repeat(32),
        FetchOptions.defaults()
            .withExpectedSha256("a.zip", "AB".repeat(32))
            .expectedSha256()
            .get("a.zip"));
    assertThrows(
        IllegalArgumentException.class, () -> FetchOptions.defaults().withBaseUrl("file:///tmp"));
    assertEquals(
        URI.create("http://mirror.example/data/"),
        FetchOptions.defaults().withBaseUrl("http://mirror.example/data").baseUrl());
  }
}
