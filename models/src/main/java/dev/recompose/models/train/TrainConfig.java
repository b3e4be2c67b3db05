package dev.recompose.models.train;

import dev.recompose.models.recipe.Recipe;
import java.util.Objects;

/**
 * The trainer's settings, read from the common keys of a neural recipe.
 *
 * <p>It exists so that the loop reads typed, validated values once, with a message naming the
 * bad key, instead of looking strings up in the middle of training.
 *
 * @param seed master seed: initialisation, shuffling, negatives and dropout all derive from it
 * @param threads compute threads (0 = all cores)
 * @param epochs maximum epochs
 * @param batchSize examples per step
 * @param lr base learning rate
 * @param schedule {@code constant}, {@code warmup-linear} or {@code warmup-cosine}
 * @param warmupSteps linear warm-up steps of the warm-up schedules
 * @param beta1 Adam beta1
 * @param beta2 Adam beta2
 * @param eps Adam epsilon
 * @param weightDecay L2 (coupled) or decoupled weight decay
 * @param decoupled AdamW-style decay (skips biases and LayerNorm parameters)
 * @param gradClip global gradient norm limit, 0 = off
 * @param validMetric the metric early stopping maximises, e.g. {@code NDCG@10}
 * @param evalEvery epochs between validation evaluations
 * @param patience evaluations without improvement before stopping
 * @param checkpointEverySteps extra mid-epoch checkpoints every N steps, 0 = per epoch only
 */
public record TrainConfig(long seed, int threads, int epochs, int batchSize, double lr,
    String schedule, int warmupSteps, float beta1, float beta2, float eps, float weightDecay,
    boolean decoupled, double gradClip, String validMetric, int evalEvery, int patience,
    int checkpointEverySteps) {
  public TrainConfig {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(validMetric, "validMetric");
    positive("epochs", epochs);
    positive("batch_size", batchSize);
    positive("eval_every", evalEvery);
    positive("patience", patience);
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
    }
    if (!(lr > 0)) {
      throw new IllegalArgumentException("lr must be > 0, got " + lr);
    }
    if (warmupSteps < 0 || checkpointEverySteps < 0 || gradClip < 0 || weightDecay < 0) {
      throw new IllegalArgumentException("warmup_steps, checkpoint_every_steps, grad_clip and"
          + " weight_decay must be >= 0");
    }
    if (!java.util.List.of("constant", "warmup-linear", "warmup-cosine").contains(schedule)) {
      throw new IllegalArgumentException("lr_schedule must be constant, warmup-linear or"
          + " warmup-cosine, got '" + schedule + "'");
    }
  }

  private static void positive(String key, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(key + " must be >= 1, got " + v);
    }
  }

  /** Reads the trainer keys of {@code r}. */
  public static TrainConfig from(Recipe r) {
    return new TrainConfig(r.getInt("seed"), r.getInt("threads"), r.getInt("epochs"),
        r.getInt("batch_size"), r.getDouble("lr"), r.getString("lr_schedule"),
        r.getInt("warmup_steps"), (float) r.getDouble("adam_beta1"),
        (float) r.getDouble("adam_beta2"), (float) r.getDouble("adam_eps"),
        (float) r.getDouble("weight_decay"), r.getBool("decoupled_weight_decay"),
        r.getDouble("grad_clip"), r.getString("valid_metric"), r.getInt("eval_every"),
        r.getInt("patience"), r.getInt("checkpoint_every_steps"));
  }

  /** The thread count to use. */
  public int resolvedThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** The learning rate at global step {@code step} of {@code totalSteps}. */
  public double lrAt(long step, long totalSteps) {
    double warm = warmupSteps == 0 ? 1 : Math.min(1.0, (step + 1) / (double) warmupSteps);
    return switch (schedule) {
      case "constant" -> lr;
      case "warmup-linear" -> step < warmupSteps ? lr * warm
          : lr * Math.max(0, 1 - (step - warmupSteps) / (double) Math.max(1,
              totalSteps - warmupSteps));
      case "warmup-cosine" -> step < warmupSteps ? lr * warm
          : lr * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, (step - warmupSteps)
              / (double) Math.max(1, totalSteps - warmupSteps))));
      default -> throw new IllegalStateException(schedule);
    };
  }
}
