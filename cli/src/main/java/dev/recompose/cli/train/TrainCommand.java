package dev.recompose.cli.train;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.models.ctr.CtrRecipe;
import dev.recompose.models.recipe.Recipes;
import dev.recompose.models.results.ResultTable;
import dev.recompose.models.train.TrainJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recompose train}: trains a recipe into a run directory, or resumes one. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model recipe on a split dataset into a run directory (config, checkpoints,"
          + " train-log.jsonl, results.json), then evaluate it on the test part.",
      "Sequential recipes: " + "pop, itemknn, bprmf, gru4rec, caser, sasrec, sasrec-ce, bert4rec"
          + " (protocol full, history masked). CTR recipes: lr, dnn, deepfm, dcn, dcnv2, din,"
          + " finalmlp, nrms, naml, lstur (protocol ctr-logged).",
      "Killed mid-run, 'train --resume DIR' continues a run from its last checkpoint (sequential:"
          + " every epoch and every checkpoint_every_steps steps; CTR: every epoch end and every"
          + " train.checkpoint_every steps) and ends with the same metrics as an uninterrupted"
          + " run."
    })
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "A split dataset directory.")
  Path data;

  @Option(names = "--model", paramLabel = "NAME", description = "Recipe name (or a CTR recipe .yaml file).")
  String model;

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<model>).")
  Path runOut;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a recipe field (repeatable); an unknown key is an error listing the valid ones.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run (sequential or CTR).")
  Path resume;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    ProgressFactory progress = quiet ? ProgressFactory.NONE : ProgressFactory.CONSOLE;
    if (resume != null && dev.recompose.models.ctr.CtrRun.isCtrRun(resume)) {
      CtrTrainRun.resume(resume, out);
      return 0;
    }
    if (resume != null) {
      TrainJob.Result r = TrainJob.resume(resume, progress, line -> {
        out.println(line);
        out.flush();
      });
      out.print(ResultTable.format(r.results()));
      out.flush();
      return 0;
    }
    if (data == null || model == null) {
      throw new IllegalArgumentException("give --data DIR and --model NAME (or --resume RUN_DIR)");
    }
    Path runDir = runOut != null ? runOut : Path.of("runs", model);
    if (CtrRecipe.BUILT_IN.contains(model) || model.endsWith(".yaml") || model.endsWith(".yml")) {
      CtrTrainRun.run(data, model, overrides, runDir, out);
      return 0;
    }
    if (!Recipes.NAMES.contains(model)) {
      throw new IllegalArgumentException("unknown model '" + model + "'; sequential: "
          + Recipes.NAMES + "; CTR: " + CtrRecipe.BUILT_IN);
    }
    TrainJob.Result r = TrainJob.run(data, model, overrides, runDir, progress, line -> {
      out.println(line);
      out.flush();
    });
    out.print(ResultTable.format(r.results()));
    out.println("run: " + runDir + " (results.json)");
    out.flush();
    return 0;
  }
}
