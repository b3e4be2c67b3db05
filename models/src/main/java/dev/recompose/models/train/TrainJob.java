package dev.recompose.models.train;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.models.baseline.ItemKNN;
import dev.recompose.models.baseline.Pop;
import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.recipe.Recipes;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.seq.Recommender;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.nn.SeqModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * {@code recompose train}: builds a recipe's model, trains it (or fits it, for Pop and ItemKNN)
 * into a run directory, then evaluates the test target under protocol {@code full} with history
 * masked and writes {@code results.json}.
 *
 * <p>It exists as the one entry point the CLI calls, for fresh runs ({@link #run}) and for
 * interrupted ones ({@link #resume}); a resumed run ends with the same weights and metrics as an
 * uninterrupted one.
 */
public final class TrainJob {
  private TrainJob() {}

  /** What a finished job produced. */
  public record Result(RunDir run, TrainOutcome outcome, List<EvalResult> results) {}

  /**
   * Trains recipe {@code model} with {@code overrides} on the split dataset {@code data} into
   * {@code out}.
   *
   * @param log receives one line per epoch
   */
  public static Result run(Path data, String model, Map<String, String> overrides, Path out,
      ProgressFactory progress, Consumer<String> log) throws IOException {
    return run(data, model, overrides, out, progress, log, step -> false);
  }

  /** As {@link #run(Path, String, Map, Path, ProgressFactory, Consumer)} with a stop hook (tests). */
  public static Result run(Path data, String model, Map<String, String> overrides, Path out,
      ProgressFactory progress, Consumer<String> log, LongPredicate stopAfterStep)
      throws IOException {
    Objects.requireNonNull(data, "data");
    Recipe recipe = Recipes.load(model).with(overrides);
    RunDir run = new RunDir(out);
    RunConfig cfg = new RunConfig(recipe, data);
    SequenceData seq = SequenceData.load(Dataset.open(cfg.data()));
    cfg.write(run);
    java.nio.file.Files.deleteIfExists(run.results());
    if (!SeqModels.isNeural(recipe.model())) {
      log.accept("fitting " + recipe.model());
      return finish(run, cfg, seq, null);
    }
    Trainable net = SeqModels.create(recipe, seq);
    Trainer t = new Trainer(net, TrainConfig.from(recipe), seq, run, progress, log);
    log.accept(String.format(java.util.Locale.ROOT,
        "training %s: %d parameters, %d examples, %d steps/epoch, config %s", recipe.name(),
        net.module().parameterCount(), net.numExamples(), t.stepsPerEpoch(),
        recipe.hash().substring(0, 12)));
    TrainOutcome o = t.train(stopAfterStep);
    return o.interrupted() ? new Result(run, o, List.of()) : finish(run, cfg, seq, o);
  }

  /** Continues the run in {@code runDir} from its last checkpoint, then evaluates. */
  public static Result resume(Path runDir, ProgressFactory progress, Consumer<String> log)
      throws IOException {
    return resume(runDir, progress, log, step -> false);
  }

  /** As {@link #resume(Path, ProgressFactory, Consumer)} with a stop hook (tests). */
  public static Result resume(Path runDir, ProgressFactory progress, Consumer<String> log,
      LongPredicate stopAfterStep) throws IOException {
    RunDir run = new RunDir(runDir);
    RunConfig cfg = RunConfig.read(run);
    SequenceData seq = SequenceData.load(Dataset.open(cfg.data()));
    if (!SeqModels.isNeural(cfg.recipe().model())) {
      return finish(run, cfg, seq, null);
    }
    Trainable net = SeqModels.create(cfg.recipe(), seq);
    Trainer t = new Trainer(net, TrainConfig.from(cfg.recipe()), seq, run, progress, log);
    TrainOutcome o = t.resume(stopAfterStep);
    return o.interrupted() ? new Result(run, o, List.of()) : finish(run, cfg, seq, o);
  }

  private static Result finish(RunDir run, RunConfig cfg, SequenceData seq, TrainOutcome o)
      throws IOException {
    EvalResult r = EvalJob.evaluate(run, cfg, seq, "full", true);
    return new Result(run, o, List.of(r));
  }

  /** The fitted baseline of a non-neural recipe. */
  static Recommender baseline(Recipe r) {
    return switch (r.model()) {
      case "pop" -> new Pop();
      case "itemknn" -> new ItemKNN(r.getInt("k"), r.getDouble("shrink"), r.getInt("threads"));
      default -> throw new IllegalArgumentException("no baseline '" + r.model() + "'");
    };
  }
}
