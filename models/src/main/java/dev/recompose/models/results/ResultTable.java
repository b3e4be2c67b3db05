package dev.recompose.models.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Formats result rows as a plain-text table for the terminal: one line per row with model,
 * protocol, stage, history handling ("masked" or "kept") and the chosen metrics, then one footer
 * line per distinct dataset / split / checksum / tie policy / code version among the rows.
 *
 * <p>It exists so that what a user reads on screen always states the protocol, like the JSON.
 */
public final class ResultTable {
  /** The metrics shown by default. */
  public static final List<String> DEFAULT_COLUMNS =
      List.of("HR@10", "NDCG@10", "MRR@10", "HR@20", "NDCG@20");

  private ResultTable() {}

  /** The table of {@code rows} with {@link #DEFAULT_COLUMNS}. */
  public static String format(List<EvalResult> rows) {
    return format(rows, DEFAULT_COLUMNS);
  }

  /** The table of {@code rows} showing {@code columns} (a missing metric prints as "-"). */
  public static String format(List<EvalResult> rows, List<String> columns) {
    if (rows.isEmpty()) {
      return "(no results)\n";
    }
    List<String> header = new ArrayList<>(List.of("model", "protocol", "stage", "history",
        "users"));
    header.addAll(columns);
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (EvalResult r : rows) {
      List<String> line = new ArrayList<>(List.of(r.model(), r.protocol(), r.stage(),
          r.historyMasked() ? "masked" : "kept", Integer.toString(r.users())));
      for (String c : columns) {
        Double v = r.metrics().get(c);
        line.add(v == null ? "-" : String.format(Locale.ROOT, "%.4f", v));
      }
      cells.add(line);
    }
    int[] width = new int[header.size()];
    for (List<String> line : cells) {
      for (int c = 0; c < line.size(); c++) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < cells.size(); l++) {
      List<String> line = cells.get(l);
      for (int c = 0; c < line.size(); c++) {
        String s = line.get(c);
        boolean left = c < 4;
        String pad = " ".repeat(width[c] - s.length());
        sb.append(c == 0 ? "" : "  ").append(left ? s + pad : pad + s);
      }
      sb.append('\n');
      if (l == 0) {
        int total = 0;
        for (int w : width) {
          total += w;
        }
        sb.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
      }
    }
    Set<String> footers = new LinkedHashSet<>();
    for (EvalResult r : rows) {
      String sha = r.datasetSha256() == null ? "-"
          : r.datasetSha256().substring(0, Math.min(12, r.datasetSha256().length()));
      footers.add(String.format(Locale.ROOT,
          "dataset %s (sha256 %s), split %s seed %d, ties %s, code %s%n", r.dataset(), sha,
          r.splitScheme(), r.splitSeed(), r.tiePolicy(), r.codeVersion()));
    }
    footers.forEach(sb::append);
    return sb.toString();
  }
}
