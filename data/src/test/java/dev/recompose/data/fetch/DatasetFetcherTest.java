package dev.recompose.data.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recompose.data.fetch.FixtureServer.Mode;
import dev.recompose.data.fetch.FixtureServer.Request;
import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFetcherTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dest;
  private FixtureServer server;
  private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong progressBytes = new AtomicLong();
  private DatasetFetcher fetcher;
  private byte[] zip;

  @BeforeEach
  void start() throws IOException {
    server = new FixtureServer();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ProgressFactory counting =
        (label, total, unit) ->
            label.startsWith("download")
                ? new Progress() {
                  @Override
                  public void advance(long units) {
                    progressBytes.addAndGet(units);
                  }

                  @Override
                  public void status(String text) {}

                  @Override
                  public void close() {}
                }
                : Progress.NONE;
    fetcher = new DatasetFetcher(http, counting, notes::add, Clock.fixed(NOW, ZoneOffset.UTC));
    zip = Fixtures.zip(Fixtures.ml100kFiles());
    server.put("ml-test.zip", zip);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CatalogEntry pinnedZipEntry(byte[] content, String sha256) {
    RemoteFile f =
        new RemoteFile(
            URI.create("https://example.invalid/datasets/ml-test.zip"),
            List.of(),
            content.length,
            sha256,
            null,
            "test fixture",
            ArchiveType.ZIP,
            "",
            1);
    return new CatalogEntry("ml-test", "fixture", "movielens-100k", "", "", List.of(f));
  }

  private FetchOptions local() {
    return FetchOptions.defaults().withBaseUrl(server.base());
  }

  private static String sha(byte[] b) {
    return Checksums.sha256(b);
  }

  @Test
  void downloadsVerifiesUnpacksAndRecordsProvenance() throws Exception {
    FetchResult r = fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, local());

    Path dir = dest.resolve("ml-test");
    assertEquals(dir, r.directory());
    assertFalse(r.alreadyInstalled());
    assertEquals("movielens-100k", r.importerFormat());
    Map<String, byte[]> expected = Fixtures.ml100kFiles();
    assertArrayEquals(expected.get("ml-test/u.data"), Files.readAllBytes(dir.resolve("u.data")));
    assertArrayEquals(
        expected.get("ml-test/padding.bin"), Files.readAllBytes(dir.resolve("padding.bin")));
    assertFalse(Files.exists(dir.resolve("ml-test")), "the top-level folder is stripped");

    JsonNode json = new ObjectMapper().readTree(dir.resolve(DatasetFetcher.FETCHED_JSON).toFile());
    assertEquals("ml-test", json.get("dataset").asText());
    assertEquals("movielens-100k", json.get("importerFormat").asText());
    assertEquals(NOW.toString(), json.get("fetchedAt").asText());
    JsonNode file = json.get("files").get(0);
    assertEquals(server.base() + "ml-test.zip", file.get("url").asText());
    assertEquals(zip.length, file.get("bytes").asLong());
    assertEquals(sha(zip), file.get("sha256").asText());
    assertEquals("catalog sha256", file.get("verifiedBy").asText());

    assertEquals(zip.length, progressBytes.get(), "the progress sink counted every byte");
    assertFalse(Files.exists(dest.resolve(DatasetFetcher.PARTIAL_DIR)), "nothing left in .partial");
  }

  @Test
  void truncatedDownloadKeepsPartialInstallsNothingAndResumesWithRange() throws Exception {
    CatalogEntry entry = pinnedZipEntry(zip, sha(zip));
    server.once("ml-test.zip", Mode.TRUNCATE);

    FetchException e =
        assertThrows(FetchException.class, () -> fetcher.fetch(entry, dest, local()));

    assertTrue(e.getMessage().contains(server.base() + "ml-test.zip"), e.getMessage());
    assertTrue(e.getMessage().contains("resume"), e.getMessage());
    assertTrue(e.getMessage().contains("of " + zip.length + " bytes"), e.getMessage());
    Path part = dest.resolve(".partial/ml-test.zip.part");
    assertTrue(Files.isRegularFile(part), "partial file kept");
    long kept = Files.size(part);
    assertTrue(kept > 0 && kept < zip.length, "partial holds a prefix: " + kept);
    assertFalse(Files.exists(dest.resolve("ml-test")), "nothing installed");

    FetchResult r = fetcher.fetch(entry, dest, local());

    Request last = server.requests().getLast();
    assertEquals(
        "bytes=" + kept + "-", last.range(), "second request resumes from the partial size");
    assertArrayEquals(
        Fixtures.ml100kFiles().get("ml-test/padding.bin"),
        Files.readAllBytes(r.directory().resolve("padding.bin")));
    assertEquals(sha(zip), r.files().getFirst().sha256());
    assertTrue(
        notes.stream().anyMatch(n -> n.contains("resuming ml-test.zip from byte " + kept)),
        notes.toString());
  }

  @Test
  void serverThatIgnoresRangeIsDownloadedFromTheStart() throws Exception {
    Path partialDir = Files.createDirectories(dest.resolve(".partial"));
    // a wrong prefix: appending the rest to it would fail the checksum
    Files.write(partialDir.resolve("ml-test.zip.part"), Fixtures.noise(1000, 99));
    server.once("ml-test.zip", Mode.IGNORE_RANGE);

    FetchResult r = fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, local());

    assertEquals("bytes=1000-", server.requests().getLast().range());
    assertEquals(sha(zip), r.files().getFirst().sha256());
    assertTrue(notes.stream().anyMatch(n -> n.contains("ignored the Range")), notes.toString());
  }

  @Test
  void checksumMismatchDeletesDownloadAndInstallsNothing() throws Exception {
    String wrong = sha("something else".getBytes(StandardCharsets.UTF_8));
    CatalogEntry entry = pinnedZipEntry(zip, wrong);

    FetchException e =
        assertThrows(FetchException.class, () -> fetcher.fetch(entry, dest, local()));

    assertTrue(
        e.getMessage().startsWith("checksum mismatch for ml-test.zip from " + server.base()),
        e.getMessage());
    assertTrue(e.getMessage().contains("expected sha256 " + wrong), e.getMessage());
    assertTrue(e.getMessage().contains("got " + sha(zip)), e.getMessage());
    assertFalse(Files.exists(dest.resolve("ml-test")), "nothing installed");
    assertFalse(Files.exists(dest.resolve(".partial/ml-test.zip")), "bad download deleted");
    assertFalse(Files.exists(dest.resolve(".partial/ml-test.zip.part")));
  }

  @Test
  void md5PinIsCheckedToo() throws Exception {
    RemoteFile f =
        pinnedZipEntry(zip, null)
            .files()
            .getFirst()
            .withPins(zip.length, null, "0".repeat(32), "test");
    CatalogEntry entry =
        new CatalogEntry("ml-test", "fixture", "movielens-100k", "", "", List.of(f));

    FetchException e =
        assertThrows(FetchException.class, () -> fetcher.fetch(entry, dest, local()));

    assertTrue(e.getMessage().contains("expected md5 " + "0".repeat(32)), e.getMessage());
    assertFalse(Files.exists(dest.resolve("ml-test")));
  }

  @Test
  void sizeAnnouncedByServerDifferentFromCatalogIsRefusedBeforeDownloading() throws Exception {
    RemoteFile f =
        pinnedZipEntry(zip, sha(zip))
            .files()
            .getFirst()
            .withPins(zip.length + 5L, sha(zip), null, "t");
    CatalogEntry entry =
        new CatalogEntry("ml-test", "fixture", "movielens-100k", "", "", List.of(f));

    FetchException e =
        assertThrows(FetchException.class, () -> fetcher.fetch(entry, dest, local()));

    assertTrue(e.getMessage().contains("serves " + zip.length + " bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("should have " + (zip.length + 5L)), e.getMessage());
    assertFalse(Files.exists(dest.resolve("ml-test")));
  }

  @Test
  void http404IsAClearErrorNamingTheUrl() {
    RemoteFile f = RemoteFile.unpinned("https://example.invalid/x/missing.zip", "");
    CatalogEntry entry = new CatalogEntry("missing", "absent", "mind", "", "", List.of(f));

    FetchException e =
        assertThrows(FetchException.class, () -> fetcher.fetch(entry, dest, local()));

    assertEquals(
        "HTTP 404 Not Found for " + server.base() + "missing.zip (expected missing.zip)",
        e.getMessage());
    assertFalse(Files.exists(dest.resolve("missing")));
  }

  @Test
  void unknownDatasetNameListsTheValidNames() {
    FetchException e =
        assertThrows(FetchException.class, () -> DatasetCatalog.standard().get("ml-101k"));

    assertTrue(
        e.getMessage().startsWith("unknown dataset 'ml-101k'; known datasets: "), e.getMessage());
    for (String name : DatasetCatalog.standard().names()) {
      assertTrue(e.getMessage().contains(name), name);
    }
  }

  @Test
  void unpinnedFileIsRefusedWithItsComputedSha256ThenAcceptedWithThatChecksum() throws Exception {
    byte[] json =
        "{\"user_id\":\"u1\",\"asin\":\"a1\",\"overall\":5}\n".getBytes(StandardCharsets.UTF_8);
    byte[] gz = Fixtures.gzip(json);
    server.put("Toys_5.json.gz", gz);
    CatalogEntry entry =
        new CatalogEntry(
            "toys",
            "fixture",
            "amazon-2018",
            "",
            "",
            List.of(RemoteFile.unpinned("https://example.invalid/a/Toys_5.json.gz", "")));

    FetchException e =
        assertThrows(FetchException.class, () -> fetcher.fetch(entry, dest, local()));

    assertTrue(e.getMessage().contains("no published checksum"), e.getMessage());
    assertTrue(e.getMessage().contains("sha256 " + sha(gz)), e.getMessage());
    assertTrue(e.getMessage().contains("--allow-unpinned"), e.getMessage());
    assertFalse(Files.exists(dest.resolve("toys")));
    int requestsBefore = server.requests().size();

    FetchResult r =
        fetcher.fetch(entry, dest, local().withExpectedSha256("Toys_5.json.gz", sha(gz)));

    assertEquals(requestsBefore, server.requests().size(), "the finished download was reused");
    assertArrayEquals(json, Files.readAllBytes(r.directory().resolve("Toys_5.json")));
    assertEquals("user sha256", r.files().getFirst().verifiedBy());
    assertEquals(server.base() + "Toys_5.json.gz", r.files().getFirst().url().toString());
  }

  @Test
  void allowUnpinnedInstallsAndRecordsTheComputedChecksum() throws Exception {
    byte[] gz = Fixtures.gzip("line\n".getBytes(StandardCharsets.UTF_8));
    server.put("g.json.gz", gz);
    CatalogEntry entry =
        new CatalogEntry(
            "g",
            "fixture",
            "goodreads",
            "",
            "",
            List.of(RemoteFile.unpinned("https://example.invalid/g.json.gz", "")));

    FetchResult r = fetcher.fetch(entry, dest, local().withAllowUnpinned(true));

    assertEquals("unpinned", r.files().getFirst().verifiedBy());
    assertEquals(sha(gz), r.files().getFirst().sha256());
    assertTrue(notes.stream().anyMatch(n -> n.contains("sha256 " + sha(gz))), notes.toString());
  }

  @Test
  void wrongUserChecksumIsAMismatchThatKeepsTheDownload() throws Exception {
    byte[] gz = Fixtures.gzip("line\n".getBytes(StandardCharsets.UTF_8));
    server.put("g.json.gz", gz);
    CatalogEntry entry =
        new CatalogEntry(
            "g",
            "fixture",
            "goodreads",
            "",
            "",
            List.of(RemoteFile.unpinned("https://example.invalid/g.json.gz", "")));
    String wrong = "ab".repeat(32);

    FetchException e =
        assertThrows(
            FetchException.class,
            () -> fetcher.fetch(entry, dest, local().withExpectedSha256("g.json.gz", wrong)));

    assertTrue(
        e.getMessage().contains("expected sha256 (given with --sha256) " + wrong), e.getMessage());
    assertFalse(Files.exists(dest.resolve("g")));
    assertTrue(
        Files.exists(dest.resolve(".partial/g.json.gz")), "kept: the typo may be in the checksum");
    int requests = server.requests().size();
    fetcher.fetch(entry, dest, local().withExpectedSha256("g.json.gz", sha(gz)));
    assertEquals(requests, server.requests().size(), "the kept download was reused");
  }

  @Test
  void secondFetchIsANoOpAndForceFetchesAgain() throws Exception {
    CatalogEntry entry = pinnedZipEntry(zip, sha(zip));
    fetcher.fetch(entry, dest, local());
    int after = server.requests().size();

    FetchResult again = fetcher.fetch(entry, dest, local());

    assertTrue(again.alreadyInstalled());
    assertEquals(after, server.requests().size(), "no request when already installed");
    assertEquals(sha(zip), again.files().getFirst().sha256());
    assertEquals(NOW, again.fetchedAt());

    Files.writeString(dest.resolve("ml-test/stale.txt"), "old");
    FetchResult forced = fetcher.fetch(entry, dest, local().withForce(true));

    assertFalse(forced.alreadyInstalled());
    assertEquals(after + 1, server.requests().size());
    assertFalse(
        Files.exists(dest.resolve("ml-test/stale.txt")), "the old folder was replaced whole");
    assertTrue(Files.exists(dest.resolve("ml-test/u.data")));
  }

  @Test
  void existingFolderNotMadeByFetchIsNotTouched() throws Exception {
    Files.createDirectories(dest.resolve("ml-test"));
    Files.writeString(dest.resolve("ml-test/mine.txt"), "user data");

    FetchException e =
        assertThrows(
            FetchException.class,
            () -> fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, local()));

    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertEquals("user data", Files.readString(dest.resolve("ml-test/mine.txt")));
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void stalledDownloadTimesOutAndKeepsThePartialFile() throws Exception {
    server.once("ml-test.zip", Mode.STALL);
    FetchOptions quick = local().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
    long t0 = System.nanoTime();

    FetchException e =
        assertThrows(
            FetchException.class, () -> fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, quick));

    assertTrue((System.nanoTime() - t0) / 1e9 < 4, "gave up quickly");
    assertTrue(e.getMessage().contains("no data for 0.3 s"), e.getMessage());
    assertTrue(Files.size(dest.resolve(".partial/ml-test.zip.part")) > 0);
    assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt was cleared");
    assertFalse(Files.exists(dest.resolve("ml-test")));
  }

  @Test
  void unpacksGzipAndTarGzIntoTargetFolders() throws Exception {
    byte[] reviews = "{\"parent_asin\":\"B1\"}\n".getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> tarFiles = new LinkedHashMap<>();
    tarFiles.put("pack/a/x.txt", "x".getBytes(StandardCharsets.UTF_8));
    tarFiles.put("pack/y.txt", Fixtures.noise(1500, 3));
    byte[] gz = Fixtures.gzip(reviews);
    byte[] tgz = Fixtures.tarGz(tarFiles);
    server.put("All_Beauty.jsonl.gz", gz);
    server.put("extra.tar.gz", tgz);
    RemoteFile a =
        RemoteFile.unpinned("https://example.invalid/All_Beauty.jsonl.gz", "")
            .withPins(gz.length, sha(gz), null, "test");
    RemoteFile b =
        RemoteFile.unpinned("https://example.invalid/extra.tar.gz", "")
            .withPins(tgz.length, sha(tgz), null, "test")
            .withLayout(ArchiveType.TAR_GZ, "more", 1);
    CatalogEntry entry =
        new CatalogEntry("beauty", "fixture", "amazon-2023", "", "", List.of(a, b));

    FetchResult r = fetcher.fetch(entry, dest, local());

    assertArrayEquals(reviews, Files.readAllBytes(r.directory().resolve("All_Beauty.jsonl")));
    assertEquals("x", Files.readString(r.directory().resolve("more/a/x.txt")));
    assertArrayEquals(
        tarFiles.get("pack/y.txt"), Files.readAllBytes(r.directory().resolve("more/y.txt")));
    assertEquals(2, r.files().size());
  }

  @Test
  void archiveEntryEscapingTheFolderIsRefusedAndNothingInstalled() throws Exception {
    Map<String, byte[]> evil = new LinkedHashMap<>();
    evil.put("ok.txt", "fine".getBytes(StandardCharsets.UTF_8));
    evil.put("../../evil.txt", "gotcha".getBytes(StandardCharsets.UTF_8));
    byte[] bad = Fixtures.zip(evil);
    server.put("bad.zip", bad);
    RemoteFile f =
        RemoteFile.unpinned("https://example.invalid/bad.zip", "")
            .withPins(bad.length, sha(bad), null, "t");
    CatalogEntry entry = new CatalogEntry("bad", "fixture", "mind", "", "", List.of(f));

    FetchException e =
        assertThrows(FetchException.class, () -> fetcher.fetch(entry, dest, local()));

    assertTrue(e.getMessage().startsWith("cannot unpack bad"), e.getMessage());
    assertTrue(e.getMessage().contains("leaves the target folder"), e.getMessage());
    assertFalse(Files.exists(dest.resolve("bad")));
    assertFalse(Files.exists(dest.resolve("evil.txt")));
    assertFalse(Files.exists(dest.getParent().resolve("evil.txt")));
    try (var s = Files.list(dest.resolve(".partial"))) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().contains("staging")), "staging removed");
    }
  }

  @Test
  void alternateUrlIsTriedWhenThePublisherUrlFails() throws Exception {
    server.put("mirror/ml-test.zip", zip);
    RemoteFile f =
        new RemoteFile(
            URI.create(server.base() + "gone/ml-test.zip"),
            List.of(URI.create(server.base() + "mirror/ml-test.zip")),
            zip.length,
            sha(zip),
            null,
            "test",
            ArchiveType.ZIP,
            "train",
            1);
    CatalogEntry entry = new CatalogEntry("alt", "fixture", "mind", "", "", List.of(f));

    FetchResult r = fetcher.fetch(entry, dest, FetchOptions.defaults());

    assertEquals(server.base() + "mirror/ml-test.zip", r.files().getFirst().url().toString());
    assertTrue(Files.exists(r.directory().resolve("train/u.data")));
    assertTrue(
        notes.stream().anyMatch(n -> n.contains("HTTP 404") && n.contains("trying the next URL")),
        notes.toString());
  }

  @Test
  void allUrlsFailingListsEachFailure() {
    RemoteFile f =
        RemoteFile.unpinned(server.base() + "a/none.zip", "")
            .withAlternates(List.of(URI.create(server.base() + "b/none.zip")));
    CatalogEntry entry = new CatalogEntry("none", "fixture", "mind", "", "", List.of(f));

    FetchException e =
        assertThrows(
            FetchException.class, () -> fetcher.fetch(entry, dest, FetchOptions.defaults()));

    assertTrue(e.getMessage().startsWith("no URL served none.zip: HTTP 404"), e.getMessage());
    assertTrue(e.getMessage().contains(server.base() + "a/none.zip"), e.getMessage());
    assertTrue(e.getMessage().contains(server.base() + "b/none.zip"), e.getMessage());
  }

  @Test
  void concurrentFetchOfTheSameDatasetIsRefused() throws Exception {
    Path partial = Files.createDirectories(dest.resolve(".partial"));
    try (var channel =
            java.nio.channels.FileChannel.open(
                partial.resolve("ml-test.lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var held = channel.lock()) {
      FetchException e =
          assertThrows(
              FetchException.class,
              () -> fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, local()));

      assertTrue(held.isValid());
      assertTrue(e.getMessage().startsWith("another fetch of ml-test"), e.getMessage());
      assertTrue(server.requests().isEmpty());
    }
    assertEquals("ml-test", fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, local()).dataset());
  }

  @Test
  void sha256ForAFileTheDatasetDoesNotHaveIsATypo() {
    FetchException e =
        assertThrows(
            FetchException.class,
            () ->
                fetcher.fetch(
                    pinnedZipEntry(zip, sha(zip)),
                    dest,
                    local().withExpectedSha256("ml-tset.zip", sha(zip))));

    assertEquals(
        "--sha256 names ml-tset.zip, which is not a file of ml-test; its files are: ml-test.zip",
        e.getMessage());
  }

  @Test
  void wholePartialFileOfKnownSizeNeedsNoRequest() throws Exception {
    Path partial = Files.createDirectories(dest.resolve(".partial"));
    Files.write(partial.resolve("ml-test.zip.part"), zip);

    FetchResult r = fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, local());

    assertTrue(server.requests().isEmpty(), server.requests().toString());
    assertTrue(Files.exists(r.directory().resolve("u.data")));
  }

  @Test
  void wholePartialFileOfUnknownSizeIsRecognisedFromA416() throws Exception {
    byte[] gz = Fixtures.gzip("row\n".getBytes(StandardCharsets.UTF_8));
    server.put("g.json.gz", gz);
    Path partial = Files.createDirectories(dest.resolve(".partial"));
    Files.write(partial.resolve("g.json.gz.part"), gz);
    CatalogEntry entry =
        new CatalogEntry(
            "g",
            "fixture",
            "goodreads",
            "",
            "",
            List.of(RemoteFile.unpinned("https://example.invalid/g.json.gz", "")));

    FetchResult r = fetcher.fetch(entry, dest, local().withExpectedSha256("g.json.gz", sha(gz)));

    assertEquals("bytes=" + gz.length + "-", server.requests().getLast().range());
    assertEquals("row\n", Files.readString(r.directory().resolve("g.json")));
  }

  @Test
  void fetchRecordReadsBackWhatFetchWrote() throws Exception {
    FetchResult written = fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, local());

    FetchResult read = FetchRecord.read(written.directory()).orElseThrow();

    assertEquals(written.files(), read.files());
    assertEquals("ml-test", read.dataset());
    assertEquals("movielens-100k", read.importerFormat());
    assertEquals(NOW, read.fetchedAt());
    assertTrue(FetchRecord.read(dest).isEmpty(), "a folder not made by fetch has no record");
    Files.writeString(written.directory().resolve(FetchRecord.FILE_NAME), "{ not json");
    FetchException e =
        assertThrows(FetchException.class, () -> FetchRecord.read(written.directory()));
    assertTrue(e.getMessage().startsWith("cannot read "), e.getMessage());
  }

  @Test
  void unreachableServerIsAClearErrorAndInstallsNothing() throws Exception {
    String base;
    try (FixtureServer gone = new FixtureServer()) {
      base = gone.base();
    }
    FetchOptions nowhere = FetchOptions.defaults().withBaseUrl(base);

    FetchException e =
        assertThrows(
            FetchException.class,
            () -> fetcher.fetch(pinnedZipEntry(zip, sha(zip)), dest, nowhere));

    assertTrue(e.getMessage().startsWith("cannot reach " + base + "ml-test.zip ("), e.getMessage());
    assertFalse(Files.exists(dest.resolve("ml-test")));
  }
}
