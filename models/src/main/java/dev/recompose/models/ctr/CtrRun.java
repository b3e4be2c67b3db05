package dev.recompose.models.ctr;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.CtrDataLoader;
import dev.recompose.models.ctr.train.CtrEvaluator;
import dev.recompose.models.ctr.train.CtrTrainingLoop;
import dev.recompose.models.ctr.train.SimpleCtrTrainer;
import dev.recompose.models.ctr.train.TrainReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The entry points a command line needs for CTR: {@code train --model NAME} and
 * {@code eval --protocol ctr-logged}.
 *
 * <p>It exists so that the CLI stays a thin layer: open the dataset, load a recipe with
 * overrides, build samples and model, train with a {@link CtrTrainingLoop}, evaluate.
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

  /** Protocol {@code ctr-logged} on the test part of {@code data}. */
  public static CtrEvaluator.Result evaluate(CtrModel model, CtrData data, int maxHistory) {
    return CtrEvaluator.evaluate(model, data, StoreLayout.SPLIT_TEST, maxHistory, 4096);
  }
}
