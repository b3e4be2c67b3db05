package dev.recompose.bench.cost;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a sample.
 *
 * <p>It exists so that every latency figure in Recompose means the same thing: the p-th
 * percentile is the smallest value with at least p% of the sample at or below it (no
 * interpolation, so it is always a measured value).
 */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-th percentile (0 < p <= 100) of {@code values}. */
  public static double of(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, rank - 1)];
  }
}
