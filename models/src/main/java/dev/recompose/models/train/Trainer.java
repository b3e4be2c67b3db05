package dev.recompose.models.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Json;
import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.FullRankingEvaluator;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.tensor.Parallel;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.io.SafeTensors;
import dev.recompose.tensor.optim.GradClip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * The training loop of every neural sequential model: shuffled mini-batches, Adam with a
 * learning-rate schedule, validation by full ranking after each epoch (history masked), early
 * stopping with patience, checkpoints every epoch and every N steps, and restore of the best
 * weights at the end.
 *
 * <p>It exists so that every model trains, stops, logs and resumes the same way. A run is
 * bit-reproducible for a given seed and thread count: all randomness of epoch {@code e} and step
 * {@code s} derives from {@code (seed, e)} and {@code (seed, s)} ({@link Seeds}), and a checkpoint
 * holds the weights, the optimiser moments and the {@link TrainState}, so resuming from any
 * checkpoint replays the remaining steps exactly and ends with the same metrics as an
 * uninterrupted run.
 */
public final class Trainer {
  private final Trainable model;
  private final TrainConfig cfg;
  private final SequenceData data;
  private final RunDir run;
  private final ProgressFactory progress;
  private final Consumer<String> log;
  private final ResumableAdam opt;

  /**
   * @param log receives one human-readable line per epoch (e.g. {@code System.err::println})
   */
  public Trainer(Trainable model, TrainConfig cfg, SequenceData data, RunDir run,
      ProgressFactory progress, Consumer<String> log) {
    this.model = Objects.requireNonNull(model, "model");
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.data = Objects.requireNonNull(data, "data");
    this.run = Objects.requireNonNull(run, "run");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.log = Objects.requireNonNull(log, "log");
    if (model.numExamples() == 0) {
      throw new IllegalArgumentException("the model has no training examples (are all train"
          + " sequences too short?)");
    }
    this.opt = new ResumableAdam(model.module().parameters(), cfg.lr(), cfg.beta1(), cfg.beta2(),
        cfg.eps(), cfg.weightDecay(), cfg.decoupled());
  }

  /** Steps per epoch. */
  public int stepsPerEpoch() {
    return (model.numExamples() + cfg.batchSize() - 1) / cfg.batchSize();
  }

  /** Trains from scratch (the model's initial weights). */
  public TrainOutcome train(LongPredicate stopAfterStep) throws IOException {
    Files.createDirectories(run.dir());
    Files.deleteIfExists(run.log());
    Files.deleteIfExists(run.best());
    Files.deleteIfExists(run.checkpoint());
    return loop(TrainState.start(), stopAfterStep);
  }

  /** Continues from {@code run}'s last checkpoint. */
  public TrainOutcome resume(LongPredicate stopAfterStep) throws IOException {
    if (!Files.exists(run.checkpoint())) {
      throw new IllegalStateException(run.dir() + " has no checkpoint to resume from; start the"
          + " run again without --resume");
    }
    SafeTensors.Contents c = SafeTensors.readAll(run.checkpoint());
    TrainState state = TrainState.fromMetadata(c.metadata());
    model.module().load(c.tensors(), true);
    opt.load(c.tensors(), Long.parseLong(c.metadata().getOrDefault("optimizer_steps", "0")));
    truncateLog(state.logLines());
    return loop(state, stopAfterStep);
  }

