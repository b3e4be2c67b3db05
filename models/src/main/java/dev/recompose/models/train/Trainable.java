package dev.recompose.models.train;

import dev.recompose.models.seq.Scorer;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Module;

/**
 * A neural sequential model bound to its training data: the trainer shuffles example indices,
 * asks for the loss of a batch of them, and steps the optimiser.
 *
 * <p>It exists so that one loop trains models whose examples differ (a user's whole sequence for
 * SASRec, BERT4Rec and GRU4Rec, a sliding window for Caser, one interaction for BPR-MF): each
 * model says how many examples it has and builds its own tensors. All randomness of a step
 * (negatives, masks, dropout) comes from the {@link Rng} the trainer passes, which is derived
 * from the seed and the global step, so a resumed run draws exactly what the uninterrupted run
 * drew.
 */
public interface Trainable {
  /** The parameters (their registration order fixes checkpoint and optimiser order). */
  Module module();

  /** How many training examples one epoch visits. */
  int numExamples();

  /** The scalar loss of {@code examples} (indices below {@link #numExamples()}), in training mode. */
  Tensor loss(int[] examples, Rng rng);

  /**
   * A scorer over the current weights; callers switch {@link #module()} to eval mode first. It
   * reads the weights live, so it reflects later updates.
   */
  Scorer scorer();
}
