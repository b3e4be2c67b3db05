package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.models.ctr.metric.CtrMetrics;
import org.junit.jupiter.api.Test;

class CtrMetricsTest {
  private static final double E = 1e-6;

  @Test
  void aucCountsTiesAsHalf() {
    // pairs: .9>.8 (1), .9>.1 (1), .8=.8 (0.5), .8>.1 (1) -> 3.5 / 4
    float[] s = {0.9f, 0.8f, 0.8f, 0.1f};
    float[] y = {1, 0, 1, 0};
    assertEquals(0.875, CtrMetrics.auc(s, y, null), E);
    // all tied -> 0.5
    assertEquals(0.5, CtrMetrics.auc(new float[] {0.3f, 0.3f, 0.3f}, new float[] {1, 0, 0}, null),
        E);
    assertTrue(Double.isNaN(CtrMetrics.auc(new float[] {0.1f, 0.2f}, new float[] {1, 1}, null)));
  }

  @Test
  void gaucSkipsSingleClassGroupsAndReportsBothWeightings() {
    float[] s = {0.9f, 0.2f, 0.3f, 0.6f, 0.1f, 0.5f};
    float[] y = {1, 0, 1, 0, 0, 1};
    int[] g = {7, 7, 8, 8, 8, 9};
    CtrMetrics.Report r = CtrMetrics.compute(s, y, g);
    // group 7: AUC 1; group 8: .3 vs .6 (0) and vs .1 (1) = 0.5; group 9: one class, skipped
    assertEquals(0.75, r.gauc(), E);
    assertEquals((2 * 1.0 + 3 * 0.5) / 5, r.gaucWeighted(), E);
    assertEquals(1, r.groupsSkipped());
    assertEquals(3, r.groups());
    // MRR: group 7 rank 1 -> 1; group 8 positive at rank 2 -> 0.5; group 9 -> 1
    assertEquals(2.5 / 3, r.mrr(), E);
    // nDCG: 1, 1/log2(3), 1
    double mid = 1 / (Math.log(3) / Math.log(2));
    assertEquals((2 + mid) / 3, r.ndcg5(), E);
    assertEquals((2 + mid) / 3, r.ndcg10(), E);
  }

  @Test
  void groupingByImpressionDiffersFromPoolingAUser() {
    // one user, two impressions, each ranked perfectly; pooled they are not (Legommenders #20)
    float[] s = {0.9f, 0.8f, 0.3f, 0.1f};
    float[] y = {1, 0, 1, 0};
    assertEquals(1.0, CtrMetrics.compute(s, y, new int[] {0, 0, 1, 1}).gauc(), E);
    assertEquals(0.75, CtrMetrics.compute(s, y, new int[] {5, 5, 5, 5}).gauc(), E);
  }

  @Test
  void mrrAveragesOverAllClickedItems() {
    // positives at ranks 2 and 3: (1/2 + 1/3) / 2
    assertEquals((0.5 + 1 / 3.0) / 2,
        CtrMetrics.mrr(new float[] {0.9f, 0.8f, 0.7f}, new float[] {0, 1, 1}), E);
  }

  @Test
  void ndcgCutsAtK() {
    float[] s = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f};
    float[] y = {0, 0, 0, 0, 0, 1};
    assertEquals(0.0, CtrMetrics.ndcg(s, y, 5), E);
    assertEquals(1 / (Math.log(7) / Math.log(2)), CtrMetrics.ndcg(s, y, 10), E);
    // two positives at ranks 1 and 3: (1 + 1/2) / (1 + 1/log2 3)
    float[] y2 = {1, 0, 1, 0, 0, 0};
    assertEquals(1.5 / (1 + 1 / (Math.log(3) / Math.log(2))), CtrMetrics.ndcg(s, y2, 5), E);
  }

  @Test
  void loglossIsMeanClippedCrossEntropy() {
    assertEquals((-Math.log(0.8) - Math.log(0.7)) / 2,
        CtrMetrics.logloss(new float[] {0.8f, 0.3f}, new float[] {1, 0}), 1e-6);
    // a certain wrong answer is clipped, not infinite
    double clipped = CtrMetrics.logloss(new float[] {0f}, new float[] {1});
    assertEquals(-Math.log(1e-7), clipped, 1e-6);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> CtrMetrics.compute(new float[] {0.1f}, new float[] {1, 0}, new int[] {0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> CtrMetrics.compute(new float[] {0.1f}, new float[] {2}, new int[] {0}));
  }
}
