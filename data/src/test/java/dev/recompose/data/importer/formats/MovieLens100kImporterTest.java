package dev.recompose.data.importer.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.SharedData;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLens100kImporterTest {
  @TempDir Path tmp;

  static Path fixture(String name) {
    return Path.of("src/test/resources/fixtures").resolve(name);
  }

  @Test
  void importsFixtureWithTextFeaturesAndTimeOrder() throws IOException {
    Manifest m = new MovieLens100kImporter().run(ImportRequest.of(fixture("ml-100k"), tmp.resolve("ds")));
    assertEquals(2, m.counts().users());
    assertEquals(3, m.counts().items());
    assertEquals(4, m.counts().interactions());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    // user "2" rated at 881250000 and 881250001: grouped by user, in time order
    assertArrayEquals(new int[] {0, 0, 1, 1}, inter.scalar("user").toIntArray());
    assertArrayEquals(new float[] {5, 3, 4, 1}, inter.scalar("rating").toFloatArray());
    Table items = ds.table(StoreLayout.ITEMS);
    int amelie = ds.vocab("item").code("20");
    assertEquals("Amélie", items.text("title").get(amelie), "latin-1 decoded, year stripped");
    assertEquals(2001f, items.scalar("year").getFloat(amelie));
    assertTrue(Float.isNaN(items.scalar("year").getFloat(ds.vocab("item").code("30"))));
    int[] g = items.list("genres").ints(amelie);
    assertEquals("Action", ds.vocab("item_genres").token(g[0]));
    assertEquals("Comedy", ds.vocab("item_genres").token(g[1]));
    Table users = ds.table(StoreLayout.USERS);
    assertEquals(53f, users.scalar("age").getFloat(ds.vocab("user").code("2")));
    assertEquals(4, m.provenance().files().size());
    assertEquals(64, m.provenance().files().get(0).sha256().length());
  }

  @Test
  void malformedRowFailsWithFileLineColumn() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("u.data"), "1\t10\t5\t881250949\n1\t20\tx\t881250950\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new MovieLens100kImporter().run(ImportRequest.of(dir, tmp.resolve("ds"))));
    assertEquals("u.data:2: column 3 (rating): expected a number, found 'x'", e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("ds")), "nothing written on failure");
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path dir = copyFixture();
    Files.writeString(dir.resolve("u.data"), "1\t10\t5\t881250949\n1\t20\tx\t881250950\n1\t30\n");
    Manifest m = new MovieLens100kImporter()
        .run(ImportRequest.of(dir, tmp.resolve("ds")).withPolicy(BadRowPolicy.SKIP));
    RowReport r = m.provenance().rows().stream().filter(x -> x.file().equals("u.data")).findFirst()
        .orElseThrow();
    assertEquals(3, r.read());
    assertEquals(1, r.kept());
    assertEquals(2, r.droppedTotal());
  }

  @Test
  void minRatingAndKcoreAreRecorded() throws IOException {
    Manifest m = new MovieLens100kImporter().run(ImportRequest.of(fixture("ml-100k"),
        tmp.resolve("ds")).withOptions(Map.of("min-rating", "4")));
    assertEquals(2, m.counts().interactions());
    assertEquals("min-rating", m.provenance().filters().get(0).name());
    assertEquals(4, m.provenance().filters().get(0).rowsBefore());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MovieLens100kImporter().run(ImportRequest.of(fixture("ml-100k"),
            tmp.resolve("ds2")).withOptions(Map.of("bogus", "1"))));
    assertTrue(e.getMessage().contains("unknown option 'bogus'") && e.getMessage().contains("kcore"));
  }

  @Test
  void realMovieLens100kHasPublishedCounts() throws IOException {
    Path src = SharedData.require("ml-100k");
    Manifest m = new MovieLens100kImporter().run(ImportRequest.of(src, tmp.resolve("ml")));
    assertEquals(943, m.counts().users());
    assertEquals(1682, m.counts().items());
    assertEquals(100_000, m.counts().interactions());
    Manifest k = new MovieLens100kImporter().run(ImportRequest.of(src, tmp.resolve("ml5"))
        .withOptions(Map.of("kcore", "5")));
    assertTrue(k.counts().items() < 1682 && k.counts().interactions() < 100_000);
    Dataset ds = Dataset.open(tmp.resolve("ml5"));
    assertEquals(k.counts().items(), ds.table("items").rows(), "item table compacted with k-core");
  }

  private Path copyFixture() throws IOException {
    Path dir = tmp.resolve("src");
    Files.createDirectories(dir);
    try (var s = Files.list(fixture("ml-100k"))) {
      for (Path f : s.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }
}
