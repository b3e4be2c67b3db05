package dev.recompose.bench.spec;

/**
 * How inference cost is measured for every run.
 *
 * <p>It exists because RecBench's point is reporting quality and inference cost side by side;
 * the measurement must be the same for every model to compare them. Latency is the time to
 * score all items for one user, repeated {@code latencyRepeats} times after {@code warmup}
 * untimed calls; throughput scores up to {@code throughputUsers} users in batches of
 * {@code batchUsers} on one thread.
 */
public record CostOptions(int latencyRepeats, int warmup, int throughputUsers, int batchUsers) {
  public CostOptions {
    if (latencyRepeats < 1) {
      throw new IllegalArgumentException("cost.latency_repeats must be >= 1, got "
          + latencyRepeats);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("cost.warmup must be >= 0, got " + warmup);
    }
    if (throughputUsers < 1) {
      throw new IllegalArgumentException("cost.throughput_users must be >= 1, got "
          + throughputUsers);
    }
    if (batchUsers < 1) {
      throw new IllegalArgumentException("cost.batch_users must be >= 1, got " + batchUsers);
    }
  }

  /** 200 timed requests after 20 warm-up ones; 2,048 users in batches of 64. */
  public static CostOptions defaults() {
    return new CostOptions(200, 20, 2048, 64);
  }
}
