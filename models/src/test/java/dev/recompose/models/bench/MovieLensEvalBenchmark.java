package dev.recompose.models.bench;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.store.Dataset;
import dev.recompose.models.baseline.ItemKNN;
import dev.recompose.models.baseline.Pop;
import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.FullRankingEvaluator;
import dev.recompose.models.seq.Recommender;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.testutil.LeaveOneOut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Full-ranking evaluation throughput on MovieLens 100K (leave-one-out, test stage, history
 * masked): imports {@code ../shared/data/ml-100k} into a temporary directory, fits Pop and
 * ItemKNN, then evaluates each {@code reps} times after a warm-up and prints the median users/s.
 *
 * <p>Run: {@code java -cp <test classpath> dev.recompose.models.bench.MovieLensEvalBenchmark
 * [ml-100k dir] [threads] [reps]}.
 */
public final class MovieLensEvalBenchmark {
  private MovieLensEvalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path src = Path.of(args.length > 0 ? args[0] : "../shared/data/ml-100k");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path tmp = Files.createTempDirectory("ml100k-bench");
    new MovieLens100kImporter().run(ImportRequest.of(src, tmp.resolve("ml")));
    SequenceData data = SequenceData.load(LeaveOneOut.apply(Dataset.open(tmp.resolve("ml"))));
    EvalOptions o = EvalOptions.defaults().withThreads(threads);
    FullRankingEvaluator eval = new FullRankingEvaluator(o);
    for (Recommender m : List.<Recommender>of(new Pop(), new ItemKNN())) {
      long t0 = System.nanoTime();
      Scorer s = m.fit(data);
      double fit = (System.nanoTime() - t0) / 1e9;
      for (int w = 0; w < 5; w++) {
        eval.evaluate(s, data, Stage.TEST);
      }
      double[] ups = new double[reps];
      EvalOutcome last = null;
      for (int r = 0; r < reps; r++) {
        last = eval.evaluate(s, data, Stage.TEST);
        ups[r] = last.usersPerSecond();
      }
      Arrays.sort(ups);
      System.out.printf(Locale.ROOT,
          "ml-100k %-7s fit %.3f s; full, masked, test: %d users x %d items, %d threads,"
              + " %d users/batch: median %.0f users/s (min %.0f, max %.0f); NDCG@10 %.4f%n",
          m.name(), fit, last.numUsers(), data.numItems(), o.resolvedThreads(),
          o.resolvedBatchUsers(data.numItems()), ups[reps / 2], ups[0], ups[reps - 1],
          last.metric("NDCG@10"));
    }
  }
}
