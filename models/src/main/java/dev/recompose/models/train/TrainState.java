package dev.recompose.models.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a training run stands: the position in the schedule, the running loss of the current
 * epoch and the early-stopping bookkeeping. Saved as the metadata of every checkpoint.
 *
 * <p>It exists so that a resumed run continues with exactly the numbers the interrupted one had:
 * doubles are written in Java's round-tripping decimal form, so nothing is lost on disk.
 *
 * @param epoch the current epoch (0-based; the number of finished epochs)
 * @param stepInEpoch batches of {@code epoch} already done
 * @param globalStep optimiser steps over the whole run
 * @param lossSum sum of batch losses so far in {@code epoch}
 * @param epochSeconds training seconds spent so far in {@code epoch} (wall time, not reproducible)
 * @param bestMetric best validation metric so far ({@code -Infinity} before the first evaluation)
 * @param bestEpoch the 1-based epoch that reached it, 0 when none
 * @param badEvals evaluations since the last improvement
 * @param logLines lines of {@code train-log.jsonl} that belong to this state
 * @param finished whether training ended (epochs exhausted or early stop)
 */
public record TrainState(int epoch, int stepInEpoch, long globalStep, double lossSum,
    double epochSeconds, double bestMetric, int bestEpoch, int badEvals, int logLines,
    boolean finished) {
  /** The state of a run that has not started. */
  public static TrainState start() {
    return new TrainState(0, 0, 0, 0, 0, Double.NEGATIVE_INFINITY, 0, 0, 0, false);
  }

  /** As checkpoint metadata (string to string). */
  public Map<String, String> toMetadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("epoch", Integer.toString(epoch));
    m.put("step_in_epoch", Integer.toString(stepInEpoch));
    m.put("global_step", Long.toString(globalStep));
    m.put("loss_sum", Double.toString(lossSum));
    m.put("epoch_seconds", Double.toString(epochSeconds));
    m.put("best_metric", Double.toString(bestMetric));
    m.put("best_epoch", Integer.toString(bestEpoch));
    m.put("bad_evals", Integer.toString(badEvals));
    m.put("log_lines", Integer.toString(logLines));
    m.put("finished", Boolean.toString(finished));
    return m;
  }

  /** Reads {@link #toMetadata()} back; fails naming a missing key. */
  public static TrainState fromMetadata(Map<String, String> m) {
    return new TrainState(Integer.parseInt(req(m, "epoch")),
        Integer.parseInt(req(m, "step_in_epoch")), Long.parseLong(req(m, "global_step")),
        Double.parseDouble(req(m, "loss_sum")), Double.parseDouble(req(m, "epoch_seconds")),
        Double.parseDouble(req(m, "best_metric")), Integer.parseInt(req(m, "best_epoch")),
        Integer.parseInt(req(m, "bad_evals")), Integer.parseInt(req(m, "log_lines")),
        Boolean.parseBoolean(req(m, "finished")));
  }

  private static String req(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("checkpoint metadata has no '" + key + "'");
    }
    return v;
  }
}
