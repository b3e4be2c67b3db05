package dev.recompose.bench.board;

import static dev.recompose.bench.Fixtures.failed;
import static dev.recompose.bench.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
  private final Leaderboard board = Leaderboard.of(List.of(
      ok("synth", "full", "pop", "id", 1, 0.10, 0.01),
      ok("synth", "full", "pop", "id", 2, 0.10, 0.03),
      ok("synth", "full", "itemknn", "id", 1, 0.20, 0.5),
      ok("synth", "full", "itemknn", "id", 2, 0.30, 0.7),
      failed("synth", "full", "itemknn", "id", 3, "IllegalStateException: loss is NaN"),
      ok("ml", "full", "pop", "id", 1, 0.05, 0.02),
      ok("synth", "ctr-logged", "deepfm", "emb", 1, 0.71, 0.2)));

  @Test
  void aggregatesOverSeedsAndMarksTheBest() {
    List<LeaderboardRow> rows = board.rows();
    assertEquals(4, rows.size());
    LeaderboardRow knn = rows.get(0);
    assertEquals(List.of("synth", "full", "itemknn", "id"),
        List.of(knn.dataset(), knn.protocol(), knn.model(), knn.representation()));
    assertTrue(knn.best());
    assertEquals(2, knn.runs());
    assertEquals(1, knn.failed());
    assertEquals(0.25, knn.primary().mean(), 1e-12);
    assertEquals(Math.sqrt(0.005), knn.primary().std(), 1e-12);
    assertEquals(0.6, knn.cost().get("latency_p50_ms").mean(), 1e-12);
    assertEquals(15.0, knn.cost().get("train_s").mean(), 1e-12);
    LeaderboardRow pop = rows.get(1);
    assertEquals("pop", pop.model());
    assertFalse(pop.best());
    assertEquals(0.0, pop.primary().std(), 1e-15);
    assertFalse(pop.cost().containsKey("parameters"), "pop has no parameter count");
    assertEquals("deepfm", rows.get(2).model(), "ctr-logged after the ranking protocols");
    assertTrue(rows.get(2).best());
    assertEquals("ml", rows.get(3).dataset());
    assertTrue(rows.get(3).best());
    assertEquals(1, board.failures().size());
    assertEquals(List.of(List.of("synth", "full"), List.of("synth", "ctr-logged"),
        List.of("ml", "full")), board.sections());
  }

  @Test
  void textMarkdownAndCsvCarryTheSameNumbers() {
    String text = LeaderboardFormat.text(board);
    assertTrue(text.contains("dataset synth, protocol full, split leave-one-out/42, history"
        + " masked; ranked by NDCG@10 (higher is better), mean ± std over seeds"), text);
    String knnLine = text.lines().filter(l -> l.contains("itemknn")).findFirst().orElseThrow();
    assertTrue(knnLine.startsWith("*"), knnLine);
    assertTrue(knnLine.contains("0.2500 ± 0.0707"), knnLine);
    assertTrue(text.contains("failed runs (re-run the spec to retry them):\n  synth / itemknn"
        + " (id) / full / seed 3: IllegalStateException: loss is NaN"), text);
    assertTrue(text.contains("ranked by auc"), text);

    String md = LeaderboardFormat.markdown(board);
    assertTrue(md.contains("| * | **itemknn** | id | 2 | 0.2500 ± 0.0707 |"), md);
    assertTrue(md.contains("## Failed runs"), md);

    List<String> csv = LeaderboardFormat.csv(board).lines().toList();
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).startsWith("dataset,protocol,model,representation,seeds,failed,best,"
        + "NDCG@10_mean,NDCG@10_std,HR@10_mean,HR@10_std,MRR@10_mean,MRR@10_std,auc_mean"),
        csv.get(0));
    assertTrue(csv.get(1).startsWith("synth,full,itemknn,id,2,1,true,0.25,0.0707106781186547"),
        csv.get(1));
  }

  @Test
  void statIsSampleStandardDeviation() {
    Stat s = Stat.of(List.of(1.0, 2.0, 3.0, 4.0));
    assertEquals(2.5, s.mean(), 1e-12);
    assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-12);
    assertEquals(4, s.n());
    assertEquals("2.500 ± 1.291", s.format(3));
  }
}
