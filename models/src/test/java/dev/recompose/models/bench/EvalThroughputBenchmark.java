package dev.recompose.models.bench;

import dev.recompose.models.baseline.ItemKNN;
import dev.recompose.models.baseline.Pop;
import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.FullRankingEvaluator;
import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.seq.UserBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Micro benchmark of full-ranking evaluation: {@code users x items} (default 100,000 x 100,000)
 * with a random scorer, Pop and ItemKNN (fit time reported), history masked, reporting users/s and peak heap, to show
 * that memory is bounded by threads x batch x items and never by users x items (which would be
 * 40 GB here).
 *
 * <p>Run: {@code java -cp <test classpath> dev.recompose.models.bench.EvalThroughputBenchmark
 * [users] [items] [threads] [batchUsers]}.
 */
public final class EvalThroughputBenchmark {
  private EvalThroughputBenchmark() {}

  /** Scores from a per-user xorshift stream: deterministic, no state, no memory. */
  record RandomScorer(int numItems) implements Scorer {
    @Override
    public String name() {
      return "random";
    }

    @Override
    public void score(UserBatch batch, float[] out) {
      for (int b = 0; b < batch.size(); b++) {
        long x = 0x9E3779B97F4A7C15L * (batch.user(b) + 1);
        int base = b * numItems;
        for (int i = 0; i < numItems; i++) {
          x ^= x << 13;
          x ^= x >>> 7;
          x ^= x << 17;
          out[base + i] = (x >>> 40) * 0x1.0p-24f;
        }
      }
    }
  }

  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    SplittableRandom r = new SplittableRandom(1);
    int[][] train = new int[users][];
    int[] valid = new int[users];
    int[] test = new int[users];
    for (int u = 0; u < users; u++) {
      int n = 5 + r.nextInt(30);
      train[u] = new int[n];
      for (int p = 0; p < n; p++) {
        // skewed popularity: squares of uniforms concentrate on low ids
        double x = r.nextDouble();
        train[u][p] = (int) (x * x * items);
      }
      valid[u] = r.nextInt(items);
      test[u] = r.nextInt(items);
    }
    SequenceData data = SequenceData.of(DatasetRef.inMemory("synthetic"), items, train, valid,
        test);
    train = null;
    EvalOptions o = EvalOptions.defaults().withThreads(threads).withBatchUsers(batch);
    System.out.printf(Locale.ROOT,
        "%d users x %d items, %d threads, %d users/batch: score buffers %.1f MiB in all"
            + " (a users x items matrix would be %.1f GiB); max heap %.0f MiB%n",
        users, items, o.resolvedThreads(), o.resolvedBatchUsers(items),
        o.resolvedThreads() * (double) o.resolvedBatchUsers(items) * items * 4 / (1 << 20),
        (double) users * items * 4 / (1 << 30), Runtime.getRuntime().maxMemory() / 1048576.0);
    long t0 = System.nanoTime();
    Scorer knn = new ItemKNN(100, 0, threads).fit(data);
    System.out.printf(Locale.ROOT, "itemknn fit (k 100, %d train interactions): %.2f s%n",
        data.numTrainInteractions(), (System.nanoTime() - t0) / 1e9);
    for (Scorer s : new Scorer[] {new RandomScorer(items), new Pop().fit(data), knn}) {
      resetPeaks();
      EvalOutcome out = new FullRankingEvaluator(o).evaluate(s, data, Stage.TEST);
      System.out.printf(Locale.ROOT,
          "%-7s full (history masked): %d users in %.2f s = %.0f users/s (%.2f G item-scores/s),"
              + " NDCG@10 %.5f, HR@10 %.5f, peak heap %.0f MiB%n",
          s.name(), out.numUsers(), out.seconds(), out.usersPerSecond(),
          out.usersPerSecond() * items / 1e9, out.metric("NDCG@10"), out.metric("HR@10"),
          peakHeapMiB());
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static double peakHeapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / 1048576.0;
  }
}
