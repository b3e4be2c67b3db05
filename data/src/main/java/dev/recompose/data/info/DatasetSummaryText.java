package dev.recompose.data.info;

import dev.recompose.data.store.FilterStep;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link DatasetSummary} as the human-readable text of {@code recompose data info}.
 */
public final class DatasetSummaryText {
  private DatasetSummaryText() {}

  public static String render(DatasetSummary s) {
    StringBuilder b = new StringBuilder();
    b.append("dataset      ").append(s.name()).append("  (").append(s.path()).append(")\n");
    b.append("checksum     sha256:").append(s.contentSha256()).append('\n');
    b.append("created      ").append(s.createdAt()).append(" by ").append(s.createdBy()).append('\n');
    var c = s.counts();
    b.append(String.format(Locale.ROOT,
        "counts       %,d users, %,d items, %,d interactions, %,d impressions%n",
        c.users(), c.items(), c.interactions(), c.impressions()));
    b.append(String.format(Locale.ROOT, "density      %.6f%n", s.density()));
    b.append("per user     ").append(stats(s.interactionsPerUser())).append('\n');
    b.append("per item     ").append(stats(s.interactionsPerItem())).append('\n');
    b.append("\nschema\n");
    for (Map.Entry<String, Map<String, String>> t : s.schema().entrySet()) {
      b.append("  ").append(t.getKey()).append(" (").append(t.getValue().get("(rows)"))
          .append(" rows)\n");
      t.getValue().forEach((k, v) -> {
        if (!k.equals("(rows)")) {
          b.append(String.format(Locale.ROOT, "    %-18s %s%n", k, v));
        }
      });
    }
    b.append("\nvocabularies\n");
    s.vocabularies().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-20s %,d%n", k, v)));
    b.append("\nsplit        ");
    if (s.split() == null) {
      b.append("none (run 'recompose data split')\n");
    } else {
      b.append(s.split().scheme()).append(" on ").append(s.split().table()).append(", seed ")
          .append(s.split().seed()).append(' ').append(s.split().params()).append('\n');
      s.split().sizes().forEach((k, v) ->
          b.append(String.format(Locale.ROOT, "  %-10s %,d%n", k, v)));
    }
    var p = s.provenance();
    if (p != null) {
      b.append("\nprovenance   importer ").append(p.importer()).append(" from ").append(p.source())
          .append('\n');
      if (!p.options().isEmpty()) {
        b.append("  options    ").append(p.options()).append('\n');
      }
      for (SourceFile f : p.files()) {
        b.append(String.format(Locale.ROOT, "  file       %s (%,d bytes, sha256 %s)%n",
            f.path(), f.bytes(), f.sha256().substring(0, 16) + "..."));
      }
      for (RowReport r : p.rows()) {
        b.append(String.format(Locale.ROOT, "  rows       %-28s read %,d, kept %,d, dropped %,d%n",
            r.file(), r.read(), r.kept(), r.droppedTotal()));
        r.dropped().forEach((why, n) ->
            b.append(String.format(Locale.ROOT, "               %,d: %s%n", n, why)));
      }
      for (FilterStep f : p.filters()) {
        b.append(String.format(Locale.ROOT, "  filter     %s %s: %,d -> %,d rows%n", f.name(),
            f.params(), f.rowsBefore(), f.rowsAfter()));
      }
      p.notes().forEach((k, v) -> b.append("  note       ").append(k).append(": ").append(v)
          .append('\n'));
    }
    return b.toString();
  }

  private static String stats(DatasetSummary.LengthStats l) {
    return String.format(Locale.ROOT,
        "min %d, p25 %d, median %d, p75 %d, p90 %d, max %d, mean %.2f",
        l.min(), l.p25(), l.median(), l.p75(), l.p90(), l.max(), l.mean());
  }
}
