package dev.recompose.models.eval;

import dev.recompose.models.seq.Stage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one evaluation produced: the protocol, the stage, per-user target ranks, the averaged
 * metrics and (when asked) per-user top-K lists.
 *
 * <p>It exists to keep the raw ranks next to the means, so significance tests and per-user
 * analyses need no re-run. {@code users[i]} has rank {@code ranks[i]}.
 *
 * @param historyMasked full ranking: whether input items were excluded from the candidates;
 *     sampled protocols: always true (negatives are drawn outside the user's items)
 * @param samplingSeed the seed of sampled negatives; null for protocols that sample nothing
 * @param topK per evaluated user the best items, best first, or null when not asked
 */
public record EvalOutcome(String protocol, Stage stage, boolean historyMasked, Long samplingSeed,
    int[] users, int[] ranks, Map<String, Double> metrics, int[][] topK, double seconds) {
  public EvalOutcome {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(stage, "stage");
    if (users.length != ranks.length) {
      throw new IllegalArgumentException(users.length + " users but " + ranks.length + " ranks");
    }
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The number of users evaluated. */
  public int numUsers() {
    return users.length;
  }

  /** Evaluated users per second of wall time. */
  public double usersPerSecond() {
    return seconds > 0 ? users.length / seconds : Double.POSITIVE_INFINITY;
  }

  /** A metric by name, e.g. {@code NDCG@10}; fails listing the names present. */
  public double metric(String name) {
    Double v = metrics.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no metric '" + name + "'; have " + metrics.keySet());
    }
    return v;
  }
}
