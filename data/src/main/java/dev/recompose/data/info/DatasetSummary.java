package dev.recompose.data.info;

import dev.recompose.data.store.ColumnSpec;
import dev.recompose.data.store.Counts;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.NpyArray;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.data.store.TableSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code recompose data info} reports about a dataset: schema, counts, vocabulary sizes,
 * density, the distribution of interactions per user, split sizes and provenance.
 *
 * <p>It exists so that the text and the JSON forms of {@code data info} are two renderings of one
 * value, and scripts get exactly what people read.
 */
public record DatasetSummary(
    String name,
    String path,
    String contentSha256,
    String createdBy,
    String createdAt,
    Counts counts,
    double density,
    LengthStats interactionsPerUser,
    LengthStats interactionsPerItem,
    Map<String, Map<String, String>> schema,
    Map<String, Integer> vocabularies,
    SplitInfo split,
    Provenance provenance) {

  /** Summary statistics of a count distribution (interactions per user or per item). */
  public record LengthStats(
      long count, long min, long p25, long median, long p75, long p90, long max, double mean) {
    static LengthStats of(int[] counts) {
      if (counts.length == 0) {
        return new LengthStats(0, 0, 0, 0, 0, 0, 0, 0);
      }
      int[] s = counts.clone();
      Arrays.sort(s);
      long sum = 0;
      for (int c : s) {
        sum += c;
      }
      return new LengthStats(s.length, s[0], q(s, 0.25), q(s, 0.5), q(s, 0.75), q(s, 0.9),
          s[s.length - 1], (double) sum / s.length);
    }

    private static long q(int[] sorted, double p) {
      int i = (int) Math.floor(p * (sorted.length - 1));
      return sorted[i];
    }
  }

  /** Computes the summary; reads the user and item columns once. */
  public static DatasetSummary of(Dataset ds) {
    var m = ds.manifest();
    Counts c = m.counts();
    LengthStats perUser = new LengthStats(0, 0, 0, 0, 0, 0, 0, 0);
    LengthStats perItem = perUser;
    if (ds.hasTable(StoreLayout.INTERACTIONS)) {
      Table t = ds.table(StoreLayout.INTERACTIONS);
      if (t.has(StoreLayout.USER) && t.has(StoreLayout.ITEM)) {
        perUser = LengthStats.of(histogram(t.scalar(StoreLayout.USER), (int) c.users()));
        perItem = LengthStats.of(histogram(t.scalar(StoreLayout.ITEM), (int) c.items()));
      }
    }
    double density =
        c.users() > 0 && c.items() > 0 ? (double) c.interactions() / c.users() / c.items() : 0;
    Map<String, Map<String, String>> schema = new LinkedHashMap<>();
    for (Map.Entry<String, TableSpec> e : m.tables().entrySet()) {
      Map<String, String> cols = new LinkedHashMap<>();
      cols.put("(rows)", Long.toString(e.getValue().rows()));
      for (Map.Entry<String, ColumnSpec> col : e.getValue().columns().entrySet()) {
        ColumnSpec s = col.getValue();
        String d = s.kind().name().toLowerCase() + " " + s.dtype().descr()
            + (s.width() > 0 ? " x" + s.width() : "")
            + (s.vocab() != null ? " vocab=" + s.vocab() : "");
        cols.put(col.getKey(), d);
      }
      schema.put(e.getKey(), cols);
    }
    Map<String, Integer> vocabs = new LinkedHashMap<>();
    m.vocabs().forEach((k, v) -> vocabs.put(k, v.size()));
    return new DatasetSummary(m.name(), ds.dir().toAbsolutePath().toString(), m.contentSha256(),
        m.createdBy(), m.createdAt(), c, density, perUser, perItem, schema, vocabs, m.split(),
        m.provenance());
  }

  private static int[] histogram(NpyArray codes, int size) {
    int[] h = new int[size];
    long n = codes.size();
    for (long i = 0; i < n; i++) {
      int v = codes.getInt(i);
      if (v >= 0 && v < size) {
        h[v]++;
      }
    }
    return h;
  }
}
