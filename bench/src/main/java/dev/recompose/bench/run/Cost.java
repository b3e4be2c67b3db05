package dev.recompose.bench.run;

/**
 * Every cost figure of one run, flat, as written to {@code run.json} and the leaderboard's
 * columns. Null means "does not apply" or "not measured".
 *
 * <p>It exists so that quality and cost travel together (RecBench reports both for every model):
 * training seconds (total, per epoch), samples/s, request latency p50/p99, batched throughput,
 * parameters, peak heap, and the run's wall time.
 *
 * @param peakHeapMiB peak heap in use during the run (sampled; see {@code HeapSampler})
 * @param wallSeconds the whole run: loading, training, evaluation and cost measurement
 * @param evalSeconds the evaluation of the result row
 */
public record Cost(Double trainSeconds, Integer epochs, Double secondsPerEpoch,
    Double samplesPerSecond, Long parameters, Double latencyP50Ms, Double latencyP99Ms,
    Double usersPerSecond, double peakHeapMiB, double wallSeconds, double evalSeconds) {
  /** Assembles the flat record from an executor's parts and the runner's measurements. */
  public static Cost of(TrainCost t, InferenceCost i, long peakHeapBytes, double wallSeconds,
      double evalSeconds) {
    return new Cost(t.seconds(), t.epochs(), t.secondsPerEpoch(), t.samplesPerSecond(),
        t.parameters(), i == null ? null : i.p50Ms(), i == null ? null : i.p99Ms(),
        i == null ? null : i.usersPerSecond(), peakHeapBytes / (1024.0 * 1024.0), wallSeconds,
        evalSeconds);
  }
}
