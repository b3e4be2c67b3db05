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
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The CTR training loop with checkpoints and exact resume: epochs of {@link CtrSteps} batches with
 * {@link CtrAdam}, a validation pass after each epoch (model selection on the
 * {@link TrainConfig#monitor()} metric), early stopping after {@code patience} epochs without
 * improvement, and the best epoch's weights restored before the test pass.
 *
 * <p>With a run directory it writes, at the end of every epoch and, with
 * {@link TrainConfig#checkpointEvery()} {@code N > 0}, after every {@code N} steps within an epoch,
 * {@code checkpoint.safetensors} (weights, Adam moments, {@link TrainState} with the step within
 * the epoch and its running loss, and the per-epoch report) and, on improvement,
 * {@code best.safetensors}; both atomically ({@link RunDir}), so a SIGKILL leaves the previous
 * checkpoint. {@link #resume} continues from the last checkpoint and ends with the same weights
 * and metrics as an uninterrupted run with the same settings.
 *
 * <p>That works because nothing random carries over from one checkpoint to the next: the shuffle
 * and negative sampling of epoch {@code e} draw from {@link Seeds#epoch}{@code (seed, e)}, which
 * is replayed on resume to rebuild the epoch's batches (the finished ones are skipped), and the
 * model's own random sources (dropout masks, LSTUR's user masking) restart at every checkpoint:
 * the model is rebuilt from a seed of that stream at the start of each epoch from epoch 2 on, and
 * from {@link Seeds#step}{@code (that seed, step)} at each mid-epoch checkpoint, and given the
 * trained weights (the optimiser keeps its moments by name). Generator state therefore never
 * needs saving; the price is that {@code checkpoint_every > 0} draws other dropout masks than
 * {@code 0} (which leaves epoch-end-only runs exactly as before).
 */
public final class ResumableCtrTrainer implements CtrTrainingLoop {
  private static final String FORMAT = "recompose-ctr-checkpoint-1";
  private final RunDir run;
  private final StopHook stop;

  /**
   * Decides after each checkpoint whether training stops there, as if killed: a test hook, and
   * the bench's time budget.
   */
  @FunctionalInterface
  public interface StopHook {
    /**
     * @param epoch the 1-based epoch the checkpoint belongs to
     * @param step steps of {@code epoch} done ({@code steps} at the epoch end)
     * @param steps steps of one epoch
     */
    boolean stopAfter(int epoch, int step, int steps);
  }

  /** Without checkpoints (in-memory best weights). */
  public ResumableCtrTrainer() {
    this(null, (e, st, n) -> false);
  }

  /**
   * @param run where checkpoints go, or null for none
   * @param stopAfterEpoch test hook: stop (as if killed) after the checkpoint of a finished epoch
   */
  public ResumableCtrTrainer(RunDir run, IntPredicate stopAfterEpoch) {
    this(run, (e, step, steps) -> step == steps && stopAfterEpoch.test(e));
  }

  /**
   * @param run where checkpoints go, or null for none
   * @param stop stops (as if killed) after a checkpoint, at an epoch end or within an epoch
   */
  public ResumableCtrTrainer(RunDir run, StopHook stop) {
    this.run = run;
    this.stop = Objects.requireNonNull(stop, "stop");
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
          + " epoch, and every train.checkpoint_every steps when set); start the run again"
          + " without --resume");
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
    if (state.stepInEpoch() == 0) {
      log.accept("resuming after epoch " + state.epoch() + " (best epoch " + state.bestEpoch()
          + ")");
    } // a mid-epoch checkpoint is announced by the loop, which knows the epoch's step count
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
    int every = cfg.checkpointEvery();
    while (!s.finished() && s.epoch() < cfg.epochs()) {
      int e = s.epoch() + 1;
      Rng rng = Seeds.epoch(cfg.seed(), e);
      long modelSeed = rng.nextLong();
      List<CtrBatch> batches = steps.epoch(rng);
      int n = batches.size();
      int from = s.stepInEpoch();
      if (from >= n) {
        throw new IllegalStateException("the checkpoint is at step " + from + " of epoch " + e
            + ", which has " + n + " steps: the data or batch size changed since it was written");
      }
      if (from > 0 || e > 1) {
        Map<String, Tensor> weights = resumeFrom != null && model == base ? resumeFrom.tensors()
            : model.parameters();
        model = rebuilt(base, data, from == 0 ? modelSeed : segmentSeed(modelSeed, from),
            weights);
      }
      if (opt != null) {
        opt.bind(model.parameters());
      }
      model.train();
      double lossSum = s.lossSum();
      double secs = s.epochSeconds();
      long rows = 0;
      for (int i = 0; i < from; i++) {
        rows += batches.get(i).size();
      }
      String resumed = "";
      if (from > 0) {
        resumed = " (resumed at epoch " + e + " step " + from + " of " + n + ")";
        log.accept("resumed at epoch " + e + " step " + from + " of " + n + " (best epoch "
            + s.bestEpoch() + ")");
      }
      long t0 = System.nanoTime();
      for (int i = from; i < n; i++) {
        if (i > from && every > 0 && i % every == 0) {
          secs += (System.nanoTime() - t0) / 1e9;
          s = new TrainState(e - 1, i, (long) opt.steps(), lossSum, secs, s.bestMetric(),
              s.bestEpoch(), s.badEvals(), e - 1, false);
          saveCheckpoint(model, opt, s, epochs);
          if (stop.stopAfter(e, i, n)) {
            return null;
          }
          model = rebuilt(base, data, segmentSeed(modelSeed, i), model.parameters());
          opt.bind(model.parameters());
          model.train();
          t0 = System.nanoTime();
        }
        CtrBatch b = batches.get(i);
        model.zeroGrad();
        Tensor loss = steps.loss(model, b);
        float lv = loss.item();
        if (!Float.isFinite(lv)) {
          throw new IllegalStateException("loss is " + lv + " at epoch " + e + ", step "
              + (i + 1) + "; lower train.lr");
        }
        loss.backward();
        if (opt == null) {
          opt = optimizer(cfg, CtrAdam.tablesOf(model.parameters())).bind(model.parameters());
        }
        opt.step();
        lossSum += lv;
        rows += b.size();
      }
      secs += (System.nanoTime() - t0) / 1e9;
      CtrMetrics.Report valid = hasValid ? CtrEvaluator.evaluate(model, data,
          StoreLayout.SPLIT_VALID, cfg.maxHistory(), cfg.evalBatch()).metrics() : null;
      epochs.add(new TrainReport.Epoch(e, lossSum / n, secs, rows / secs, valid));
      log.accept(String.format(Locale.ROOT, "epoch %d: loss %.4f, %.1f s, %.0f rows/s%s%s",
          e, lossSum / n, secs, rows / secs, resumed,
          valid == null ? "" : "; valid " + valid));
      double score = valid == null ? -lossSum / n
          : monitor(cfg, data, valid);
      double best = s.bestMetric();
      int bestEpoch = s.bestEpoch();
      int stale = s.badEvals();
      boolean stopEarly = false;
      if (score > best) {
        best = score;
        bestEpoch = e;
        stale = 0;
        bestState = snapshot(model);
        saveBest(bestState, e);
      } else if (cfg.patience() > 0 && ++stale >= cfg.patience()) {
        log.accept("early stop: no validation improvement for " + stale + " epochs");
        stopEarly = true;
      }
      s = new TrainState(e, 0, (long) opt.steps(), 0, 0, best, bestEpoch, stale, e,
          stopEarly || e == cfg.epochs());
      saveCheckpoint(model, opt, s, epochs);
      if (!s.finished() && stop.stopAfter(e, n, n)) {
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

  /** A fresh model of {@code base}'s spec whose random sources start from {@code seed}. */
  private static CtrModel rebuilt(CtrModel base, CtrData data, long seed,
      Map<String, Tensor> weights) {
    CtrModel next = new CtrModel(base.spec(), data, seed);
    next.load(weights, true);
    return next;
  }

  /** The model seed from mid-epoch step {@code step} on: a function of the position only. */
  static long segmentSeed(long epochModelSeed, int step) {
    return Seeds.step(epochModelSeed, step).nextLong();
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
