package dev.recompose.models.ctr.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.recompose.data.store.Json;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.CtrBatch;
import dev.recompose.models.ctr.CtrModel;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.metric.CtrMetrics;
import dev.recompose.models.train.RunDir;
import dev.recompose.models.train.Seeds;
import dev.recompose.models.train.TrainState;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.io.SafeTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The CTR training loop with checkpoints and exact resume: epochs of {@link CtrSteps} batches with
 * {@link CtrAdam}, a validation pass after each epoch (model selection on the
 * {@link TrainConfig#monitor()} metric), early stopping after {@code patience} epochs without
 * improvement, and the best epoch's weights restored before the test pass.
 *
 * <p>With a run directory it writes, at the end of every epoch, {@code checkpoint.safetensors}
 * (weights, Adam moments, {@link TrainState} and the per-epoch report) and, on improvement,
 * {@code best.safetensors}; both atomically ({@link RunDir}), so a SIGKILL leaves the previous
 * epoch's files. {@link #resume} continues from the last finished epoch and ends with the same
 * weights and metrics as an uninterrupted run.
 *
 * <p>That works because nothing random carries over from one epoch to the next: the shuffle and
 * negative sampling of epoch {@code e} draw from {@link Seeds#epoch}{@code (seed, e)}, and so do the
 * model's own random sources (dropout masks, LSTUR's user masking): from epoch 2 on, the model is
 * rebuilt from a seed of that stream and given the trained weights (the optimiser keeps its
 * moments by name). Generator state therefore never needs saving.
 */
public final class ResumableCtrTrainer implements CtrTrainingLoop {
  private static final String FORMAT = "recompose-ctr-checkpoint-1";
  private final RunDir run;
  private final IntPredicate stopAfterEpoch;

  /** Without checkpoints (in-memory best weights). */
  public ResumableCtrTrainer() {
    this(null, e -> false);
  }

  /**
   * @param run where checkpoints go, or null for none
   * @param stopAfterEpoch test hook: stop (as if killed) after the checkpoint of a finished epoch
   */
  public ResumableCtrTrainer(RunDir run, IntPredicate stopAfterEpoch) {
    this.run = run;
    this.stopAfterEpoch = stopAfterEpoch;
  }

  @Override
  public TrainReport fit(CtrModel model, CtrData data, TrainConfig cfg, Consumer<String> log) {
    if (run != null) {
      try {
        Files.createDirectories(run.dir());
        Files.deleteIfExists(run.checkpoint());
        Files.deleteIfExists(run.best());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loop(model, data, cfg, log, TrainState.start(), List.of(), null, null);
  }

  /**
   * Continues the run of this trainer's directory from its last checkpoint ({@code model} is the
   * freshly built model of the run's recipe and seed; it ends with the best weights). Returns
   * null when the stop hook fired.
   */
  public TrainReport resume(CtrModel model, CtrData data, TrainConfig cfg, Consumer<String> log)
      throws IOException {
    if (run == null || !Files.exists(run.checkpoint())) {
      throw new IllegalStateException((run == null ? "no run directory" : run.dir()
          + " has no checkpoint") + " to resume from (a CTR run checkpoints at the end of each"
          + " epoch); start the run again without --resume");
    }
    SafeTensors.Contents c = SafeTensors.readAll(run.checkpoint());
    Map<String, String> meta = c.metadata();
    if (!FORMAT.equals(meta.get("format"))) {
      throw new IllegalArgumentException(run.checkpoint() + " is not a CTR checkpoint (format "
          + meta.get("format") + ")");
    }
    TrainState state = TrainState.fromMetadata(meta);
    List<TrainReport.Epoch> epochs = Json.mapper().readValue(meta.get("ctr_epochs"),
        new TypeReference<List<TrainReport.Epoch>>() { });
    log.accept("resuming after epoch " + state.epoch() + " (best epoch " + state.bestEpoch()
        + ")");
    return loop(model, data, cfg, log, state, epochs, c, meta.get("tables"));
  }

  private TrainReport loop(CtrModel base, CtrData data, TrainConfig cfg, Consumer<String> log,
      TrainState s, List<TrainReport.Epoch> done, SafeTensors.Contents resumeFrom,
      String savedTables) {
    CtrSteps steps = new CtrSteps(data, cfg);
    boolean hasValid = data.indices(StoreLayout.SPLIT_VALID).length > 0;
    boolean hasTest = data.indices(StoreLayout.SPLIT_TEST).length > 0;
    List<TrainReport.Epoch> epochs = new ArrayList<>(done);
    Map<String, Tensor> bestState = null;
    CtrModel model = base;
    CtrAdam opt = null;
    Map<String, Tensor> savedMoments = resumeFrom == null ? null : resumeFrom.tensors();
    int savedSteps = resumeFrom == null ? 0
        : Integer.parseInt(resumeFrom.metadata().getOrDefault("optimizer_steps", "0"));
    if (resumeFrom != null && savedTables != null) {
      opt = optimizer(cfg, tables(savedTables));
      opt.load(savedMoments, savedSteps);
    }
    while (!s.finished() && s.epoch() < cfg.epochs()) {
      int e = s.epoch() + 1;
      Rng rng = Seeds.epoch(cfg.seed(), e);
      long modelSeed = rng.nextLong();
      if (e > 1) {
        CtrModel next = new CtrModel(base.spec(), data, modelSeed);
        next.load(resumeFrom != null && model == base ? resumeFrom.tensors() : model.parameters(),
            true);
        model = next;
      }
      if (opt != null) {
        opt.bind(model.parameters());
      }
      model.train();
      long t0 = System.nanoTime();
      double lossSum = 0;
      long rows = 0;
      int batches = 0;
      for (CtrBatch b : steps.epoch(rng)) {
        model.zeroGrad();
        Tensor loss = steps.loss(model, b);
        float lv = loss.item();
        if (!Float.isFinite(lv)) {
          throw new IllegalStateException("loss is " + lv + " at epoch " + e + ", step "
              + (batches + 1) + "; lower train.lr");
        }
        loss.backward();
        if (opt == null) {
          opt = optimizer(cfg, CtrAdam.tablesOf(model.parameters())).bind(model.parameters());
        }
        opt.step();
        lossSum += lv;
        rows += b.size();
        batches++;
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      CtrMetrics.Report valid = hasValid ? CtrEvaluator.evaluate(model, data,
          StoreLayout.SPLIT_VALID, cfg.maxHistory(), cfg.evalBatch()).metrics() : null;
      epochs.add(new TrainReport.Epoch(e, lossSum / batches, secs, rows / secs, valid));
      log.accept(String.format(Locale.ROOT, "epoch %d: loss %.4f, %.1f s, %.0f rows/s%s",
          e, lossSum / batches, secs, rows / secs, valid == null ? "" : "; valid " + valid));
      double score = valid == null ? -lossSum / batches
          : monitor(cfg, data, valid);
      double best = s.bestMetric();
      int bestEpoch = s.bestEpoch();
      int stale = s.badEvals();
      boolean stop = false;
      if (score > best) {
        best = score;
        bestEpoch = e;
        stale = 0;
        bestState = snapshot(model);
        saveBest(bestState, e);
      } else if (cfg.patience() > 0 && ++stale >= cfg.patience()) {
        log.accept("early stop: no validation improvement for " + stale + " epochs");
        stop = true;
      }
      s = new TrainState(e, 0, (long) opt.steps(), 0, 0, best, bestEpoch, stale, e,
          stop || e == cfg.epochs());
      saveCheckpoint(model, opt, s, epochs);
      if (stopAfterEpoch.test(e) && !s.finished()) {
        return null;
      }
    }
    if (bestState == null && run != null && Files.exists(run.best())) {
      try {
        bestState = SafeTensors.read(run.best());
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    base.load(bestState != null ? bestState : model.parameters(), true);
    base.eval();
    CtrMetrics.Report test = hasTest ? CtrEvaluator.evaluate(base, data, StoreLayout.SPLIT_TEST,
        cfg.maxHistory(), cfg.evalBatch()).metrics() : null;
    if (test != null) {
      log.accept("test (epoch " + s.bestEpoch() + "): " + test);
    }
    return new TrainReport(epochs, s.bestEpoch(), test, base.parameterCount());
  }

  /** The validation score to maximise. */
  static double monitor(TrainConfig cfg, CtrData data, CtrMetrics.Report valid) {
    String m = cfg.monitor();
    if (m.equals("auto")) {
      m = data.groupKey().equals("impression") ? "gauc" : "auc-logloss";
    }
    return switch (m) {
      case "gauc" -> Double.isNaN(valid.gauc()) ? valid.auc() : valid.gauc();
      case "auc" -> valid.auc();
      default -> valid.auc() - valid.logloss();
    };
  }

  private static CtrAdam optimizer(TrainConfig cfg, Set<String> tables) {
    return new CtrAdam(tables, cfg.lr(), (float) cfg.embeddingL2(),
        cfg.optimizer().equals("lazyadam"));
  }

  private static Set<String> tables(String joined) {
    return joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
  }

  private void saveBest(Map<String, Tensor> weights, int epoch) {
    if (run != null) {
      write(run.best(), weights, Map.of("epoch", Integer.toString(epoch), "format", "recompose-ctr-best-1"));
    }
  }

  private void saveCheckpoint(CtrModel model, CtrAdam opt, TrainState s,
      List<TrainReport.Epoch> epochs) {
    if (run == null) {
      return;
    }
    Map<String, Tensor> all = new LinkedHashMap<>(model.parameters());
    all.putAll(opt.state());
    Map<String, String> meta = new LinkedHashMap<>(s.toMetadata());
    meta.put("optimizer_steps", Integer.toString(opt.steps()));
    meta.put("tables", String.join(",", opt.tables().stream().sorted().toList()));
    meta.put("format", FORMAT);
    try {
      meta.put("ctr_epochs", Json.mapper().writer().without(
          com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(epochs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(run.checkpoint(), all, meta);
  }

  private static void write(Path target, Map<String, Tensor> tensors, Map<String, String> meta) {
    try {
      Path tmp = RunDir.temp(target);
      SafeTensors.write(tmp, tensors, meta);
      RunDir.commit(tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Tensor> snapshot(CtrModel model) {
    Map<String, Tensor> m = new HashMap<>();
    model.parameters().forEach((k, v) -> m.put(k, v.detach().copy()));
    return m;
  }
}
