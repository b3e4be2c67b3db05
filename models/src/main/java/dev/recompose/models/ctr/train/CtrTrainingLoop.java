package dev.recompose.models.ctr.train;

import dev.recompose.models.ctr.CtrModel;
import dev.recompose.models.ctr.data.CtrData;
import java.util.function.Consumer;

/**
 * Trains a {@link CtrModel} on {@link CtrData}.
 *
 * <p>It exists to keep the CTR training step ({@link CtrSteps}) separable from the loop around it:
 * {@link ResumableCtrTrainer} is the loop (with checkpoints and resume); other loops can
 * implement this interface and reuse the same steps.
 */
public interface CtrTrainingLoop {
  /** Trains, evaluating on the validation part each epoch; {@code log} receives progress lines. */
  TrainReport fit(CtrModel model, CtrData data, TrainConfig cfg, Consumer<String> log);
}
