package dev.recompose.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.SharedData;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Manifest;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's {@code ml-100k} entry, served from a zip of the real files in {@code
 * ../shared/data}, lands in the layout the {@code movielens-100k} importer reads.
 */
class FetchThenImportTest {
  @TempDir Path tmp;

  @Test
  void fetchedMovieLens100kImportsWithThePublishedCounts() throws Exception {
    Path shared = SharedData.require("ml-100k");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String f : List.of("u.data", "u.item", "u.user", "u.genre", "u.occupation", "u.info")) {
      entries.put("ml-100k/" + f, Files.readAllBytes(shared.resolve(f)));
    }
    byte[] zip = Fixtures.zip(entries);
    CatalogEntry entry = DatasetCatalog.standard().get("ml-100k");
    try (FixtureServer server = new FixtureServer()) {
      server.put("ml-100k.zip", zip);
      DatasetFetcher fetcher =
          new DatasetFetcher(
              HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build(),
              ProgressFactory.NONE,
              note -> {},
              Clock.systemUTC());
      FetchOptions local = FetchOptions.defaults().withBaseUrl(server.base());

      // our re-zipped copy is not GroupLens' archive: the catalog's pins must reject it
      FetchException e =
          assertThrows(
              FetchException.class, () -> fetcher.fetch(entry, tmp.resolve("data"), local));
      assertTrue(e.getMessage().contains("should have 4924029 bytes"), e.getMessage());

      FetchResult r =
          fetcher.fetch(
              entry,
              tmp.resolve("data"),
              local.withExpectedSha256("ml-100k.zip", Checksums.sha256(zip)));

      assertEquals("movielens-100k", r.importerFormat());
      Manifest m =
          new MovieLens100kImporter().run(ImportRequest.of(r.directory(), tmp.resolve("ds")));
      assertEquals(943, m.counts().users());
      assertEquals(1682, m.counts().items());
      assertEquals(100_000, m.counts().interactions());
    }
  }
}
