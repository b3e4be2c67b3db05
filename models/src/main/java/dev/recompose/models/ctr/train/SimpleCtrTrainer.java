package dev.recompose.models.ctr.train;

import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.CtrBatch;
import dev.recompose.models.ctr.CtrModel;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.metric.CtrMetrics;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.optim.Adam;
import dev.recompose.tensor.optim.LazyAdam;
import dev.recompose.tensor.optim.Optimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The plain CTR training loop: epochs of {@link CtrSteps} batches with Adam or LazyAdam, a
 * validation pass after each epoch (model selection on the {@link TrainConfig#monitor()} metric), early stopping after {@code patience}
 * epochs without improvement, and the best epoch's weights restored before the test pass.
 *
 * <p>It exists as the small, separable trainer of the CTR issue; checkpoints and resume are the
 * generic trainer's business.
 */
public final class SimpleCtrTrainer implements CtrTrainingLoop {
  @Override
  public TrainReport fit(CtrModel model, CtrData data, TrainConfig cfg, Consumer<String> log) {
    CtrSteps steps = new CtrSteps(data, cfg);
    List<Optimizer> opts = null;
    Rng rng = new Rng(cfg.seed());
    boolean hasValid = data.indices(StoreLayout.SPLIT_VALID).length > 0;
    boolean hasTest = data.indices(StoreLayout.SPLIT_TEST).length > 0;
    List<TrainReport.Epoch> epochs = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch = 0;
    Map<String, Tensor> bestState = null;
    int stale = 0;
    for (int e = 1; e <= cfg.epochs(); e++) {
      model.train();
      long t0 = System.nanoTime();
      double lossSum = 0;
      long rows = 0;
      int batches = 0;
      for (CtrBatch b : steps.epoch(rng)) {
        model.zeroGrad();
        Tensor loss = steps.loss(model, b);
        loss.backward();
        if (opts == null) {
          opts = optimizers(model, cfg);
        }
        for (Optimizer o : opts) {
          o.step();
        }
        lossSum += loss.item();
        rows += b.size();
        batches++;
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      CtrMetrics.Report valid = hasValid ? CtrEvaluator.evaluate(model, data,
          StoreLayout.SPLIT_VALID, cfg.maxHistory(), cfg.evalBatch()).metrics() : null;
      epochs.add(new TrainReport.Epoch(e, lossSum / batches, secs, rows / secs, valid));
      log.accept(String.format(java.util.Locale.ROOT, "epoch %d: loss %.4f, %.1f s, %.0f rows/s%s",
          e, lossSum / batches, secs, rows / secs, valid == null ? "" : "; valid " + valid));
      double score = valid == null ? -lossSum / batches : monitor(cfg, data, valid);
      if (score > best) {
        best = score;
        bestEpoch = e;
        bestState = snapshot(model);
        stale = 0;
      } else if (cfg.patience() > 0 && ++stale >= cfg.patience()) {
        log.accept("early stop: no validation improvement for " + stale + " epochs");
        break;
      }
    }
    if (bestState != null) {
      model.load(bestState, true);
    }
    CtrMetrics.Report test = hasTest ? CtrEvaluator.evaluate(model, data, StoreLayout.SPLIT_TEST,
        cfg.maxHistory(), cfg.evalBatch()).metrics() : null;
    if (test != null) {
      log.accept("test (epoch " + bestEpoch + "): " + test);
    }
    return new TrainReport(epochs, bestEpoch, test, model.parameterCount());
  }

  /**
   * Adam or LazyAdam over the dense parameters, and over the embedding tables (the parameters
   * whose first gradient was row-sparse) with the configured L2 coefficient.
   */
  static List<Optimizer> optimizers(CtrModel model, TrainConfig cfg) {
    Map<String, Tensor> dense = new java.util.LinkedHashMap<>();
    Map<String, Tensor> tables = new java.util.LinkedHashMap<>();
    model.parameters().forEach((k, v) -> (v.sparseGrad() != null ? tables : dense).put(k, v));
    boolean lazy = cfg.optimizer().equals("lazyadam");
    List<Optimizer> out = new ArrayList<>();
    if (!dense.isEmpty()) {
      out.add(lazy ? new LazyAdam(dense, cfg.lr()) : new Adam(dense, cfg.lr()));
    }
    if (!tables.isEmpty()) {
      out.add(new Adam(tables, cfg.lr(), 0.9f, 0.999f, 1e-8f, cfg.embeddingL2(), false, lazy));
    }
    return out;
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

  private static Map<String, Tensor> snapshot(CtrModel model) {
    Map<String, Tensor> m = new HashMap<>();
    model.parameters().forEach((k, v) -> m.put(k, v.detach().copy()));
    return m;
  }
}
