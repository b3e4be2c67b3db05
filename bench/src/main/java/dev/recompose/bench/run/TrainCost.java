package dev.recompose.bench.run;

/**
 * What training (or fitting) cost: wall seconds, epochs, samples per second and parameters.
 *
 * <p>It exists as the training half of RecBench's "quality and cost side by side". Fields are
 * null where they do not apply (Pop and ItemKNN have no epochs and no trained parameters).
 *
 * @param seconds wall time of training or fitting, evaluation excluded
 * @param epochs epochs run, or null for one-pass models
 * @param samplesPerSecond training examples per second, or null
 * @param parameters trainable scalars, or null for non-parametric models
 */
public record TrainCost(double seconds, Integer epochs, Double samplesPerSecond,
    Long parameters) {
  /** Seconds per epoch, or null without epochs. */
  public Double secondsPerEpoch() {
    return epochs == null || epochs == 0 ? null : seconds / epochs;
  }
}
