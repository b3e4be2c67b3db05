package dev.recompose.bench.report;

import static dev.recompose.bench.report.Svg.esc;

import dev.recompose.bench.board.Leaderboard;
import dev.recompose.bench.board.LeaderboardFormat;
import dev.recompose.bench.board.LeaderboardRow;
import dev.recompose.bench.board.Stat;
import dev.recompose.bench.run.RunRecord;
import dev.recompose.bench.spec.Representations;
import dev.recompose.data.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code report.html} of a bench directory: one self-contained file (inline CSS and SVG;
 * no script, no font, nothing fetched) with the leaderboard, quality versus inference latency per
 * dataset and protocol with the Pareto front, the item representations compared per model, the
 * training curves of every run that logged them, and the failed runs.
 *
 * <p>It exists because a benchmark is read, not grepped: RecBench's message (LLM recommenders
 * win quality and lose 10-1000x on cost) is one scatter plot, and BARS' leaderboards are tables
 * with their settings. The output is well-formed XML (XHTML syntax), which the tests check.
 */
public final class HtmlReport {
  /** The file name inside a bench directory. */
  public static final String NAME = "report.html";

  /** Training-curve panels drawn at most (the rest are listed). */
  static final int MAX_CURVES = 48;

  private HtmlReport() {}

  /** Writes the report of {@code benchDir} and returns its path. */
  public static Path write(Path benchDir) throws IOException {
    Leaderboard board = Leaderboard.read(benchDir);
    Path out = benchDir.resolve(NAME);
    Path tmp = benchDir.resolve(NAME + ".partial");
    Files.writeString(tmp, render(board, benchDir));
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return out;
  }