  private TrainOutcome loop(TrainState s, LongPredicate stopAfterStep) throws IOException {
    Parallel.setThreads(cfg.resolvedThreads());
    int perEpoch = stepsPerEpoch();
    long totalSteps = (long) perEpoch * cfg.epochs();
    int n = model.numExamples();
    String reason = "epochs";
    while (!s.finished() && s.epoch() < cfg.epochs()) {
      int epoch = s.epoch();
      int[] order = Seeds.permutation(n, Seeds.epoch(cfg.seed(), epoch));
      model.module().train();
      double lossSum = s.lossSum();
      double seconds = s.epochSeconds();
      long step = s.globalStep();
      try (Progress bar = progress.start(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1,
          cfg.epochs()), n, "samples")) {
        bar.advance(Math.min(n, (long) s.stepInEpoch() * cfg.batchSize()));
        for (int b = s.stepInEpoch(); b < perEpoch; b++) {
          long t0 = System.nanoTime();
          int from = b * cfg.batchSize();
          int to = Math.min(n, from + cfg.batchSize());
          int[] batch = java.util.Arrays.copyOfRange(order, from, to);
          opt.setLr(cfg.lrAt(step, totalSteps));
          opt.zeroGrad();
          Tensor loss = model.loss(batch, Seeds.step(cfg.seed(), step));
          float lv = loss.item();
          if (!Float.isFinite(lv)) {
            throw new IllegalStateException("loss is " + lv + " at epoch " + (epoch + 1)
                + ", step " + step + "; lower lr or enable grad_clip");
          }
          loss.backward();
          if (cfg.gradClip() > 0) {
            GradClip.clipByNorm(model.module().parameters().values(), cfg.gradClip());
          }
          opt.step();
          step++;
          lossSum += lv;
          seconds += (System.nanoTime() - t0) / 1e9;
          bar.advance(to - from);
          bar.status(String.format(Locale.ROOT, "loss %.4f  %.0f samples/s", lossSum / (b + 1),
              to / Math.max(seconds, 1e-9)));
          s = new TrainState(epoch, b + 1, step, lossSum, seconds, s.bestMetric(),
              s.bestEpoch(), s.badEvals(), s.logLines(), false);
          if (stopAfterStep.test(step)) {
            return new TrainOutcome(s, true, "interrupted");
          }
          if (cfg.checkpointEverySteps() > 0 && step % cfg.checkpointEverySteps() == 0
              && b + 1 < perEpoch) {
            saveCheckpoint(s);
          }
        }
      }
      s = endEpoch(s, perEpoch, n);
      if (s.finished()) {
        reason = s.epoch() < cfg.epochs() ? "early-stopping" : "epochs";
      }
      saveCheckpoint(s);
    }
    restoreBest();
    return new TrainOutcome(s, false, reason);
  }

  private TrainState endEpoch(TrainState s, int perEpoch, int n) throws IOException {
    int done = s.epoch() + 1;
    boolean last = done == cfg.epochs();
    Map<String, Double> valid = Map.of();
    double best = s.bestMetric();
    int bestEpoch = s.bestEpoch();
    int bad = s.badEvals();
    boolean improved = false;
    double evalSeconds = 0;
    if (done % cfg.evalEvery() == 0 || last) {
      EvalOutcome out = validate();
      evalSeconds = out.seconds();
      valid = out.metrics();
      double metric = out.metric(cfg.validMetric());
      if (metric > best) {
        best = metric;
        bestEpoch = done;
        bad = 0;
        improved = true;
        Map<String, String> meta = Map.of("epoch", Integer.toString(done), cfg.validMetric(),
            Double.toString(metric));
        writeAtomically(run.best(), model.module().parameters(), meta);
      } else {
        bad++;
      }
    }
    boolean stop = last || bad >= cfg.patience();
    double loss = s.lossSum() / perEpoch;
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("epoch", done);
    line.put("step", s.globalStep());
    line.put("loss", loss);
    line.put("lr", cfg.lrAt(s.globalStep() - 1, (long) perEpoch * cfg.epochs()));
    ObjectNode v = line.putObject("valid");
    valid.forEach(v::put);
    line.put("best_epoch", bestEpoch);
    line.put("seconds", s.epochSeconds());
    line.put("eval_seconds", evalSeconds);
    line.put("samples_per_s", n / Math.max(s.epochSeconds(), 1e-9));
    Files.writeString(run.log(), Json.mapper().writer()
        .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(line) + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    log.accept(String.format(Locale.ROOT,
        "epoch %3d  loss %.4f  valid %s %s  %.1fs  %.0f samples/s%s", done, loss,
        cfg.validMetric(), valid.isEmpty() ? "-" : String.format(Locale.ROOT, "%.4f",
            valid.get(cfg.validMetric())), s.epochSeconds(),
        n / Math.max(s.epochSeconds(), 1e-9), improved ? "  *best" : ""));
    return new TrainState(done, 0, s.globalStep(), 0, 0, best, bestEpoch, bad,
        s.logLines() + 1, stop);
  }

  /** Full-ranking validation with history masked, on the configured threads. */
  public EvalOutcome validate() {
    model.module().eval();
    try {
      return new FullRankingEvaluator(EvalOptions.defaults().withThreads(cfg.resolvedThreads()))
          .evaluate(model.scorer(), data, Stage.VALID);
    } finally {
      model.module().train();
    }
  }

  private void saveCheckpoint(TrainState s) throws IOException {
    Map<String, Tensor> all = new LinkedHashMap<>(model.module().parameters());
    all.putAll(opt.state());
    Map<String, String> meta = new LinkedHashMap<>(s.toMetadata());
    meta.put("optimizer_steps", Long.toString(opt.steps()));
    meta.put("format", "recompose-train-checkpoint-1");
    writeAtomically(run.checkpoint(), all, meta);
  }

  private static void writeAtomically(java.nio.file.Path target, Map<String, Tensor> tensors,
      Map<String, String> meta) throws IOException {
    java.nio.file.Path tmp = RunDir.temp(target);
    SafeTensors.write(tmp, tensors, meta);
    RunDir.commit(tmp, target);
  }

  private void restoreBest() throws IOException {
    if (Files.exists(run.best())) {
      model.module().load(SafeTensors.read(run.best()), true);
    }
    model.module().eval();
  }

  private void truncateLog(int lines) throws IOException {
    if (!Files.exists(run.log())) {
      if (lines > 0) {
        throw new IllegalStateException(run.log() + " is missing but the checkpoint counts "
            + lines + " epochs");
      }
      return;
    }
    List<String> all = Files.readAllLines(run.log());
    if (all.size() < lines) {
      throw new IllegalStateException(run.log() + " has " + all.size() + " lines, the"
          + " checkpoint expects " + lines);
    }
    List<String> keep = new ArrayList<>(all.subList(0, lines));
    RunDir.writeString(run.log(), keep.isEmpty() ? "" : String.join("\n", keep) + "\n");
  }

  /** Loads the best weights of {@code run} into {@code model} (for evaluation). */
  public static void loadBest(Trainable model, RunDir run) throws IOException {
    if (!Files.exists(run.best())) {
      throw new IllegalStateException(run.dir() + " has no best.safetensors: the run has not"
          + " finished an epoch");
    }
    model.module().load(SafeTensors.read(run.best()), true);
    model.module().eval();
  }
}
