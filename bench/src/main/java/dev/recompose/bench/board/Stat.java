package dev.recompose.bench.board;

import java.util.List;
import java.util.Locale;

/**
 * Mean, sample standard deviation and count of one figure over a group's seeds.
 *
 * <p>It exists because one seed is an anecdote: BARS reports mean and standard deviation over
 * repeated runs, and so does every leaderboard cell here. The standard deviation is the sample
 * one (n - 1 in the denominator) and 0 for a single value.
 */
public record Stat(double mean, double std, int n) {
  /** The statistics of {@code values} (at least one). */
  public static Stat of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / values.size();
    double sq = 0;
    for (double v : values) {
      sq += (v - mean) * (v - mean);
    }
    double std = values.size() > 1 ? Math.sqrt(sq / (values.size() - 1)) : 0;
    return new Stat(mean, std, values.size());
  }

  /** {@code mean ± std} with {@code digits} decimals. */
  public String format(int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f ± %." + digits + "f", mean, std);
  }
}
