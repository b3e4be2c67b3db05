package dev.recompose.cli.train;

import dev.recompose.data.BuildInfo;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Json;
import dev.recompose.models.ctr.CtrRecipe;
import dev.recompose.models.ctr.CtrRun;
import dev.recompose.models.ctr.train.TrainReport;
import dev.recompose.models.results.ConfigHash;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a CTR recipe for {@code recompose train} and writes its run directory: the recipe as run
 * ({@code config.yaml}), one JSON line per epoch ({@code train-log.jsonl}) and
 * {@code results.json} with protocol {@code ctr-logged}, dataset checksum, config hash, seed and
 * code version. Checkpoints ({@code checkpoint.safetensors}, {@code best.safetensors}) are written
 * at each epoch end (and {@code checkpoint.safetensors} every {@code train.checkpoint_every} steps
 * when set), so {@code train --resume DIR} continues an interrupted run and
 * {@code eval --run DIR} re-evaluates the best weights.
 */
final class CtrTrainRun {
  private CtrTrainRun() {}

  static void run(Path data, String model, Map<String, String> overrides, Path runDir,
      PrintWriter out) throws IOException {
    Dataset ds = Dataset.open(data);
    CtrRecipe recipe = CtrRecipe.load(model).with(overrides);
    if (ds.manifest().split() != null
        && ds.manifest().split().scheme().equals("leave-one-out")) {
      out.println("note: " + data + " is split leave-one-out, which leaves one test row per user:"
          + " GAUC has no groups to average. For CTR split with --scheme recbench-ctr, user-ratio"
          + " (-p shuffle=true when the data has no time) or impression.");
    }
    CtrRun.Outcome o = CtrRun.trainInto(ds, recipe, runDir, line -> {
      out.println(line);
      out.flush();
    }, e -> false);
    finish(ds, o, runDir, out);
  }

  /** {@code train --resume DIR} of a CTR run: continues from the last checkpoint. */
  static void resume(Path runDir, PrintWriter out) throws IOException {
    CtrRun.Outcome o = CtrRun.resume(runDir, line -> {
      out.println(line);
      out.flush();
    }, e -> false);
    finish(CtrRun.saved(runDir).dataset(), o, runDir, out);
  }

  /**
   * {@code eval --run DIR} of a CTR run: protocol ctr-logged on the test part from
   * {@code best.safetensors}, printed beside the figures the training run recorded.
   */
  static void eval(Path runDir, boolean json, PrintWriter out) throws IOException {
    CtrRun.Saved s = CtrRun.saved(runDir);
    var t = CtrRun.evaluateRun(runDir).metrics();
    Path results = runDir.resolve("results.json");
    Boolean same = null;
    String recorded = "";
    if (Files.isRegularFile(results)) {
      var saved = Json.mapper().readTree(results.toFile()).path("metrics");
      same = saved.path("auc").asDouble() == t.auc()
          && saved.path("logloss").asDouble() == t.logloss();
      recorded = " (AUC " + saved.path("auc").asDouble() + ", logloss "
          + saved.path("logloss").asDouble() + ")";
    }
    if (json) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("protocol", "ctr-logged");
      r.put("stage", "test");
      r.put("model", s.recipe().name());
      r.put("metrics", t);
      r.put("matchesResultsJson", same);
      out.println(Json.mapper().writeValueAsString(r));
    } else {
      out.printf(java.util.Locale.ROOT,
          "%s on %s, protocol ctr-logged (test, best.safetensors): AUC %.4f  GAUC %.4f"
              + "  logloss %.4f  MRR %.4f  nDCG@5 %.4f  nDCG@10 %.4f%n",
          s.recipe().name(), s.dataset().manifest().name(), t.auc(), t.gauc(), t.logloss(),
          t.mrr(), t.ndcg5(), t.ndcg10());
      if (same != null) {
        out.println(same ? "matches results.json of the training run"
            : "differs from results.json of the training run" + recorded);
      }
    }
    out.flush();
  }

  private static void finish(Dataset ds, CtrRun.Outcome o, Path runDir, PrintWriter out)
      throws IOException {
    CtrRecipe recipe = o.recipe();
    TrainReport rep = o.report();
    StringBuilder log = new StringBuilder();
    for (TrainReport.Epoch e : rep.epochs()) {
      log.append(Json.mapper().writer().without(
          com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(e)).append('\n');
    }
    Files.writeString(runDir.resolve("train-log.jsonl"), log);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("protocol", "ctr-logged");
    result.put("stage", "test");
    result.put("dataset", ds.manifest().name());
    result.put("datasetSha256", ds.manifest().contentSha256());
    result.put("split", ds.manifest().split() == null ? "per-user by time (no split column)"
        : ds.manifest().split().scheme() + "/" + ds.manifest().split().seed());
    result.put("model", recipe.name());
    result.put("paper", recipe.paper());
    result.put("configHash", ConfigHash.of(recipe.tree()));
    result.put("seed", recipe.train().seed());
    result.put("codeVersion", BuildInfo.version());
    result.put("parameters", rep.parameters());
    result.put("bestEpoch", rep.bestEpoch());
    result.put("data", o.data().notes());
    result.put("metrics", rep.test());
    Path tmp = runDir.resolve("results.json.tmp");
    Json.mapper().writeValue(tmp.toFile(), result);
    Files.move(tmp, runDir.resolve("results.json"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    var t = rep.test();
    if (t != null) {
      out.printf(java.util.Locale.ROOT,
          "%s on %s, protocol ctr-logged (test): AUC %.4f  GAUC %.4f  logloss %.4f  MRR %.4f"
              + "  nDCG@5 %.4f  nDCG@10 %.4f%n",
          recipe.name(), ds.manifest().name(), t.auc(), t.gauc(), t.logloss(), t.mrr(),
          t.ndcg5(), t.ndcg10());
    }
    out.println("run: " + runDir + " (results.json)");
    out.flush();
  }
}
