package dev.recompose.bench.board;

import dev.recompose.bench.run.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Leaderboard} as a terminal table, CSV and Markdown.
 *
 * <p>It exists so that {@code recompose bench leaderboard DIR} prints what a person reads and
 * writes what a spreadsheet or a README takes, from one model. Every section names its dataset,
 * protocol, split and history handling (protocols are never implicit); the best row is marked
 * {@code *} (bold in Markdown); metric cells are {@code mean ± std} over seeds, cost cells are
 * means.
 */
public final class LeaderboardFormat {
  /** Short headers of the cost columns in the text and Markdown tables. */
  private static final Map<String, String> COST_HEADERS = Map.of(
      "train_s", "train s", "s_per_epoch", "s/epoch", "samples_per_s", "samples/s",
      "latency_p50_ms", "p50 ms", "latency_p99_ms", "p99 ms", "users_per_s", "users/s",
      "parameters", "params", "peak_heap_mib", "heap MiB");

  private LeaderboardFormat() {}

  /** The short header of cost column {@code column} (e.g. {@code p50 ms}). */
  public static String costHeader(String column) {
    return COST_HEADERS.getOrDefault(column, column);
  }

  /** Writes {@code leaderboard.csv} and {@code leaderboard.md} into {@code dir}; returns them. */
  public static List<Path> write(Leaderboard board, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path csv = dir.resolve("leaderboard.csv");
    Path md = dir.resolve("leaderboard.md");
    atomic(csv, csv(board));
    atomic(md, markdown(board));
    return List.of(csv, md);
  }

  private static void atomic(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".partial");
    Files.writeString(tmp, text);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A compact number: integers for large values, three significant digits for small. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    if (a >= 1000 || (a >= 10 && v == Math.rint(v))) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** The header line of a section: dataset, protocol, split, history handling. */
  public static String sectionTitle(Leaderboard board, String dataset, String protocol) {
    RunRecord any = board.succeeded().stream().filter(r -> r.spec().dataset().equals(dataset)
        && r.spec().protocol().equals(protocol)).findFirst().orElse(null);
    String split = any == null ? "" : protocol.equals("ctr-logged")
        ? ", samples and split as the CTR data loader makes them (see results.json)"
        : ", split " + any.spec().split();
    String hist = any == null || !protocol.equals("full") ? ""
        : any.spec().maskHistory() ? ", history masked" : ", history kept";
    return "dataset " + dataset + ", protocol " + protocol + split + hist + "; ranked by "
        + Leaderboard.primaryMetric(protocol) + " (higher is better), mean ± std over seeds";
  }

