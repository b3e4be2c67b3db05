package dev.recompose.data.importer.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class GenericCsvImporterTest {
  @TempDir Path tmp;

  private Manifest run(Path data, Path mapping) throws IOException {
    return run(data, mapping, Map.of(), BadRowPolicy.FAIL);
  }

  private Manifest run(Path data, Path mapping, Map<String, String> extra, BadRowPolicy p)
      throws IOException {
    Map<String, String> opts = new java.util.HashMap<>(extra);
    opts.put("mapping", mapping.toString());
    return new GenericCsvImporter().run(ImportRequest.of(data, tmp.resolve("ds"))
        .withOptions(opts).withPolicy(p));
  }

  private static Path fx(String file) {
    return Fixtures.fixture("csv").resolve(file);
  }

  private static String category(Dataset ds, String table, String field, int row)
      throws IOException {
    int c = ds.table(table).scalar(field).getInt(row);
    return c < 0 ? null : ds.vocab(table.equals("items") ? "item_" + field : "user_" + field)
        .token(c);
  }

  @Test
  void importsQuotedCsvWithEveryKindOfColumn() throws IOException {
    Manifest m = run(fx("data.csv"), fx("mapping.yaml"));
    assertEquals("data", m.name());
    assertEquals(2, m.counts().users());
    assertEquals(3, m.counts().items());
    assertEquals(4, m.counts().interactions());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    assertArrayEquals(new long[] {900, 1000, 1100, 1200}, inter.scalar("timestamp").toLongArray());
    assertArrayEquals(new float[] {3, 4.5f, 5, 2}, inter.scalar("rating").toFloatArray());
    assertArrayEquals(new byte[] {0, 1, 1, 0}, inter.scalar("label").toByteArray());
    Vocabulary item = ds.vocab("item");
    Table items = ds.table(StoreLayout.ITEMS);
    int i1 = item.code("i1");
    int i2 = item.code("i2");
    int i3 = item.code("i3");
    assertEquals("Widget, large", items.text("title").get(i1), "first non-empty value wins");
    assertEquals("A \"big\" widget", items.text("description").get(i1));
    assertEquals("two\nlines", items.text("description").get(i2), "quoted line break");
    assertEquals("", items.text("title").get(i3));
    assertEquals("Acme", category(ds, "items", "brand", i1));
    assertEquals(null, category(ds, "items", "brand", i2));
    Vocabulary genres = ds.vocab("item_genres");
    assertEquals(List.of("tools", "home"), Arrays.stream(items.list("genres").ints(i1))
        .mapToObj(genres::token).toList());
    assertEquals(0, items.list("genres").ints(i3).length);
    assertEquals("DE", category(ds, "users", "country", ds.vocab("user").code("u1")));
    assertEquals("FR", category(ds, "users", "country", ds.vocab("user").code("u2")),
        "empty values do not count as the first value");
    assertEquals(2, m.provenance().files().size(), "mapping and data are both recorded");
    assertEquals("csv", ImporterRegistry.get("csv").format());
  }

  @Test
  void importsHeaderlessTsvWithIsoTimes() throws IOException {
    Manifest m = run(fx("data.tsv"), fx("mapping-tsv.yaml"));
    assertEquals(3, m.counts().interactions());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertArrayEquals(new long[] {1577836800L, 1577934245L, 1578009600L},
        ds.table(StoreLayout.INTERACTIONS).scalar("timestamp").toLongArray());
    assertEquals("red", category(ds, "items", "column_4", ds.vocab("item").code("x")));
    assertEquals("blue", category(ds, "items", "column_4", ds.vocab("item").code("y")));
    assertFalse(ds.table(StoreLayout.INTERACTIONS).has("rating"));
  }

  @Test
  void importsJsonLinesWithArraysAndMilliseconds() throws IOException {
    Manifest m = run(fx("data.jsonl"), fx("mapping-jsonl.yaml"));
    assertEquals(2, m.counts().users());
    assertEquals(2, m.counts().items());
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertArrayEquals(new long[] {1400000000L, 1500000000L, 1600000000L},
        ds.table(StoreLayout.INTERACTIONS).scalar("timestamp").toLongArray());
    assertEquals(List.of("1", "2"), ds.vocab("user").tokens());
    Table items = ds.table(StoreLayout.ITEMS);
    int b1 = ds.vocab("item").code("B1");
    int b2 = ds.vocab("item").code("B2");
    assertEquals("Book one", items.text("name").get(b1));
    Vocabulary tags = ds.vocab("item_tags");
    assertEquals(List.of("a", "b"), Arrays.stream(items.list("tags").ints(b1))
        .mapToObj(tags::token).toList());
    assertEquals(List.of("c", "d"), Arrays.stream(items.list("tags").ints(b2))
        .mapToObj(tags::token).toList(), "a string is split on the separator");
  }

  @Test
  void mappingMistakesAreExplained() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "user: user_id\nitme: item_id\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(fx("data.csv"), bad));
    assertEquals("bad.yaml: unknown key 'itme'; valid keys: [delimiter, format, header, item,"
        + " item_categorical, item_multi, item_text, label, quoted, rating, timestamp,"
        + " timestamp_format, user, user_categorical]", e.getMessage());
    Files.writeString(bad, "user: user_id\nitem: item_id\nrating: score\n");
    e = assertThrows(IllegalArgumentException.class, () -> run(fx("data.csv"), bad));
    assertEquals("csv: column 'score' (mapping key rating) is not in the header of data.csv;"
        + " header columns: [user_id, item_id, ts, stars, clicked, title, description, brand,"
        + " genres, country]", e.getMessage());
    Files.writeString(bad, "user: user_id\nitem: item_id\nitem_text: [title]\n"
        + "item_categorical: title\n");
    e = assertThrows(IllegalArgumentException.class, () -> run(fx("data.csv"), bad));
    assertEquals("column 'title' is mapped twice (item_text and item_categorical)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GenericCsvImporter()
        .run(ImportRequest.of(fx("data.csv"), tmp.resolve("ds"))));
    assertEquals("csv: --option mapping=path.yaml is required (keys: " + CsvMapping.KEYS + ")",
        e.getMessage());
  }

  @Test
  void malformedRowsFailWithFileLineColumn() throws IOException {
    Path data = tmp.resolve("data.csv");
    Files.writeString(data, "user_id,item_id,ts,stars\nu1,i1,1000,4\nu1,i2,1001,x\n");
    Path mapping = tmp.resolve("m.yaml");
    Files.writeString(mapping, "user: user_id\nitem: item_id\ntimestamp: ts\nrating: stars\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> run(data, mapping));
    assertEquals("data.csv:3: column 4 (stars): expected a number, found 'x'", e.getMessage());
    Files.writeString(data, "user_id,item_id,ts,stars\nu1,i1,2020-01-01,4\n");
    e = assertThrows(DataFormatException.class, () -> run(data, mapping));
    assertEquals("data.csv:2: column 3 (ts): expected Unix seconds, found '2020-01-01'",
        e.getMessage());
    Manifest m = run(data, mapping, Map.of("timestamp_format", "iso-8601"), BadRowPolicy.FAIL);
    assertEquals(1, m.counts().interactions(), "the option overrides the mapping's format");
    Path json = tmp.resolve("d.jsonl");
    Files.writeString(json, "{\"u\": \"a\", \"i\": \"b\"}\n{\"u\": \"a\"}\n");
    Path jm = tmp.resolve("j.yaml");
    Files.writeString(jm, "user: u\nitem: i\n");
    e = assertThrows(DataFormatException.class, () -> run(json, jm));
    assertEquals("d.jsonl:2: field 'i': expected a non-empty item id, found 'nothing'",
        e.getMessage());
  }

  @Test
  void skipPolicyCountsBadRows() throws IOException {
    Path data = tmp.resolve("data.csv");
    Files.writeString(data, "user_id,item_id,clicked,title\nu1,i1,1,First\nu1,i2,maybe,Bad\n"
        + ",i3,0,No user\nu2,i4,0\nu2,i2,1,Second\n");
    Path mapping = tmp.resolve("m.yaml");
    Files.writeString(mapping, "user: user_id\nitem: item_id\nlabel: clicked\n"
        + "item_text: [title]\n");
    Manifest m = run(data, mapping, Map.of(), BadRowPolicy.SKIP);
    RowReport r = Fixtures.report(m, "data.csv");
    assertEquals(5, r.read());
    assertEquals(2, r.kept());
    assertEquals(Map.of("malformed, skipped: expected 0 or 1", 1L,
        "malformed, skipped: expected a non-empty user id", 1L,
        "malformed, skipped: expected 4 fields (as many as the header)", 1L), r.dropped());
    assertEquals(2, m.counts().items(), "skipped rows create no item codes");
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertEquals("Second", ds.table("items").text("title").get(ds.vocab("item").code("i2")),
        "the malformed row's title did not stick");
  }
}
