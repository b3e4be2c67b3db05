package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recompose.data.importer.DatasetAssembler;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public datasets of {@code ../shared/data} for CTR integration tests: skipped with a message
 * when absent; ml-100k imported with the data module's importer; the MIND sample turned into an
 * impressions dataset here, simply (the MIND importer is written elsewhere).
 */
final class SharedCtrData {
  private SharedCtrData() {}

  static Path require(String name) {
    String base = System.getProperty("recompose.shared.data", "../shared/data");
    Path p = Path.of(base).resolve(name);
    assumeTrue(Files.isDirectory(p),
        "shared dataset " + p + " not found: skipping (set -Drecompose.shared.data=DIR)");
    return p;
  }

  static Path ml100k(Path out) throws IOException {
    Path src = require("ml-100k");
    MovieLens100kImporter imp = new MovieLens100kImporter();
    ImportRequest req = ImportRequest.of(src, out);
    DatasetAssembler.write(imp, req, imp.read(req));
    return out;
  }

  private static final DateTimeFormatter MIND_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.ROOT);

  /**
   * MIND {@code news.tsv} + {@code behaviors.tsv} as items (title, abstract, category,
   * subcategory) and impressions (no split column: the loader splits by time). News ids seen only
   * in behaviours become text-less items.
   */
  static Path mind(Path out) throws IOException {
    Path src = require("mind-small-sample");
    Map<String, Integer> items = new LinkedHashMap<>();
    Map<String, Integer> users = new LinkedHashMap<>();
    Map<String, Integer> cats = new LinkedHashMap<>();
    Map<String, Integer> subs = new LinkedHashMap<>();
    List<String[]> news = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(src.resolve("news.tsv"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        items.computeIfAbsent(f[0], k -> items.size());
        news.add(f);
      }
    }
    List<Object[]> imps = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(src.resolve("behaviors.tsv"),
        StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        int user = users.computeIfAbsent(f[1], k -> users.size());
        long ts = LocalDateTime.parse(f[2], MIND_TIME).toEpochSecond(ZoneOffset.UTC);
        List<Integer> hist = new ArrayList<>();
        for (String h : f[3].trim().split(" ")) {
          if (!h.isEmpty()) {
            hist.add(items.computeIfAbsent(h, k -> items.size()));
          }
        }
        String[] c = f[4].trim().split(" ");
        int[] cand = new int[c.length];
        byte[] lab = new byte[c.length];
        for (int k = 0; k < c.length; k++) {
          int dash = c[k].lastIndexOf('-');
          cand[k] = items.computeIfAbsent(c[k].substring(0, dash), x -> items.size());
          lab[k] = Byte.parseByte(c[k].substring(dash + 1));
        }
        imps.add(new Object[] {Integer.parseInt(f[0]), user, ts,
            hist.stream().mapToInt(Integer::intValue).toArray(), cand, lab});
      }
    }
    int n = items.size();
    String[] title = new String[n];
    String[] abs = new String[n];
    int[] cat = new int[n];
    int[] sub = new int[n];
    java.util.Arrays.fill(cat, -1);
    java.util.Arrays.fill(sub, -1);
    for (String[] f : news) {
      int i = items.get(f[0]);
      cat[i] = cats.computeIfAbsent(f[1], k -> cats.size());
      sub[i] = subs.computeIfAbsent(f[2], k -> subs.size());
      title[i] = f[3];
      abs[i] = f[4];
    }
    try (DatasetWriter w = DatasetWriter.create(out, true)) {
      TableWriter it = w.table(StoreLayout.ITEMS, "news");
      ListWriter t = it.text("title", "title");
      for (String s : title) {
        t.addText(s);
      }
      ListWriter a = it.text("abstract", "abstract");
      for (String s : abs) {
        a.addText(s);
      }
      it.ints("category", cat, "item_category", "category");
      it.ints("subcategory", sub, "item_subcategory", "subcategory");
      w.vocab("item_category", new ArrayList<>(cats.keySet()), "categories");
      w.vocab("item_subcategory", new ArrayList<>(subs.keySet()), "subcategories");
      TableWriter im = w.table(StoreLayout.IMPRESSIONS, "impressions");
      int[] id = new int[imps.size()];
      int[] u = new int[imps.size()];
      long[] ts = new long[imps.size()];
      ListWriter h = im.list(StoreLayout.HISTORY, DType.INT32, StoreLayout.ITEM, "history");
      ListWriter c = im.list(StoreLayout.CANDIDATES, DType.INT32, StoreLayout.ITEM, "candidates");
      ListWriter l = im.list(StoreLayout.LABELS, DType.INT8, null, "clicks");
      for (int r = 0; r < imps.size(); r++) {
        Object[] row = imps.get(r);
        id[r] = (Integer) row[0];
        u[r] = (Integer) row[1];
        ts[r] = (Long) row[2];
        h.addRow((int[]) row[3]);
        c.addRow((int[]) row[4]);
        l.addRow((byte[]) row[5]);
      }
      im.ints("impression_id", id, null, "impression id");
      im.ints(StoreLayout.USER, u, StoreLayout.USER, "user");
      im.longs(StoreLayout.TIMESTAMP, ts, "time (UTC seconds)");
      w.vocab(StoreLayout.USER, new ArrayList<>(users.keySet()), "users");
      w.vocab(StoreLayout.ITEM, new ArrayList<>(items.keySet()), "news");
      w.commit("mind-small-sample", null, TinyDatasets.provenance(), null);
    }
    return out;
  }
}