  private static List<String> costColumns(List<LeaderboardRow> rows) {
    List<String> out = new ArrayList<>();
    for (String c : Leaderboard.COST_COLUMNS.keySet()) {
      if (rows.stream().anyMatch(r -> r.cost().containsKey(c))) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<List<String>> cells(List<LeaderboardRow> rows, String protocol,
      boolean markdown) {
    List<String> metrics = Leaderboard.shownMetrics(protocol);
    List<String> costs = costColumns(rows);
    List<List<String>> out = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of("", "model", "repr", "seeds"));
    head.addAll(metrics);
    costs.forEach(c -> head.add(COST_HEADERS.get(c)));
    head.add("failed");
    out.add(head);
    for (LeaderboardRow r : rows) {
      List<String> line = new ArrayList<>();
      line.add(r.best() ? "*" : "");
      line.add(markdown && r.best() ? "**" + r.model() + "**" : r.model());
      line.add(r.representation());
      line.add(Integer.toString(r.runs()));
      for (String m : metrics) {
        Stat s = r.metrics().get(m);
        line.add(s == null ? "-" : s.format(4));
      }
      for (String c : costs) {
        Stat s = r.cost().get(c);
        line.add(s == null ? "-" : number(s.mean()));
      }
      line.add(Integer.toString(r.failed()));
      out.add(line);
    }
    return out;
  }

  /** The terminal table: one block per (dataset, protocol), then failed runs. */
  public static String text(Leaderboard board) {
    StringBuilder sb = new StringBuilder();
    if (board.rows().isEmpty()) {
      sb.append("(no runs)\n");
    }
    for (List<String> sec : board.sections()) {
      List<LeaderboardRow> rows = board.rows(sec.get(0), sec.get(1));
      sb.append(sectionTitle(board, sec.get(0), sec.get(1))).append('\n');
      List<List<String>> cells = cells(rows, sec.get(1), false);
      int[] w = new int[cells.getFirst().size()];
      for (List<String> line : cells) {
        for (int c = 0; c < line.size(); c++) {
          w[c] = Math.max(w[c], line.get(c).length());
        }
      }
      for (int l = 0; l < cells.size(); l++) {
        List<String> line = cells.get(l);
        StringBuilder ln = new StringBuilder();
        for (int c = 0; c < line.size(); c++) {
          String s = line.get(c);
          String pad = " ".repeat(w[c] - s.length());
          ln.append(c == 0 ? "" : "  ").append(c < 3 ? s + pad : pad + s);
        }
        sb.append(ln.toString().stripTrailing()).append('\n');
        if (l == 0) {
          sb.append("-".repeat(ln.toString().stripTrailing().length())).append('\n');
        }
      }
      sb.append('\n');
    }
    appendFailures(board, sb, false);
    return sb.toString();
  }

  /** The Markdown document: one table per (dataset, protocol), then failed runs. */
  public static String markdown(Leaderboard board) {
    StringBuilder sb = new StringBuilder("# Leaderboard\n\n");
    for (List<String> sec : board.sections()) {
      sb.append("## ").append(sec.get(0)).append(" / ").append(sec.get(1)).append("\n\n")
          .append(sectionTitle(board, sec.get(0), sec.get(1))).append(". `*` marks the best.\n\n");
      List<List<String>> cells = cells(board.rows(sec.get(0), sec.get(1)), sec.get(1), true);
      for (int l = 0; l < cells.size(); l++) {
        sb.append("| ").append(String.join(" | ", cells.get(l).stream()
            .map(s -> s.replace("|", "\\|")).toList())).append(" |\n");
        if (l == 0) {
          sb.append("|").append("---|".repeat(cells.get(l).size())).append('\n');
        }
      }
      sb.append('\n');
    }
    appendFailures(board, sb, true);
    return sb.toString();
  }

  private static void appendFailures(Leaderboard board, StringBuilder sb, boolean markdown) {
    if (board.failures().isEmpty()) {
      return;
    }
    sb.append(markdown ? "## Failed runs\n\n" : "failed runs (re-run the spec to retry them):\n");
    for (RunRecord r : board.failures()) {
      sb.append(markdown ? "- " : "  ").append(r.spec().label()).append(": ")
          .append(r.reason()).append('\n');
    }
    sb.append('\n');
  }

  /** Flat CSV: one line per row, metric means and stds, cost means; RFC 4180 quoting. */
  public static String csv(Leaderboard board) {
    Set<String> metrics = new LinkedHashSet<>();
    for (LeaderboardRow r : board.rows()) {
      metrics.addAll(Leaderboard.shownMetrics(r.protocol()));
    }
    for (LeaderboardRow r : board.rows()) {
      metrics.addAll(r.metrics().keySet());
    }
    List<String> head = new ArrayList<>(List.of("dataset", "protocol", "model", "representation",
        "seeds", "failed", "best"));
    for (String m : metrics) {
      head.add(m + "_mean");
      head.add(m + "_std");
    }
    head.addAll(Leaderboard.COST_COLUMNS.keySet());
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", head.stream().map(LeaderboardFormat::quote).toList())).append('\n');
    for (LeaderboardRow r : board.rows()) {
      List<String> line = new ArrayList<>(List.of(r.dataset(), r.protocol(), r.model(),
          r.representation(), Integer.toString(r.runs()), Integer.toString(r.failed()),
          Boolean.toString(r.best())));
      for (String m : metrics) {
        Stat s = r.metrics().get(m);
        line.add(s == null ? "" : Double.toString(s.mean()));
        line.add(s == null ? "" : Double.toString(s.std()));
      }
      for (String c : Leaderboard.COST_COLUMNS.keySet()) {
        Stat s = r.cost().get(c);
        line.add(s == null ? "" : Double.toString(s.mean()));
      }
      sb.append(String.join(",", line.stream().map(LeaderboardFormat::quote).toList()))
          .append('\n');
    }
    return sb.toString();
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
