package dev.recompose.models.ctr.train;

import dev.recompose.models.ctr.metric.CtrMetrics;
import java.util.List;

/**
 * What a training run did: per-epoch loss, throughput and validation metrics, the best epoch and
 * the test metrics of the model restored to that epoch.
 *
 * @param epochs one entry per epoch run
 * @param bestEpoch epoch (1-based) with the best validation score
 * @param test test metrics at the best epoch, or null when the data has no test part
 * @param parameters number of trainable scalars
 */
public record TrainReport(List<Epoch> epochs, int bestEpoch, CtrMetrics.Report test,
    long parameters) {
  /**
   * One epoch.
   *
   * @param epoch 1-based
   * @param loss mean training loss
   * @param seconds training seconds (evaluation and checkpoint writes excluded; for an epoch
   *     resumed mid-way, the sum over its runs up to their last checkpoints)
   * @param samplesPerSecond training rows scored per second (list-wise: positives and negatives)
   * @param valid validation metrics, or null without a validation part
   */
  public record Epoch(int epoch, double loss, double seconds, double samplesPerSecond,
      CtrMetrics.Report valid) {}
}
