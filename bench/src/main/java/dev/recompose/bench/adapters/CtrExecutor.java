package dev.recompose.bench.adapters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recompose.bench.cost.Percentiles;
import dev.recompose.bench.run.BudgetExceededException;
import dev.recompose.bench.run.InferenceCost;
import dev.recompose.bench.run.RunContext;
import dev.recompose.bench.run.RunExecutor;
import dev.recompose.bench.run.RunOutcome;
import dev.recompose.bench.run.RunSpec;
import dev.recompose.bench.run.TrainCost;
import dev.recompose.bench.spec.ProtocolNames;
import dev.recompose.data.BuildInfo;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Json;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.CtrBatch;
import dev.recompose.models.ctr.CtrModel;
import dev.recompose.models.ctr.CtrRecipe;
import dev.recompose.models.ctr.CtrRun;
import dev.recompose.models.ctr.ItemTable;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.metric.CtrMetrics;
import dev.recompose.models.ctr.train.TrainReport;
import dev.recompose.models.results.ConfigHash;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.train.RunDir;
import dev.recompose.tensor.GradMode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the CTR recipes of {@link CtrRecipe#BUILT_IN} (LR, DNN, DeepFM, DCN, DCNv2, DIN, FinalMLP,
 * NRMS, NAML, LSTUR) under protocol {@code ctr-logged}, with the spec's seed as
 * {@code train.seed} and the item representation as the recipe's item encoder: {@code id} keeps
 * the recipe's own, {@code emb} uses the frozen {@code emb_minilm} vectors ({@code vector}
 * brick), {@code sid} the semantic-id codes ({@code semantic-id} brick on column {@code sid}).
 *
 * <p>It exists as the adapter between the bench's executor seam and the CTR trainer, so that
 * RecBench's item forms are compared per CTR model. The budget is checked after every epoch (the
 * trainer logs then); a run whose training loss is not finite in any epoch fails with that
 * reason. Cost: train seconds and samples/s from the trainer's report; a request
 * scores one test group's logged candidates (an impression, or a user's samples) with the item
 * representations cached once (Legommenders' evaluation cache, as a server would keep it);
 * throughput is groups per second over batches of groups.
 */
public final class CtrExecutor implements RunExecutor {
  /** The item encoder of each representation ({@code id}: the recipe's own). */
  static final Map<String, String> ITEM_ENCODERS = Map.of(
      "emb", "{name: vector, column: emb_minilm}",
      "sid", "{name: semantic-id, column: sid}");

  @Override
  public Set<String> models() {
    return new java.util.LinkedHashSet<>(CtrRecipe.BUILT_IN);
  }

  @Override
  public Set<String> representations(String model) {
    return Set.of("id", "emb", "sid");
  }

  @Override
  public Set<String> protocols(String model) {
    return Set.of(ProtocolNames.CTR_LOGGED);
  }

  @Override
  public void validate(String model, Map<String, String> overrides) {
    if (overrides.containsKey("train.seed")) {
      throw new IllegalArgumentException("model " + model + ": 'train.seed' is set by the"
          + " spec's seeds, not by overrides");
    }
    try {
      CtrRecipe.load(model).with(overrides);
    } catch (IOException e) {
      throw new IllegalArgumentException("model " + model + ": " + e.getMessage(), e);
    }
  }

  @Override
  public RunOutcome execute(RunSpec spec, RunContext ctx) throws Exception {
    Map<String, String> overrides = new LinkedHashMap<>(spec.overrides());
    overrides.put("train.seed", Long.toString(spec.seed()));
    String item = ITEM_ENCODERS.get(spec.representation());
    if (item != null) {
      overrides.put("model.item", item);
    }
    CtrRecipe recipe = CtrRecipe.load(spec.model()).with(overrides);
    Dataset ds = Dataset.open(ctx.datasetDir());
    // checkpoints at every epoch end (and every train.checkpoint_every steps) in the run
    // directory; the budget is checked after each checkpoint, so a run stopped by its budget (or
    // killed) continues from its last checkpoint
    CtrRun.Outcome o;
    if (CtrRun.isCtrRun(ctx.runDir()) && Files.exists(new RunDir(ctx.runDir()).checkpoint())) {
      ctx.log().accept("resuming from " + new RunDir(ctx.runDir()).checkpoint());
      o = CtrRun.resume(ctx.runDir(), ctx.log(), (epoch, step, steps) -> ctx.deadline().expired());
    } else {
      o = CtrRun.trainInto(ds, recipe, ctx.runDir(), ctx.log(),
          (epoch, step, steps) -> ctx.deadline().expired());
    }
    if (o.report() == null) {
      throw new BudgetExceededException(ctx.deadline().budget(), "training");
    }
    TrainReport rep = o.report();
    writeTrainLog(ctx, rep);
    for (TrainReport.Epoch e : rep.epochs()) {
      if (!Double.isFinite(e.loss())) {
        // the trainer stops at the first non-finite step loss; this also catches a report whose
        // epoch mean overflowed
        throw new IllegalStateException("loss is " + e.loss() + " at epoch " + e.epoch()
            + "; lower train.lr");
      }
    }
    if (rep.test() == null) {
      throw new IllegalArgumentException("dataset " + spec.dataset() + " has no test samples"
          + " for protocol ctr-logged");
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    rep.test().asMap().forEach((k, v) -> {
      if (Double.isFinite(v) || k.equals("auc") || k.equals("logloss")) {
        metrics.put(k, v); // GAUC/MRR are NaN when no group has both classes: left out
      }
    });
    double seconds = 0;
    double samples = 0;
    for (TrainReport.Epoch e : rep.epochs()) {
      seconds += e.seconds();
      samples += e.samplesPerSecond();
    }
    int maxHistory = recipe.train().maxHistory();
    InferenceCost inference = measure(o.model(), o.data(), maxHistory, ctx);
    SplitInfo split = ds.manifest().split();
    Map<String, Object> config = recipe.tree();
    String ctrSplit = o.data().notes().getOrDefault("split",
        split == null ? "recipe" : split.scheme());
    EvalResult result = new EvalResult(ProtocolNames.CTR_LOGGED, "test", false, null,
        "n/a", ctrSplit, recipe.train().seed(),
        spec.dataset(), ds.manifest().contentSha256(), spec.model(), config,
        ConfigHash.of(config), spec.seed(), BuildInfo.version(), rep.test().groups(), metrics,
        0, 0);
    return new RunOutcome(result, new TrainCost(seconds, rep.epochs().size(),
        rep.epochs().isEmpty() ? null : samples / rep.epochs().size(), rep.parameters()),
        inference);
  }

  private static void writeTrainLog(RunContext ctx, TrainReport rep) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (TrainReport.Epoch e : rep.epochs()) {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("epoch", e.epoch());
      n.put("loss", e.loss());
      n.put("seconds", e.seconds());
      n.put("samples_per_s", e.samplesPerSecond());
      ObjectNode v = n.putObject("valid");
      if (e.valid() != null) {
        e.valid().asMap().forEach((k, x) -> {
          if (Double.isFinite(x)) {
            v.put(k, x);
          }
        });
      }
      sb.append(Json.mapper().writer()
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(n)).append('\n');
    }
    Files.writeString(ctx.trainLog(), sb.toString());
  }

  /** Request latency per test group and batched throughput in groups per second. */
  private static InferenceCost measure(CtrModel model, CtrData data, int maxHistory,
      RunContext ctx) {
    int[] idx = data.indices(StoreLayout.SPLIT_TEST);
    Map<Integer, List<Integer>> byGroup = new LinkedHashMap<>();
    for (int i : idx) {
      byGroup.computeIfAbsent(data.group()[i], g -> new ArrayList<>()).add(i);
    }
    List<int[]> groups = new ArrayList<>();
    byGroup.values().forEach(l -> groups.add(l.stream().mapToInt(Integer::intValue).toArray()));
    model.eval();
    try (var g = GradMode.noGrad()) {
      ItemTable table = model.allItemsTable(1024);
      var opts = ctx.cost();
      double[] ms = new double[opts.latencyRepeats()];
      for (int r = 0; r < opts.warmup() + opts.latencyRepeats(); r++) {
        ctx.deadline().check("latency measurement");
        int[] part = groups.get(r % groups.size());
        long t0 = System.nanoTime();
        model.logits(CtrBatch.pointwise(data, part, maxHistory), table).data();
        long t1 = System.nanoTime();
        if (r >= opts.warmup()) {
          ms[r - opts.warmup()] = (t1 - t0) / 1e6;
        }
      }
      int count = Math.min(opts.throughputUsers(), groups.size());
      long start = System.nanoTime();
      for (int from = 0; from < count; from += opts.batchUsers()) {
        ctx.deadline().check("throughput measurement");
        int to = Math.min(count, from + opts.batchUsers());
        int[] all = groups.subList(from, to).stream().flatMapToInt(Arrays::stream).toArray();
        model.logits(CtrBatch.pointwise(data, all, maxHistory), table).data();
      }
      double secs = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
      return new InferenceCost(Percentiles.of(ms, 50), Percentiles.of(ms, 99), ms.length,
          count / secs, opts.batchUsers());
    }
  }
}
