package dev.recompose.models.eval;

import dev.recompose.models.metrics.RankMetrics;
import java.util.List;

/**
 * Knobs of an evaluation run that do not change the protocol's definition.
 *
 * <p>It exists so that thread count, batch size and seeds are explicit and recorded. Results are
 * identical for any {@code threads} and {@code batchUsers}: ranks are stored per user and
 * averaged in user order, and sampled negatives are seeded per user.
 *
 * @param threads worker threads; 0 means all available processors
 * @param batchUsers users scored per call; 0 picks a batch whose score buffer stays near 2 MiB,
 *     so it stays in cache between scoring and ranking (on 100,000 items, Pop evaluated 10x
 *     faster with 2-user batches than with 83-user, 32 MiB ones); scorers whose per-call cost
 *     is high (a neural encoder) should set it explicitly
 * @param maskHistory full ranking only: exclude the user's input items from the candidates
 * @param seed seed of sampled negatives (sampled protocols only)
 * @param ks metric cut-offs
 * @param topK full ranking only: also keep each user's top-K list (0 = none)
 */
public record EvalOptions(int threads, int batchUsers, boolean maskHistory, long seed,
    List<Integer> ks, int topK) {
  /** RecBole's default seed (REFERENCES-seqrec §9). */
  public static final long DEFAULT_SEED = 2020;

  public EvalOptions {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
    }
    if (batchUsers < 0) {
      throw new IllegalArgumentException("batchUsers must be >= 0 (0 = auto), got " + batchUsers);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0, got " + topK);
    }
    ks = List.copyOf(ks);
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("ks must not be empty");
    }
    for (int k : ks) {
      if (k < 1) {
        throw new IllegalArgumentException("every K must be >= 1, got " + ks);
      }
    }
  }

  /** All cores, automatic batches, history masked, seed 2020, K in 1, 5, 10, 20, no lists. */
  public static EvalOptions defaults() {
    return new EvalOptions(0, 0, true, DEFAULT_SEED, RankMetrics.DEFAULT_KS, 0);
  }

  public EvalOptions withThreads(int t) {
    return new EvalOptions(t, batchUsers, maskHistory, seed, ks, topK);
  }

  public EvalOptions withBatchUsers(int b) {
    return new EvalOptions(threads, b, maskHistory, seed, ks, topK);
  }

  public EvalOptions withMaskHistory(boolean m) {
    return new EvalOptions(threads, batchUsers, m, seed, ks, topK);
  }

  public EvalOptions withSeed(long s) {
    return new EvalOptions(threads, batchUsers, maskHistory, s, ks, topK);
  }

  public EvalOptions withTopK(int k) {
    return new EvalOptions(threads, batchUsers, maskHistory, seed, ks, k);
  }

  /** The thread count to use. */
  public int resolvedThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** The batch size for a catalogue of {@code numItems}. */
  public int resolvedBatchUsers(int numItems) {
    if (batchUsers > 0) {
      return batchUsers;
    }
    return (int) Math.max(1, Math.min(1024, (512L << 10) / numItems));
  }
}
