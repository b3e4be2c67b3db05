package dev.recompose.data.importer.formats;

import static dev.recompose.data.importer.formats.MindImporterTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.data.importer.BadRowPolicy;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.data.store.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceLinesImporterTest {
  @TempDir Path tmp;

  /** Each user's item ids, in stored order, read back through {@link Dataset}. */
  static Map<String, List<String>> sequences(Path dir) throws IOException {
    Dataset ds = Dataset.open(dir);
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    Vocabulary users = ds.vocab("user");
    Vocabulary items = ds.vocab("item");
    int[] u = inter.scalar("user").toIntArray();
    int[] it = inter.scalar("item").toIntArray();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < u.length; i++) {
      out.computeIfAbsent(users.token(u[i]), k -> new ArrayList<>()).add(items.token(it[i]));
    }
    return out;
  }

  @Test
  void eachLineIsOneUsersSequenceInOrder() throws IOException {
    Manifest m = new SequenceLinesImporter().run(ImportRequest.of(
        fixture("sequence-lines").resolve("Beauty.txt"), tmp.resolve("ds")));
    assertEquals(3, m.counts().users());
    assertEquals(6, m.counts().items());
    assertEquals(10, m.counts().interactions());
    Map<String, List<String>> seq = sequences(tmp.resolve("ds"));
    assertEquals(List.of("5", "3", "9", "3"), seq.get("1"), "order and repeats kept");
    assertEquals(List.of("7"), seq.get("2"));
    assertEquals(List.of("9", "5", "1", "12", "5"), seq.get("3"));
    assertEquals("5", m.provenance().notes().get("longest_sequence"));
  }

  @Test
  void randomSequencesSurviveTheStoreExactly() throws IOException {
    Random rnd = new Random(42);
    Map<String, List<String>> expected = new LinkedHashMap<>();
    StringBuilder sb = new StringBuilder();
    for (int u = 0; u < 300; u++) {
      String user = "u" + rnd.nextInt(1_000_000) + "_" + u;
      List<String> items = new ArrayList<>();
      int len = 1 + rnd.nextInt(60);
      for (int k = 0; k < len; k++) {
        items.add(Integer.toString(rnd.nextInt(200)));
      }
      expected.put(user, items);
      sb.append(user).append(' ').append(String.join(rnd.nextBoolean() ? " " : "\t", items))
          .append('\n');
    }
    Path f = tmp.resolve("Toys.txt");
    Files.writeString(f, sb);
    Manifest m = new SequenceLinesImporter().run(ImportRequest.of(f, tmp.resolve("ds")));
    assertEquals(expected.values().stream().mapToInt(List::size).sum(), m.counts().interactions());
    assertEquals(expected, sequences(tmp.resolve("ds")));
  }

  @Test
  void repeatedUsersAppendAndItemsOnlyLinesNumberUsers() throws IOException {
    Path f = tmp.resolve("s.txt");
    Files.writeString(f, "a 1 2\nb 3\na 4\n");
    Manifest m = new SequenceLinesImporter().run(ImportRequest.of(f, tmp.resolve("ds")));
    assertEquals(Map.of("a", List.of("1", "2", "4"), "b", List.of("3")),
        sequences(tmp.resolve("ds")));
    assertEquals("1", m.provenance().notes().get("repeated_users"));
    new SequenceLinesImporter().run(ImportRequest.of(f, tmp.resolve("ds2"))
        .withOptions(Map.of("first-is-user", "false")));
    assertEquals(Map.of("1", List.of("a", "1", "2"), "2", List.of("b", "3"), "3",
        List.of("a", "4")), sequences(tmp.resolve("ds2")));
  }

  @Test
  void userWithoutItemsIsMalformed() throws IOException {
    Path f = tmp.resolve("Beauty.txt");
    Files.writeString(f, "1 5 3\n4\n2 7\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> new SequenceLinesImporter().run(ImportRequest.of(f, tmp.resolve("ds"))));
    assertEquals("Beauty.txt:2: column 2 (item1): expected a user id followed by at least one"
        + " item, found '4'", e.getMessage());
    Manifest m = new SequenceLinesImporter()
        .run(ImportRequest.of(f, tmp.resolve("ds")).withPolicy(BadRowPolicy.SKIP));
    RowReport r = m.provenance().rows().get(0);
    assertEquals(3, r.read());
    assertEquals(2, r.kept());
    assertEquals(Map.of("malformed, skipped: expected a user id followed by at least one item",
        1L), r.dropped());
    assertEquals(2, m.counts().users());
  }
}
