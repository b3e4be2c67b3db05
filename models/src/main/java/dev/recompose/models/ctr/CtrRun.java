package dev.recompose.models.ctr;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.CtrDataLoader;
import dev.recompose.data.store.Json;
import dev.recompose.models.ctr.train.CtrEvaluator;
import dev.recompose.models.ctr.train.CtrTrainingLoop;
import dev.recompose.models.ctr.train.ResumableCtrTrainer;
import dev.recompose.models.ctr.train.SimpleCtrTrainer;
import dev.recompose.models.ctr.train.TrainReport;
import dev.recompose.models.train.RunDir;
import dev.recompose.tensor.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The entry points a command line needs for CTR: {@code train --model NAME} and
 * {@code eval --protocol ctr-logged}.
 *
 * <p>It exists so that the CLI stays a thin layer: open the dataset, load a recipe with
 * overrides, build samples and model, train with a {@link CtrTrainingLoop}, evaluate. A run
 * directory ({@link #trainInto}) holds {@code config.yaml} (the recipe as run), {@value #RUN_FILE}
 * (the dataset it ran on), the checkpoints of {@link ResumableCtrTrainer}, and what the CLI writes
 * ({@code train-log.jsonl}, {@code results.json}); {@link #resume} and {@link #evaluateRun} read it.
 */
public final class CtrRun {
  private CtrRun() {}

  /**
   * The outcome of {@link #train}.
   *
   * @param recipe the recipe as run (after overrides)
   * @param data the samples
   * @param model the trained model (best validation epoch)
   * @param report per-epoch and test figures
   */
  public record Outcome(CtrRecipe recipe, CtrData data, CtrModel model, TrainReport report) {}

  /** Trains recipe {@code recipeName} (or a YAML file) with {@code overrides} on {@code dataDir}. */
  public static Outcome train(Path dataDir, String recipeName, Map<String, String> overrides,
      Consumer<String> log) throws IOException {
    return train(Dataset.open(dataDir), CtrRecipe.load(recipeName).with(overrides), log,
        new SimpleCtrTrainer());
  }

  /** Trains {@code recipe} on {@code ds} with {@code loop}. */
  public static Outcome train(Dataset ds, CtrRecipe recipe, Consumer<String> log,
      CtrTrainingLoop loop) {
    CtrData data = CtrDataLoader.load(ds, recipe.data());
    log.accept("data: " + data.summary());
    CtrModel model = new CtrModel(recipe.model(), data, recipe.train().seed());
    log.accept("model " + recipe.name() + ": " + model.parameterCount() + " parameters");
    TrainReport report = loop.fit(model, data, recipe.train(), log);
    return new Outcome(recipe, data, model, report);
  }

  /** The file that marks a CTR run directory and names its dataset. */
  public static final String RUN_FILE = "ctr-run.json";

  /** Whether {@code dir} is a CTR run directory. */
  public static boolean isCtrRun(Path dir) {
    return Files.isRegularFile(dir.resolve(RUN_FILE));
  }

  /**
   * Trains {@code recipe} on {@code ds} into {@code runDir} with checkpoints at every epoch end
   * (and every {@code train.checkpoint_every} steps when set). The outcome's report is null when
   * {@code stopAfterEpoch} stopped it (a test hook).
   */
  public static Outcome trainInto(Dataset ds, CtrRecipe recipe, Path runDir,
      Consumer<String> log, IntPredicate stopAfterEpoch) throws IOException {
    return trainInto(ds, recipe, runDir, log,
        (e, step, steps) -> step == steps && stopAfterEpoch.test(e));
  }

  /** {@link #trainInto(Dataset, CtrRecipe, Path, Consumer, IntPredicate)}, stoppable mid-epoch. */
  public static Outcome trainInto(Dataset ds, CtrRecipe recipe, Path runDir,
      Consumer<String> log, ResumableCtrTrainer.StopHook stop) throws IOException {
    RunDir run = new RunDir(runDir);
    Files.createDirectories(run.dir());
    RunDir.writeString(run.config(), recipe.toYaml());
    Map<String, String> info = new LinkedHashMap<>();
    info.put("data", ds.dir().toAbsolutePath().normalize().toString());
    info.put("datasetSha256", ds.manifest().contentSha256());
    info.put("recipe", recipe.name());
    RunDir.writeString(run.dir().resolve(RUN_FILE),
        Json.mapper().writeValueAsString(info) + "\n");
    Files.deleteIfExists(run.results());
    return train(ds, recipe, log, new ResumableCtrTrainer(run, stop));
  }

  /** A CTR run directory's recipe and dataset, checked against the recorded checksum. */
  public record Saved(CtrRecipe recipe, Dataset dataset) {}

  /** Reads what {@link #trainInto} recorded in {@code runDir}. */
  public static Saved saved(Path runDir) throws IOException {
    RunDir run = new RunDir(runDir);
    if (!isCtrRun(run.dir())) {
      throw new IllegalArgumentException(runDir + " is not a CTR run directory (no " + RUN_FILE
          + ")");
    }
    Map<?, ?> info = Json.mapper().readValue(run.dir().resolve(RUN_FILE).toFile(), Map.class);
    Dataset ds = Dataset.open(Path.of(String.valueOf(info.get("data"))));
    Object sha = info.get("datasetSha256");
    if (sha != null && !sha.equals(ds.manifest().contentSha256())) {
      throw new IllegalStateException("the dataset at " + info.get("data") + " changed since "
          + runDir + " was trained (checksum " + ds.manifest().contentSha256() + ", recorded "
          + sha + ")");
    }
    return new Saved(CtrRecipe.load(run.config().toString()), ds);
  }

  /**
   * Continues the CTR run in {@code runDir} from its last checkpoint (epoch end, or mid-epoch with
   * {@code train.checkpoint_every}); ends with the same weights and metrics as an uninterrupted
   * run. The report is null when {@code stopAfterEpoch} stopped it again.
   */
  public static Outcome resume(Path runDir, Consumer<String> log, IntPredicate stopAfterEpoch)
      throws IOException {
    return resume(runDir, log, (e, step, steps) -> step == steps && stopAfterEpoch.test(e));
  }

  /** {@link #resume(Path, Consumer, IntPredicate)}, stoppable mid-epoch. */
  public static Outcome resume(Path runDir, Consumer<String> log,
      ResumableCtrTrainer.StopHook stop) throws IOException {
    Saved s = saved(runDir);
    CtrData data = CtrDataLoader.load(s.dataset(), s.recipe().data());
    log.accept("data: " + data.summary());
    CtrModel model = new CtrModel(s.recipe().model(), data, s.recipe().train().seed());
    TrainReport report = new ResumableCtrTrainer(new RunDir(runDir), stop)
        .resume(model, data, s.recipe().train(), log);
    return new Outcome(s.recipe(), data, model, report);
  }

  /**
   * Re-evaluates a finished CTR run: the model of its recipe with the weights of
   * {@code best.safetensors}, protocol {@code ctr-logged} on the test part.
   */
  public static CtrEvaluator.Result evaluateRun(Path runDir) throws IOException {
    Saved s = saved(runDir);
    RunDir run = new RunDir(runDir);
    if (!Files.exists(run.best())) {
      throw new IllegalStateException(runDir + " has no best.safetensors: the run has not"
          + " finished an epoch");
    }
    CtrData data = CtrDataLoader.load(s.dataset(), s.recipe().data());
    CtrModel model = new CtrModel(s.recipe().model(), data, s.recipe().train().seed());
    model.load(SafeTensors.read(run.best()), true);
    model.eval();
    return CtrEvaluator.evaluate(model, data, StoreLayout.SPLIT_TEST,
        s.recipe().train().maxHistory(), s.recipe().train().evalBatch());
  }

  /** Protocol {@code ctr-logged} on the test part of {@code data}. */
  public static CtrEvaluator.Result evaluate(CtrModel model, CtrData data, int maxHistory) {
    return CtrEvaluator.evaluate(model, data, StoreLayout.SPLIT_TEST, maxHistory, 4096);
  }
}