  /** The HTML text; run directories (for training logs) are resolved against {@code benchDir}. */
  public static String render(Leaderboard board, Path benchDir) throws IOException {
    Objects.requireNonNull(board, "board");
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<head><meta charset=\"utf-8\"/><title>Recompose benchmark report</title><style>")
        .append(CSS).append("</style></head><body>\n");
    sb.append("<h1>Recompose benchmark report</h1>\n<p class=\"meta\">")
        .append(esc(benchDir.toAbsolutePath().toString())).append(" &#183; generated ")
        .append(esc(Instant.now().toString())).append(" &#183; code ")
        .append(esc(BuildInfo.version())).append(" &#183; ")
        .append(board.succeeded().size()).append(" runs succeeded, ")
        .append(board.failures().size()).append(" failed</p>\n");
    sb.append("<nav><ul>");
    for (List<String> sec : board.sections()) {
      sb.append("<li><a href=\"#").append(anchor(sec)).append("\">").append(esc(sec.get(0)))
          .append(" / ").append(esc(sec.get(1))).append("</a></li>");
    }
    sb.append("<li><a href=\"#curves\">training curves</a></li>");
    if (!board.failures().isEmpty()) {
      sb.append("<li><a href=\"#failed\">failed runs</a></li>");
    }
    sb.append("</ul></nav>\n");
    if (board.rows().isEmpty()) {
      sb.append("<p>No run has finished yet.</p>\n");
    }
    for (List<String> sec : board.sections()) {
      section(sb, board, sec.get(0), sec.get(1));
    }
    curves(sb, board, benchDir);
    failures(sb, board);
    sb.append("<footer>Quality and cost side by side after RecBench (Liu et al., 2025);"
        + " open, reproducible leaderboards after BARS (Zhu et al., SIGIR 2022). Latency: one"
        + " user's request on one thread (ranking protocols: every item scored; ctr-logged: one"
        + " impression's or user's logged candidates, item representations cached); throughput:"
        + " batched scoring on one thread. Peak heap includes garbage not yet collected."
        + "</footer>\n</body></html>\n");
    return sb.toString();
  }

  private static String anchor(List<String> sec) {
    return ("s-" + sec.get(0) + "-" + sec.get(1)).replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static void section(StringBuilder sb, Leaderboard board, String dataset,
      String protocol) {
    List<LeaderboardRow> rows = board.rows(dataset, protocol);
    String metric = Leaderboard.primaryMetric(protocol);
    sb.append("<section id=\"").append(anchor(List.of(dataset, protocol))).append("\"><h2>")
        .append(esc(dataset)).append(" / ").append(esc(protocol)).append("</h2>\n<p>")
        .append(esc(LeaderboardFormat.sectionTitle(board, dataset, protocol)))
        .append(". &#9733; marks the best row.</p>\n");
    table(sb, rows, protocol);
    sb.append("<div class=\"charts\">");
    List<Pareto.Point> pts = new ArrayList<>();
    for (LeaderboardRow r : rows) {
      Stat lat = r.cost().get("latency_p50_ms");
      if (r.primary() != null && lat != null && lat.mean() > 0) {
        pts.add(new Pareto.Point(lat.mean(), r.primary().mean(), r.model() + " ("
            + r.representation() + ")"));
      }
    }
    if (pts.isEmpty()) {
      sb.append("<p>No latency measured in this section.</p>");
    } else {
      sb.append("<figure>").append(ScatterChart.render(metric + " versus latency, "
          + dataset + " / " + protocol, pts, "request latency p50 (ms)", metric))
          .append("<figcaption>Quality against one user's request latency; the step line and"
              + " &#9733; mark the Pareto front (nothing is both faster and better).</figcaption>"
              + "</figure>");
    }
    Map<String, Map<String, double[]>> groups = new LinkedHashMap<>();
    List<String> bars = new ArrayList<>();
    for (String repr : Representations.NAMES) {
      if (rows.stream().anyMatch(r -> r.representation().equals(repr))) {
        bars.add(repr);
      }
    }
    for (LeaderboardRow r : rows) {
      if (r.primary() != null) {
        groups.computeIfAbsent(r.model(), k -> new LinkedHashMap<>())
            .put(r.representation(), new double[] {r.primary().mean(), r.primary().std()});
      }
    }
    if (!groups.isEmpty()) {
      sb.append("<figure>").append(BarChart.render(metric + " by item representation, "
          + dataset + " / " + protocol, groups, bars, metric))
          .append("<figcaption>Each model with each item representation it was run with"
              + " (RecBench's four forms: id, text, emb, sid); error bars &#177; one standard"
              + " deviation over seeds.</figcaption></figure>");
    }
    sb.append("</div></section>\n");
  }

  private static void table(StringBuilder sb, List<LeaderboardRow> rows, String protocol) {
    List<String> metrics = Leaderboard.shownMetrics(protocol);
    List<String> costs = new ArrayList<>();
    for (String c : Leaderboard.COST_COLUMNS.keySet()) {
      if (rows.stream().anyMatch(r -> r.cost().containsKey(c))) {
        costs.add(c);
      }
    }
    sb.append("<div class=\"scroll\"><table class=\"board\"><thead><tr><th></th><th>model</th>"
        + "<th>repr</th><th>seeds</th>");
    metrics.forEach(m -> sb.append("<th>").append(esc(m)).append("</th>"));
    costs.forEach(c -> sb.append("<th>").append(esc(LeaderboardFormat.costHeader(c)))
        .append("</th>"));
    sb.append("<th>failed</th></tr></thead><tbody>");
    for (LeaderboardRow r : rows) {
      sb.append("<tr").append(r.best() ? " class=\"best\"" : "").append("><td>")
          .append(r.best() ? "&#9733;" : "").append("</td><td>").append(esc(r.model()))
          .append("</td><td>").append(esc(r.representation())).append("</td><td class=\"num\">")
          .append(r.runs()).append("</td>");
      for (String m : metrics) {
        Stat s = r.metrics().get(m);
        sb.append("<td class=\"num\">").append(s == null ? "-" : esc(s.format(4)))
            .append("</td>");
      }
      for (String c : costs) {
        Stat s = r.cost().get(c);
        sb.append("<td class=\"num\">").append(s == null ? "-"
            : esc(LeaderboardFormat.number(s.mean()))).append("</td>");
      }
      sb.append("<td class=\"num").append(r.failed() > 0 ? " bad" : "").append("\">")
          .append(r.failed()).append("</td></tr>");
    }
    sb.append("</tbody></table></div>\n");
  }

  private static void curves(StringBuilder sb, Leaderboard board, Path benchDir)
      throws IOException {
    sb.append("<section id=\"curves\"><h2>Training curves</h2>\n");
    int drawn = 0;
    List<String> skipped = new ArrayList<>();
    for (RunRecord r : board.succeeded()) {
      Path log = benchDir.resolve(r.dir()).resolve("train-log.jsonl");
      if (!Files.exists(log)) {
        continue;
      }
      TrainLog tl;
      try {
        tl = TrainLog.read(log);
      } catch (IOException e) {
        skipped.add(r.spec().label() + ": " + e.getMessage());
        continue;
      }
      if (tl.epochs().isEmpty()) {
        continue;
      }
      if (drawn == MAX_CURVES) {
        skipped.add(r.spec().label() + ": more than " + MAX_CURVES + " curves");
        continue;
      }
      drawn++;
      List<double[]> loss = new ArrayList<>();
      Map<String, List<double[]>> valid = new LinkedHashMap<>();
      for (TrainLog.Epoch e : tl.epochs()) {
        loss.add(new double[] {e.epoch(), e.loss()});
        for (String m : List.of("NDCG@10", "HR@10", "auc", "gauc")) {
          Double v = e.valid().get(m);
          if (v != null) {
            valid.computeIfAbsent("valid " + m, k -> new ArrayList<>())
                .add(new double[] {e.epoch(), v});
          }
        }
      }
      sb.append("<div class=\"run\"><h3>").append(esc(r.spec().label())).append("</h3>")
          .append(LineChart.render("training loss", Map.of("loss", loss), "epoch", "loss"));
      if (!valid.isEmpty()) {
        sb.append(LineChart.render("validation", valid, "epoch", "metric"));
      }
      sb.append("</div>\n");
    }
    if (drawn == 0) {
      sb.append("<p>No run wrote a train-log.jsonl (Pop and ItemKNN fit in one pass; trained"
          + " models log one line per epoch).</p>\n");
    }
    for (String s : skipped) {
      sb.append("<p class=\"bad\">Not drawn: ").append(esc(s)).append("</p>\n");
    }
    sb.append("</section>\n");
  }

  private static void failures(StringBuilder sb, Leaderboard board) {
    if (board.failures().isEmpty()) {
      return;
    }
    sb.append("<section id=\"failed\"><h2>Failed runs</h2><p>Re-running the spec retries only"
        + " these.</p><table class=\"board\"><thead><tr><th>run</th><th>reason</th></tr></thead>"
        + "<tbody>");
    for (RunRecord r : board.failures()) {
      sb.append("<tr><td>").append(esc(r.spec().label())).append("</td><td class=\"bad\">")
          .append(esc(String.valueOf(r.reason()))).append("</td></tr>");
    }
    sb.append("</tbody></table></section>\n");
  }

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;\
      max-width:1200px;padding:0 1rem;color:#222;background:#fff}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;\
      margin-top:2.2rem}h3{font-size:1rem;margin:.4rem 0}
      .meta{color:#666;font-size:.85rem}nav ul{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;\
      padding:0;list-style:none}
      table.board{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}
      table.board th,table.board td{border-bottom:1px solid #e5e5e5;padding:.25rem .45rem;\
      text-align:left}
      table.board th{background:#f6f6f6}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
      tr.best td{font-weight:600;background:#fff8e1}.bad{color:#b00020}
      .scroll{overflow-x:auto;max-width:100%}
      .charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}
      figcaption{font-size:.8rem;color:#555;max-width:560px}
      .run{display:inline-block;vertical-align:top;margin:0 1rem 1rem 0}
      svg.chart{background:#fff}svg .title{font-size:13px;font-weight:600}
      svg .tick,svg .legend{font-size:11px;fill:#333}svg .label{font-size:12px;fill:#333}
      svg .grid{stroke:#eee}svg .axis{stroke:#555}
      svg .pareto{fill:none;stroke:#D55E00;stroke-width:2;stroke-dasharray:5 3}
      svg circle.front{stroke:#D55E00;stroke-width:2.5}svg .series{stroke-width:2}
      svg .err{stroke:#333;stroke-width:1.2}
      footer{margin-top:2.5rem;color:#777;font-size:.8rem}
      """;
}
