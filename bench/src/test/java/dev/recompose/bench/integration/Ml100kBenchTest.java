package dev.recompose.bench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recompose.bench.Bench;
import dev.recompose.bench.board.Leaderboard;
import dev.recompose.bench.board.LeaderboardRow;
import dev.recompose.bench.run.GridSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's second step: the quickstart's grid on MovieLens 100K imported from
 * {@code ../shared/data/ml-100k} by the spec itself. Skips with a message when the shared data
 * is absent.
 */
class Ml100kBenchTest {
  @TempDir Path tmp;

  @Test
  void runsASpecThatImportsMl100k() throws Exception {
    Path ml = Path.of(System.getProperty("recompose.shared.data", "../shared/data"))
        .resolve("ml-100k");
    assumeTrue(Files.isDirectory(ml), "shared dataset " + ml + " not found: skipping (set"
        + " -Drecompose.shared.data=DIR)");
    Path spec = tmp.resolve("ml.yaml");
    Files.writeString(spec, "name: ml\n"
        + "datasets: [{name: ml-100k, import: {format: movielens-100k, from: "
        + ml.toAbsolutePath() + "}}]\n"
        + "models: [pop, itemknn]\nprotocols: [full]\n"
        + "cost: {latency_repeats: 20, warmup: 5, throughput_users: 256}\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    GridSummary s = Bench.run(spec, tmp.resolve("out"), out);
    assertEquals(2, s.succeeded(), buf.toString(StandardCharsets.UTF_8));
    Leaderboard board = Bench.leaderboard(tmp.resolve("out"), out);
    LeaderboardRow best = board.rows().getFirst();
    assertEquals("itemknn", best.model(), "ItemKNN beats Pop on ml-100k");
    assertTrue(best.best());
    double pop = board.rows().get(1).primary().mean();
    assertTrue(pop > 0.01 && pop < best.primary().mean(), "Pop NDCG@10 " + pop);
    assertTrue(Files.exists(Bench.report(tmp.resolve("out"), out)));
    assertTrue(buf.toString(StandardCharsets.UTF_8).contains("importing movielens-100k from "));
  }
}
