package dev.recompose.bench.cost;

import dev.recompose.bench.run.Deadline;
import dev.recompose.bench.run.InferenceCost;
import dev.recompose.bench.spec.CostOptions;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.seq.UserBatch;
import java.util.Objects;

/**
 * Measures a ranking model's inference cost the same way for every model: the latency of one
 * user's request (score every item for that user) and the throughput of batched scoring.
 *
 * <p>It exists because RecBench's central finding is a cost gap, and the gap is only meaningful
 * when measured identically. Requests cycle over the users with a test target, their inputs as
 * at test time; all timing is on the calling thread, after untimed warm-up calls (JIT). The
 * deadline is checked between requests.
 */
public final class LatencyProbe {
  private LatencyProbe() {}

  /** Measures {@code scorer} on the test inputs of {@code data}. */
  public static InferenceCost measure(Scorer scorer, SequenceData data, CostOptions opts,
      Deadline deadline) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(data, "data");
    int[] users = data.users(Stage.TEST);
    if (users.length == 0) {
      throw new IllegalArgumentException("no user has a test target to time requests with");
    }
    int n = scorer.numItems();
    float[] one = new float[n];
    int total = opts.warmup() + opts.latencyRepeats();
    double[] ms = new double[opts.latencyRepeats()];
    for (int r = 0; r < total; r++) {
      deadline.check("latency measurement");
      int u = users[r % users.length];
      UserBatch b = new UserBatch(new int[] {u}, new int[][] {data.input(u, Stage.TEST)}, 1);
      long t0 = System.nanoTime();
      scorer.score(b, one);
      long t1 = System.nanoTime();
      if (r >= opts.warmup()) {
        ms[r - opts.warmup()] = (t1 - t0) / 1e6;
      }
    }
    int bs = opts.batchUsers();
    int count = Math.min(opts.throughputUsers(), users.length);
    float[] out = new float[bs * n];
    int[] bu = new int[bs];
    int[][] bi = new int[bs][];
    long start = System.nanoTime();
    for (int from = 0; from < count; from += bs) {
      deadline.check("throughput measurement");
      int size = Math.min(bs, count - from);
      for (int k = 0; k < size; k++) {
        bu[k] = users[from + k];
        bi[k] = data.input(bu[k], Stage.TEST);
      }
      scorer.score(new UserBatch(bu, bi, size), out);
    }
    double secs = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
    return new InferenceCost(Percentiles.of(ms, 50), Percentiles.of(ms, 99), ms.length,
        count / secs, bs);
  }
}
