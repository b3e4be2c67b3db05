package dev.recompose.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankMetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void singleRanksByHand() {
    assertEquals(1.0, RankMetrics.ndcg(1, 1), EPS);
    assertEquals(0.5, RankMetrics.ndcg(3, 5), EPS, "1/log2(4)");
    assertEquals(1.0 / 3, RankMetrics.ndcg(7, 10), EPS, "1/log2(8)");
    assertEquals(0.0, RankMetrics.ndcg(11, 10), EPS);
    assertEquals(1.0, RankMetrics.hit(10, 10), EPS);
    assertEquals(0.0, RankMetrics.hit(11, 10), EPS);
    assertEquals(0.25, RankMetrics.mrr(4, 5), EPS);
    assertEquals(0.0, RankMetrics.mrr(6, 5), EPS);
  }

  @Test
  void summaryAveragesOverUsers() {
    Map<String, Double> m = RankMetrics.summarize(new int[] {1, 3, 7, 30}, List.of(1, 5, 10, 20));
    assertEquals(0.25, m.get("HR@1"), EPS);
    assertEquals(0.5, m.get("HR@5"), EPS);
    assertEquals(0.5, m.get("Recall@5"), EPS);
    assertEquals((1 + 0.5) / 4, m.get("NDCG@5"), EPS);
    assertEquals((1 + 1.0 / 3) / 4, m.get("MRR@5"), EPS);
    assertEquals(0.75, m.get("HR@10"), EPS);
    assertEquals((1 + 0.5 + 1.0 / 3) / 4, m.get("NDCG@10"), EPS);
    assertEquals((1 + 1.0 / 3 + 1.0 / 7) / 4, m.get("MRR@20"), EPS);
    assertEquals(16, m.size());
    assertEquals("HR@1", m.keySet().iterator().next());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> RankMetrics.hit(0, 5));
    assertThrows(IllegalArgumentException.class, () -> RankMetrics.ndcg(1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> RankMetrics.summarize(new int[0], List.of(10)));
  }
}
