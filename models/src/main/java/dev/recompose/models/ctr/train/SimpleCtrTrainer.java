package dev.recompose.models.ctr.train;

import dev.recompose.models.ctr.CtrModel;
import dev.recompose.models.ctr.data.CtrData;
import java.util.function.Consumer;

/**
 * The CTR training loop without a run directory: {@link ResumableCtrTrainer} with checkpoints
 * off (the best epoch's weights are kept in memory).
 *
 * <p>It exists for callers that only want a trained model and its report (tests, the bench
 * adapter); {@code recompose train} uses {@link ResumableCtrTrainer} with the run directory, so
 * both train identically for the same recipe and seed.
 */
public final class SimpleCtrTrainer implements CtrTrainingLoop {
  @Override
  public TrainReport fit(CtrModel model, CtrData data, TrainConfig cfg, Consumer<String> log) {
    return new ResumableCtrTrainer().fit(model, data, cfg, log);
  }
}
