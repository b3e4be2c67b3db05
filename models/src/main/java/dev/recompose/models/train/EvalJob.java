package dev.recompose.models.train;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.Evaluator;
import dev.recompose.models.eval.Protocols;
import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.results.ResultsFile;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.seq.nn.SeqModels;
import dev.recompose.tensor.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code recompose eval}: evaluates a run's model on the test target under a named protocol and
 * records the row in the run's {@code results.json} (replacing a row of the same protocol, stage
 * and masking).
 *
 * <p>It exists so that any protocol can be computed after training without retraining: neural
 * models load {@code best.safetensors}; Pop and ItemKNN are refitted (deterministic and fast).
 */
public final class EvalJob {
  private EvalJob() {}

  /**
   * @param protocol {@code full}, {@code sampled-100-uniform} or {@code sampled-100-popular}
   * @param maskHistory full ranking only: exclude the user's input items from the candidates
   */
  public static EvalResult run(Path runDir, String protocol, boolean maskHistory)
      throws IOException {
    RunDir run = new RunDir(runDir);
    RunConfig cfg = RunConfig.read(run);
    SequenceData seq = SequenceData.load(Dataset.open(cfg.data()));
    return evaluate(run, cfg, seq, protocol, maskHistory);
  }

  static EvalResult evaluate(RunDir run, RunConfig cfg, SequenceData seq, String protocol,
      boolean maskHistory) throws IOException {
    Recipe r = cfg.recipe();
    int threads = r.has("threads") ? r.getInt("threads") : 0;
    EvalOptions opts = EvalOptions.defaults().withThreads(threads).withMaskHistory(maskHistory)
        .withSeed(r.getInt("seed"));
    Evaluator ev = Protocols.create(protocol, opts);
    Scorer scorer = scorer(run, r, seq);
    EvalOutcome out = ev.evaluate(scorer, seq, Stage.TEST);
    EvalResult row = EvalResult.of(out, seq.ref(), r.name(), r.values(), r.getInt("seed"));
    List<EvalResult> rows = new ArrayList<>();
    if (Files.exists(run.results())) {
      for (EvalResult old : ResultsFile.read(run.results())) {
        if (!(old.protocol().equals(row.protocol()) && old.stage().equals(row.stage())
            && old.historyMasked() == row.historyMasked())) {
          rows.add(old);
        }
      }
    }
    rows.add(row);
    ResultsFile.write(run.results(), rows);
    return row;
  }

  private static Scorer scorer(RunDir run, Recipe r, SequenceData seq) throws IOException {
    if (!SeqModels.isNeural(r.model())) {
      return TrainJob.baseline(r).fit(seq);
    }
    int threads = r.getInt("threads");
    Parallel.setThreads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    Trainable net = SeqModels.create(r, seq);
    Trainer.loadBest(net, run);
    return net.scorer();
  }
}
