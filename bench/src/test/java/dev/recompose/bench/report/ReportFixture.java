package dev.recompose.bench.report;

import static dev.recompose.bench.Fixtures.failed;
import static dev.recompose.bench.Fixtures.ok;

import dev.recompose.bench.run.BenchIndex;
import dev.recompose.bench.run.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A bench directory with hand-made runs: two datasets, four representations, curves. */
final class ReportFixture {
  /** Scatter points drawn: one per (model, repr) row with latency. */
  static final int SCATTER_POINTS = 6 + 2;

  private ReportFixture() {}

  static Path create(Path dir) throws IOException {
    BenchIndex index = BenchIndex.open(dir);
    List<RunRecord> runs = List.of(
        ok("synth", "full", "pop", "id", 1, 0.05, 0.004),
        ok("synth", "full", "pop", "id", 2, 0.05, 0.005),
        ok("synth", "full", "itemknn", "id", 1, 0.12, 0.2),
        ok("synth", "full", "sasrec", "id", 1, 0.20, 1.5),
        ok("synth", "full", "sasrec", "id", 2, 0.22, 1.6),
        ok("synth", "full", "sasrec", "emb", 1, 0.24, 1.8),
        ok("synth", "full", "sasrec", "sid", 1, 0.19, 1.4),
        ok("synth", "full", "llm-rank", "text", 1, 0.26, 900),
        ok("ml-100k", "full", "pop", "id", 1, 0.03, 0.01),
        ok("ml-100k", "full", "itemknn", "id", 1, 0.07, 0.4),
        failed("ml-100k", "full", "sasrec", "id", 1, "time budget of 600.0 s exceeded <&>"));
    for (RunRecord r : runs) {
      index.put(r);
    }
    RunRecord withLog = runs.get(3);
    Path runDir = dir.resolve(withLog.dir());
    Files.createDirectories(runDir);
    StringBuilder log = new StringBuilder();
    for (int e = 1; e <= 5; e++) {
      log.append("{\"epoch\":").append(e).append(",\"loss\":").append(1.0 / e)
          .append(",\"valid\":{\"NDCG@10\":").append(0.05 * e).append(",\"HR@10\":")
          .append(0.1 * e).append("}}\n");
    }
    Files.writeString(runDir.resolve("train-log.jsonl"), log);
    return dir;
  }
}
