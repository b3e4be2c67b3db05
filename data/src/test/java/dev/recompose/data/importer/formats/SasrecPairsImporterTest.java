package dev.recompose.data.importer.formats;

import static dev.recompose.data.importer.formats.Amazon2014ImporterTest.tokens;
import static dev.recompose.data.importer.formats.MindImporterTest.fixture;
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

class SasrecPairsImporterTest {
  @TempDir Path tmp;

  @Test
  void rowOrderIsTheTimeAndPerUserFileOrderIsKept() throws IOException {
    Manifest m = new SasrecPairsImporter().run(ImportRequest.of(
        fixture("sasrec-pairs").resolve("Beauty.txt"), tmp.resolve("ds")));
    assertEquals("Beauty", m.name());
    assertEquals(3, m.counts().users());
    assertEquals(3, m.counts().items());
    assertEquals(6, m.counts().interactions());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertEquals(List.of("1", "1", "1", "2", "2", "3"),
        tokens(ds, "user", inter.scalar("user").toIntArray()));
    assertEquals(List.of("1", "2", "3", "3", "1", "2"),
        tokens(ds, "item", inter.scalar("item").toIntArray()));
    assertArrayEquals(new long[] {0, 1, 3, 2, 4, 5}, inter.scalar("timestamp").toLongArray(),
        "the line's position in the file");
    assertTrue(m.provenance().notes().get("time").startsWith("none in the source"));
  }

  @Test
  void malformedLineFailsWithFileLineColumn() throws IOException {
    Path f = tmp.resolve("Beauty.txt");
    Files.writeString(f, "1 1\n1 2 3\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new SasrecPairsImporter().run(ImportRequest.of(f, tmp.resolve("ds"))));
    assertEquals("Beauty.txt:2: column 3: expected 2 fields (user, item), found '3 fields: 1 2 3'",
        e.getMessage());
    IOException dir = assertThrows(IOException.class,
        () -> new SasrecPairsImporter().run(ImportRequest.of(tmp, tmp.resolve("ds"))));
    assertTrue(dir.getMessage().contains("reads one file"), dir.getMessage());
  }

  @Test
  void skipPolicyCountsBadLines() throws IOException {
    Path f = tmp.resolve("Beauty.txt");
    Files.writeString(f, "1 1\n1\n\n2\t7\n1 2 3\n1  2\n");
    Manifest m = new SasrecPairsImporter()
        .run(ImportRequest.of(f, tmp.resolve("ds")).withPolicy(BadRowPolicy.SKIP));
    RowReport r = m.provenance().rows().get(0);
    assertEquals(5, r.read());
    assertEquals(3, r.kept(), "tabs and repeated spaces separate fields too");
    assertEquals(Map.of("malformed, skipped: expected 2 fields (user, item)", 2L), r.dropped());
    assertEquals(3, m.counts().interactions());
  }
}
