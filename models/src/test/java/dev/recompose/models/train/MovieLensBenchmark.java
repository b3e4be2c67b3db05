package dev.recompose.models.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.split.Splits;
import dev.recompose.data.store.Dataset;
import dev.recompose.models.recipe.Recipes;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.results.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ml-100k accuracy benchmark of BENCHMARKS.md: imports {@code ../shared/data/ml-100k},
 * splits leave-one-out by time (last item test, second to last validation), trains each model
 * with its recipe and prints the full-ranking table (history masked).
 *
 * <p>Heavy, so it only runs when asked: {@code -Drecompose.bench=true}, optionally
 * {@code -Dbench.models=sasrec,bert4rec}, {@code -Dbench.set=epochs=30;threads=2} (applied to
 * every neural model) and {@code -Dbench.out=DIR} (default {@code target/bench}). It skips when
 * the shared data is absent. With {@code -Dbench.evalOnly=true} it only re-evaluates the best
 * checkpoint of existing runs (for runs stopped by a time budget).
 */
public class MovieLensBenchmark {
  /** Runs the benchmark outside JUnit with the same system properties. */
  public static void main(String[] args) throws Exception {
    System.setProperty("recompose.bench", "true");
    new MovieLensBenchmark().ml100k();
  }

  @Test
  public void ml100k() throws Exception {
    assumeTrue(Boolean.getBoolean("recompose.bench"), "benchmark not requested"
        + " (-Drecompose.bench=true)");
    Path src = Path.of(System.getProperty("recompose.shared.data", "../shared/data"))
        .resolve("ml-100k");
    assumeTrue(Files.isDirectory(src), "no " + src);
    Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
    Path data = out.resolve("ml-100k-loo");
    if (!Files.exists(data.resolve("manifest.json"))) {
      new MovieLens100kImporter().run(ImportRequest.of(src, data));
      // the same scheme as 'recompose data split --scheme leave-one-out'
      Splits.apply(Dataset.open(data), "leave-one-out", Map.of(), 42);
    }
    List<String> models = Arrays.asList(System.getProperty("bench.models",
        String.join(",", Recipes.NAMES)).split(","));
    String set = System.getProperty("bench.set", "");
    List<EvalResult> rows = new ArrayList<>();
    if (Boolean.getBoolean("bench.evalOnly")) {
      // re-evaluate the best checkpoint of runs cut short by the time budget (or finished ones)
      for (String m : models) {
        rows.add(EvalJob.run(out.resolve("runs").resolve(m), "full", true));
      }
      System.out.print(ResultTable.format(rows, List.of("HR@10", "NDCG@10", "MRR@10", "HR@20",
          "NDCG@20")));
      return;
    }
    for (String m : models) {
      Map<String, String> o = new java.util.LinkedHashMap<>();
      if (!set.isBlank() && !m.equals("pop") && !m.equals("itemknn")) {
        o.putAll(Recipes.overrides(Arrays.asList(set.split(";"))));
      }
      String extra = System.getProperty("bench.set." + m, "");
      if (!extra.isBlank()) {
        o.putAll(Recipes.overrides(Arrays.asList(extra.split(";"))));
      }
      long t0 = System.nanoTime();
      TrainJob.Result r = TrainJob.run(data, m, o, out.resolve("runs").resolve(m),
          ProgressFactory.NONE, line -> System.out.println(m + ": " + line));
      System.out.printf("%s: %.1f s, best epoch %s, overrides %s%n", m,
          (System.nanoTime() - t0) / 1e9, r.outcome() == null ? "-" : r.outcome().bestEpoch(),
          o);
      rows.addAll(r.results());
      System.out.print(ResultTable.format(rows, List.of("HR@10", "NDCG@10", "MRR@10", "HR@20",
          "NDCG@20")));
    }
  }

}
