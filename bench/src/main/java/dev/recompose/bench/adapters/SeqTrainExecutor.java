package dev.recompose.bench.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recompose.bench.cost.LatencyProbe;
import dev.recompose.bench.run.BudgetExceededException;
import dev.recompose.bench.run.InferenceCost;
import dev.recompose.bench.run.RankingEvaluation;
import dev.recompose.bench.run.RunContext;
import dev.recompose.bench.run.RunExecutor;
import dev.recompose.bench.run.RunOutcome;
import dev.recompose.bench.run.RunSpec;
import dev.recompose.bench.run.TrainCost;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Json;
import dev.recompose.models.eval.Protocols;
import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.recipe.Recipes;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.nn.SeqModels;
import dev.recompose.models.train.RunConfig;
import dev.recompose.models.train.RunDir;
import dev.recompose.models.train.TrainJob;
import dev.recompose.models.train.Trainable;
import dev.recompose.models.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the trained sequential recipes of {@code dev.recompose.models.recipe.Recipes} (SASRec,
 * SASRec-CE, BERT4Rec, GRU4Rec, Caser, BPR-MF) for the grid through {@link TrainJob}: the run
 * directory is the trainer's ({@code config.yaml}, checkpoints, {@code train-log.jsonl}), the
 * spec's seed is the recipe's {@code seed}, and the budget stops training between steps.
 *
 * <p>It exists as the adapter between the bench's executor seam and the trainer, so that the
 * leaderboard compares trained models with the baselines under the same protocols and cost
 * probes. A run directory that holds a checkpoint of an earlier attempt (killed, or stopped by
 * its budget) is resumed from it ({@link TrainJob#resume}), so a long training survives a kill of
 * the grid. The spec's representation becomes the recipe's {@code item.repr} where the recipe has
 * that setting (SASRec, SASRec-CE, BERT4Rec, GRU4Rec): {@code id} keeps the learned item table,
 * {@code emb} projects the frozen {@code emb_minilm} vectors, {@code sid} sums learned vectors of
 * the codes in column {@code sid} (both columns made by {@link ItemRepresentationPreparer}).
 * Cost: train seconds and samples/s from {@code train-log.jsonl} (evaluation excluded),
 * parameters from the module, latency and throughput from {@link LatencyProbe} on the best
 * weights.
 */
public final class SeqTrainExecutor implements RunExecutor {
  /** The recipe's {@code item.repr} for each bench representation other than {@code id}. */
  static final Map<String, String> ITEM_REPR = Map.of(
      "emb", "embedding:" + ItemRepresentationPreparer.EMB,
      "sid", "sid:" + ItemRepresentationPreparer.SID);

  @Override
  public Set<String> models() {
    Set<String> out = new LinkedHashSet<>();
    for (String n : Recipes.NAMES) {
      if (SeqModels.isNeural(Recipes.load(n).model())) {
        out.add(n);
      }
    }
    return out;
  }

  @Override
  public Set<String> representations(String model) {
    if (!Recipes.load(model).values().containsKey("item.repr")) {
      return Set.of("id");
    }
    Set<String> out = new LinkedHashSet<>(List.of("id"));
    out.addAll(List.of("emb", "sid")); // ITEM_REPR's keys, in display order
    return out;
  }

  @Override
  public Set<String> protocols(String model) {
    return new LinkedHashSet<>(Protocols.NAMES);
  }

  @Override
  public void validate(String model, Map<String, String> overrides) {
    if (overrides.containsKey("seed")) {
      throw new IllegalArgumentException("model " + model + ": 'seed' is set by the spec's"
          + " seeds, not by overrides");
    }
    if (overrides.containsKey("item.repr")) {
      throw new IllegalArgumentException("model " + model + ": 'item.repr' is set by the spec's"
          + " representations (id, emb, sid), not by overrides");
    }
    Recipes.load(model).with(overrides);
  }

  @Override
  public RunOutcome execute(RunSpec spec, RunContext ctx) throws Exception {
    Map<String, String> overrides = new LinkedHashMap<>(spec.overrides());
    overrides.put("seed", Long.toString(spec.seed()));
    String repr = ITEM_REPR.get(spec.representation());
    if (repr != null) {
      overrides.put("item.repr", repr);
    }
    RunDir dir = new RunDir(ctx.runDir());
    TrainJob.Result job;
    if (Files.exists(dir.checkpoint()) && Files.exists(dir.config())) {
      // an earlier attempt of this very run (same id, so same settings) was killed or ran out
      // of budget: continue from its last checkpoint rather than start over
      ctx.log().accept("resuming from " + dir.checkpoint());
      job = TrainJob.resume(ctx.runDir(), ctx.progress(), ctx.log(),
          step -> ctx.deadline().expired());
    } else {
      job = TrainJob.run(ctx.datasetDir(), spec.model(), overrides, ctx.runDir(),
          ctx.progress(), ctx.log(), step -> ctx.deadline().expired());
    }
    if (job.outcome() != null && job.outcome().interrupted()) {
      throw new BudgetExceededException(ctx.deadline().budget(), "training");
    }
    RunDir run = new RunDir(ctx.runDir());
    Recipe recipe = RunConfig.read(run).recipe();
    SequenceData data = SequenceData.load(Dataset.open(ctx.datasetDir()));
    Trainable net = SeqModels.create(recipe, data);
    Trainer.loadBest(net, run);
    var scorer = net.scorer();
    ctx.deadline().check("evaluation");
    EvalResult result = spec.protocol().equals("full") && spec.maskHistory()
        && !job.results().isEmpty() ? job.results().getFirst()
        : RankingEvaluation.evaluate(scorer, data, spec, recipe.values());
    InferenceCost inference = LatencyProbe.measure(scorer, data, ctx.cost(), ctx.deadline());
    return new RunOutcome(result, trainCost(run, net.module().parameterCount()), inference);
  }

  /** Sums {@code seconds} and averages {@code samples_per_s} over {@code train-log.jsonl}. */
  static TrainCost trainCost(RunDir run, long parameters) throws IOException {
    double seconds = 0;
    double samples = 0;
    int epochs = 0;
    if (Files.exists(run.log())) {
      List<String> lines = Files.readAllLines(run.log());
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = Json.mapper().readTree(line);
        seconds += n.path("seconds").asDouble();
        samples += n.path("samples_per_s").asDouble();
        epochs++;
      }
    }
    return new TrainCost(seconds, epochs, epochs == 0 ? null : samples / epochs, parameters);
  }
}
