package dev.recompose.models.eval;

import dev.recompose.models.metrics.RankMetrics;
import dev.recompose.models.metrics.TargetRank;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import java.util.Arrays;
import java.util.Objects;

/**
 * Protocol {@code full}: the target is ranked against every item of the catalogue.
 *
 * <p>Items of the user's input sequence (train items, plus the validation item at test time)
 * are masked by default, as RecBole does for general models and Klenitskiy &amp; Vasilev
 * (RecSys 2023) do for all models; RecBole does <em>not</em> mask for sequential models
 * (REFERENCES-seqrec §0), so {@link EvalOutcome#historyMasked()} always says which. The target
 * is never masked, even when the user had seen it before (repeat consumption). Ranks are counted
 * ({@link TargetRank}, pessimistic ties), top-K lists use partial selection ({@link TopK}),
 * users are streamed in batches on a fixed thread count, and results do not depend on it.
 *
 * <p>It exists as the protocol to report: sampled protocols inflate numbers and can reorder
 * models (Krichene &amp; Rendle, "On Sampled Metrics for Item Recommendation", KDD 2020).
 */
public final class FullRankingEvaluator implements Evaluator {
  /** The protocol name. */
  public static final String PROTOCOL = "full";

  private final EvalOptions options;

  public FullRankingEvaluator(EvalOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public String protocol() {
    return PROTOCOL;
  }

  public EvalOptions options() {
    return options;
  }

  @Override
  public EvalOutcome evaluate(Scorer scorer, SequenceData data, Stage stage) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(stage, "stage");
    int[] users = data.users(stage);
    if (users.length == 0) {
      throw new IllegalArgumentException("no user has a " + stage.label() + " target");
    }
    int numItems = data.numItems();
    int[] ranks = new int[users.length];
    int[][] lists = options.topK() > 0 ? new int[users.length][] : null;
    boolean mask = options.maskHistory();
    long start = System.nanoTime();
    BatchRunner.run(scorer, data, stage, users, options.resolvedBatchUsers(numItems),
        options.resolvedThreads(), () -> {
          ItemMarks marks = new ItemMarks(numItems);
          int[][] excluded = {new int[64]};
          return (index, user, input, candidates, scores, offset) -> {
            int target = data.target(user, stage);
            marks.clear();
            int n = 0;
            if (mask) {
              for (int item : input) {
                if (item != target && marks.mark(item)) {
                  if (n == excluded[0].length) {
                    excluded[0] = Arrays.copyOf(excluded[0], 2 * n);
                  }
                  excluded[0][n++] = item;
                }
              }
            }
            try {
              ranks[index] = TargetRank.among(scores, offset, numItems, target, excluded[0], n);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("model '" + scorer.name() + "', user " + user
                  + ": " + e.getMessage(), e);
            }
            if (lists != null) {
              lists[index] = TopK.select(scores, offset, numItems, options.topK(), marks);
            }
          };
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    return new EvalOutcome(PROTOCOL, stage, mask, null, users, ranks,
        RankMetrics.summarize(ranks, options.ks()), lists, seconds);
  }
}
