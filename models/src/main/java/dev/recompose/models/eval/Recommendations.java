package dev.recompose.models.eval;

import dev.recompose.models.seq.Scorer;
import java.util.Objects;

/**
 * Top-K recommendation lists for arbitrary users and input sequences, for serving and
 * inspection.
 *
 * <p>It exists so that a server or the CLI can ask "what next for these users?" with the same
 * streaming, multi-threaded, bounded-memory machinery as evaluation: users are scored in batches,
 * each list is found by partial selection ({@link TopK}: score descending, ties to the lower item
 * id), and items of the input are skipped when {@code maskHistory} is set.
 */
public final class Recommendations {
  private Recommendations() {}

  /**
   * The best {@code k} items for each user, best first.
   *
   * @param users user ids, passed to the scorer
   * @param inputs per user the input sequence, oldest first
   * @param options threads and batch size ({@link EvalOptions#maskHistory()} decides masking)
   */
  public static int[][] topK(Scorer scorer, int[] users, int[][] inputs, int k,
      EvalOptions options) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(options, "options");
    if (users.length != inputs.length) {
      throw new IllegalArgumentException(users.length + " users but " + inputs.length
          + " input sequences");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int numItems = scorer.numItems();
    for (int[] in : inputs) {
      for (int item : in) {
        if (item < 0 || item >= numItems) {
          throw new IllegalArgumentException("input item " + item + " outside [0, " + numItems
              + ")");
        }
      }
    }
    int[][] out = new int[users.length][];
    if (users.length == 0) {
      return out;
    }
    boolean mask = options.maskHistory();
    BatchRunner.run(scorer, numItems, users, (index, user) -> inputs[index], 0,
        options.resolvedBatchUsers(numItems), options.resolvedThreads(), () -> {
          ItemMarks marks = new ItemMarks(numItems);
          return (index, user, input, candidates, scores, offset) -> {
            marks.clear();
            if (mask) {
              for (int item : input) {
                marks.mark(item);
              }
            }
            out[index] = TopK.select(scores, offset, numItems, k, marks);
          };
        });
    return out;
  }
}
