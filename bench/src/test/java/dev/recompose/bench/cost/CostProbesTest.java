package dev.recompose.bench.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.bench.run.BudgetExceededException;
import dev.recompose.bench.run.Deadline;
import dev.recompose.bench.run.InferenceCost;
import dev.recompose.bench.spec.CostOptions;
import dev.recompose.models.baseline.Pop;
import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.UserBatch;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CostProbesTest {
  private static SequenceData data() {
    int[][] train = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
    return SequenceData.of(DatasetRef.inMemory("t"), 6, train, new int[] {2, 3, 4, 5},
        new int[] {5, 4, 5, 0});
  }

  @Test
  void percentilesAreNearestRank() {
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) {
      v[i] = 100 - i;
    }
    assertEquals(50, Percentiles.of(v, 50));
    assertEquals(99, Percentiles.of(v, 99));
    assertEquals(100, Percentiles.of(v, 100));
    assertEquals(7, Percentiles.of(new double[] {7}, 99));
    assertEquals(2, Percentiles.of(new double[] {3, 1, 2}, 50));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new double[0], 50));
  }

  @Test
  void latencyProbeTimesSingleUserRequestsAndBatches() {
    SequenceData d = data();
    Scorer pop = new Pop().fit(d);
    AtomicInteger singles = new AtomicInteger();
    AtomicInteger batchRows = new AtomicInteger();
    Scorer counting = new Scorer() {
      public String name() {
        return "counting";
      }

      public int numItems() {
        return pop.numItems();
      }

      public void score(UserBatch b, float[] out) {
        if (b.size() == 1) {
          singles.incrementAndGet();
        } else {
          batchRows.addAndGet(b.size());
        }
        pop.score(b, out);
      }
    };
    InferenceCost c = LatencyProbe.measure(counting, d, new CostOptions(7, 3, 4, 2),
        Deadline.after(Duration.ofMinutes(5)));
    assertEquals(7, c.requests());
    assertEquals(10, singles.get(), "3 warm-up + 7 timed requests");
    assertEquals(4, batchRows.get(), "4 users in batches of 2");
    assertTrue(c.p99Ms() >= c.p50Ms());
    assertTrue(c.usersPerSecond() > 0);
  }

  @Test
  void latencyProbeStopsAtTheDeadline() {
    SequenceData d = data();
    Deadline past = new Deadline(System.nanoTime() - 1, Duration.ofMillis(1));
    BudgetExceededException e = assertThrows(BudgetExceededException.class,
        () -> LatencyProbe.measure(new Pop().fit(d), d, CostOptions.defaults(), past));
    assertEquals("time budget of 0.0 s exceeded during latency measurement", e.getMessage());
  }

  @Test
  void heapSamplerSeesAnArrayHeldAtStop() {
    try (HeapSampler s = HeapSampler.start(5)) {
      long before = s.peakBytes();
      long[] big = new long[16 << 20];
      big[big.length - 1] = 1;
      long peak = s.stop();
      assertTrue(peak >= 128L << 20, "peak " + peak + " must include the 128 MiB array");
      assertTrue(peak >= before);
      assertEquals(1, big[big.length - 1]);
    }
  }
}
