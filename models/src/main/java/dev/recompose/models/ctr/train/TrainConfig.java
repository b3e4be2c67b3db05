package dev.recompose.models.ctr.train;

import java.util.List;
import java.util.Map;

/**
 * Settings of a CTR training run: the {@code train} section of a recipe.
 *
 * <p>It exists so that the two training modes of the CTR issue are explicit: {@code pointwise}
 * binary cross-entropy over every training sample (FuxiCTR), and {@code listwise} softmax cross
 * entropy over one clicked item and {@code negCount} negatives (NRMS/NAML/LSTUR and
 * Legommenders; negatives from the same impression or user, topped up uniformly at random).
 *
 * @param mode {@code pointwise} or {@code listwise}
 * @param epochs passes over the training samples
 * @param batchSize samples (pointwise) or positives (listwise) per step
 * @param lr learning rate
 * @param optimizer {@code adam} or {@code lazyadam}
 * @param negCount negatives per positive in list-wise mode
 * @param maxHistory history items kept (most recent)
 * @param seed seed of shuffling, sampling, initialisation and dropout
 * @param evalBatch samples per scoring batch when evaluating
 * @param patience epochs without validation improvement before stopping (0 = never stop early)
 * @param monitor validation metric for model selection and early stopping: {@code gauc},
 *     {@code auc}, {@code auc-logloss} (FuxiCTR's default monitor, AUC minus logloss), or
 *     {@code auto} = GAUC when samples are grouped by impression (Legommenders selects on GAUC)
 *     and AUC minus logloss otherwise (per-user groups of an interaction log are small and noisy)
 * @param embeddingL2 L2 coefficient {@code r} on the embedding tables, added to their gradients
 *     as {@code r * w} (FuxiCTR's {@code embedding_regularizer}: {@code (r/2)||W||^2} over the
 *     whole table with {@code adam}, over the rows a batch touched with {@code lazyadam}); 0 = off
 * @param checkpointEvery {@code checkpoint_every}: with a run directory, also checkpoint every
 *     this many steps (batches) within an epoch, so that a kill loses at most that many steps;
 *     0 = only at epoch ends. Each such checkpoint also reseeds the model's own random sources
 *     (dropout, LSTUR's user masking) from {@code (seed, epoch, step)}, with or without a run
 *     directory, so a value above 0 gives different (equally valid) dropout masks than 0 from the
 *     first mid-epoch checkpoint on, and a resumed run the same bits as an uninterrupted one
 */
public record TrainConfig(String mode, int epochs, int batchSize, double lr, String optimizer,
    int negCount, int maxHistory, long seed, int evalBatch, int patience, String monitor,
    float embeddingL2, int checkpointEvery) {
  public TrainConfig {
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("train.checkpoint_every must be >= 0 (steps between"
          + " mid-epoch checkpoints, 0 = only at epoch ends), got " + checkpointEvery);
    }
    if (embeddingL2 < 0) {
      throw new IllegalArgumentException("train.embedding_l2 must be >= 0, got " + embeddingL2);
    }
    if (!List.of("auto", "auc", "gauc", "auc-logloss").contains(monitor)) {
      throw new IllegalArgumentException("train.monitor must be auto, auc, gauc or auc-logloss,"
          + " got " + monitor);
    }
    if (!mode.equals("pointwise") && !mode.equals("listwise")) {
      throw new IllegalArgumentException("train.mode must be pointwise or listwise, got " + mode);
    }
    if (!optimizer.equals("adam") && !optimizer.equals("lazyadam")) {
      throw new IllegalArgumentException("train.optimizer must be adam or lazyadam, got "
          + optimizer);
    }
    if (epochs < 1 || batchSize < 1 || evalBatch < 1) {
      throw new IllegalArgumentException("epochs, batch_size and eval_batch must be >= 1");
    }
    if (!(lr > 0)) {
      throw new IllegalArgumentException("train.lr must be > 0, got " + lr);
    }
    if (mode.equals("listwise") && negCount < 1) {
      throw new IllegalArgumentException("list-wise training needs neg_count >= 1, got "
          + negCount);
    }
    if (maxHistory < 1 || patience < 0) {
      throw new IllegalArgumentException("max_history must be >= 1 and patience >= 0");
    }
  }

  /** Settings without mid-epoch checkpoints ({@code checkpoint_every} 0). */
  public TrainConfig(String mode, int epochs, int batchSize, double lr, String optimizer,
      int negCount, int maxHistory, long seed, int evalBatch, int patience, String monitor,
      float embeddingL2) {
    this(mode, epochs, batchSize, lr, optimizer, negCount, maxHistory, seed, evalBatch, patience,
        monitor, embeddingL2, 0);
  }

  /** Parses the {@code train} mapping; absent keys take the defaults. */
  public static TrainConfig parse(Map<String, Object> m) {
    for (String k : m.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown key train." + k + "; valid: " + KEYS);
      }
    }
    return new TrainConfig(
        str(m, "mode", "pointwise"),
        num(m, "epochs", 5).intValue(),
        num(m, "batch_size", 1024).intValue(),
        num(m, "lr", 1e-3).doubleValue(),
        str(m, "optimizer", "adam"),
        num(m, "neg_count", 4).intValue(),
        num(m, "max_history", 50).intValue(),
        num(m, "seed", 2021).longValue(),
        num(m, "eval_batch", 4096).intValue(),
        num(m, "patience", 2).intValue(),
        str(m, "monitor", "auto"),
        num(m, "embedding_l2", 0).floatValue(),
        whole(m, "checkpoint_every", 0));
  }

  /** The keys of a recipe's {@code train} section. */
  public static final java.util.List<String> KEYS = java.util.List.of("mode", "epochs",
      "batch_size", "lr", "optimizer", "neg_count", "max_history", "seed", "eval_batch",
      "patience", "monitor", "embedding_l2", "checkpoint_every");

  private static String str(Map<String, Object> m, String k, String d) {
    Object v = m.get(k);
    if (v == null) {
      return d;
    }
    if (v instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("train." + k + " must be a string, got " + v);
  }

  private static int whole(Map<String, Object> m, String k, int d) {
    double v = num(m, k, d).doubleValue();
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("train." + k + " must be a whole number, got "
          + m.get(k));
    }
    return (int) v;
  }

  private static Number num(Map<String, Object> m, String k, Number d) {
    Object v = m.get(k);
    if (v == null) {
      return d;
    }
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw new IllegalArgumentException("train." + k + " must be a number, got " + v);
  }
}
