package dev.recompose.models.eval;

import dev.recompose.models.metrics.RankMetrics;
import dev.recompose.models.metrics.TargetRank;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Protocols {@code sampled-100-uniform} and {@code sampled-100-popular}: the target is ranked
 * among itself and 100 sampled negatives (101 candidates).
 *
 * <p><b>These are the protocols papers report that inflate numbers.</b> SASRec (uniform) and
 * BERT4Rec (popularity) used them; the same SASRec scores NDCG@10 about 0.59 on ML-1M sampled and
 * 0.13-0.19 with full ranking (REFERENCES-seqrec §0), and sampled metrics can even reorder
 * models (Krichene &amp; Rendle, KDD 2020). They exist here only to compare with such papers;
 * report {@code full}.
 *
 * <p>Negatives are 100 distinct items outside every item the user interacted with (train,
 * validation and test), drawn uniformly or proportionally to train count. SASRec's code draws
 * with replacement and only avoids train items; this choice is stricter and documented here.
 * Each user's draw uses its own generator seeded from (seed, user), so results do not depend on
 * threads, batch size or the order users are visited. Fewer than 100 eligible items is an error.
 * Only the 101 candidates are scored ({@link Scorer#scoreCandidates}), so a model that can score
 * a short list cheaply never computes the whole catalogue.
 */
public final class SampledRankingEvaluator implements Evaluator {
  /** Negatives per user. */
  public static final int NEGATIVES = 100;

  private final NegativeSampling sampling;
  private final EvalOptions options;

  public SampledRankingEvaluator(NegativeSampling sampling, EvalOptions options) {
    this.sampling = Objects.requireNonNull(sampling, "sampling");
    this.options = Objects.requireNonNull(options, "options");
    if (options.topK() > 0) {
      throw new IllegalArgumentException("top-K lists are produced by the 'full' protocol only");
    }
  }

  @Override
  public String protocol() {
    return "sampled-" + NEGATIVES + "-" + sampling.label();
  }

  /**
   * The negatives drawn for {@code user} (exposed for tests and inspection); the same on every
   * call for the same seed.
   */
  public int[] negatives(SequenceData data, int user) {
    Sampler s = new Sampler(data, sampling);
    ItemMarks marks = new ItemMarks(data.numItems());
    int[] out = new int[NEGATIVES];
    s.draw(user, data.allItems(user), options.seed(), marks, out);
    return out;
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
    Sampler sampler = new Sampler(data, sampling);
    int[] ranks = new int[users.length];
    long start = System.nanoTime();
    int width = NEGATIVES + 1;
    BatchRunner.run(scorer, data.numItems(), users, (index, user) -> data.input(user, stage),
        width, options.resolvedBatchUsers(data.numItems()), options.resolvedThreads(),
        () -> new BatchRunner.RowHandler() {
          private final ItemMarks marks = new ItemMarks(data.numItems());
          private final int[] negs = new int[NEGATIVES];

          @Override
          public int[] candidates(int index, int user, int[] input, int[] reuse) {
            int[] c = reuse != null ? reuse : new int[width];
            sampler.draw(user, data.allItems(user), options.seed(), marks, negs);
            c[0] = data.target(user, stage);
            System.arraycopy(negs, 0, c, 1, NEGATIVES);
            return c;
          }

          @Override
          public void handle(int index, int user, int[] input, int[] candidates, float[] scores,
              int offset) {
            try {
              ranks[index] = TargetRank.among(scores[offset], scores, offset + 1, NEGATIVES);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("model '" + scorer.name() + "', user " + user
                  + ": " + e.getMessage(), e);
            }
          }
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    return new EvalOutcome(protocol(), stage, true, options.seed(), users, ranks,
        RankMetrics.summarize(ranks, options.ks()), null, seconds);
  }

  /** Draws negatives; immutable after construction, so shared by workers. */
  private static final class Sampler {
    private final int numItems;
    private final NegativeSampling sampling;
    private final long[] cumulative;
    private final int[] counts;
    private final int positive;

    Sampler(SequenceData data, NegativeSampling sampling) {
      this.numItems = data.numItems();
      this.sampling = sampling;
      this.counts = data.trainCounts();
      this.cumulative = new long[numItems];
      long sum = 0;
      int pos = 0;
      for (int i = 0; i < numItems; i++) {
        sum += counts[i];
        cumulative[i] = sum;
        pos += counts[i] > 0 ? 1 : 0;
      }
      this.positive = pos;
      if (sampling == NegativeSampling.POPULAR && sum == 0) {
        throw new IllegalArgumentException("popularity sampling needs train interactions");
      }
    }

    void draw(int user, int[] userItems, long seed, ItemMarks marks, int[] out) {
      marks.clear();
      int eligible = sampling == NegativeSampling.UNIFORM ? numItems : positive;
      for (int it : userItems) {
        if (marks.mark(it) && (sampling == NegativeSampling.UNIFORM || counts[it] > 0)) {
          eligible--;
        }
      }
      if (eligible < out.length) {
        throw new IllegalArgumentException("user " + user + ": only " + eligible
            + " items are eligible as " + sampling.label() + " negatives, " + out.length
            + " needed");
      }
      SplittableRandom rng = new SplittableRandom(mix(seed, user));
      long total = cumulative[numItems - 1];
      int n = 0;
      while (n < out.length) {
        int item;
        if (sampling == NegativeSampling.UNIFORM) {
          item = rng.nextInt(numItems);
        } else {
          long r = rng.nextLong(total);
          int idx = Arrays.binarySearch(cumulative, r + 1);
          item = idx >= 0 ? idx : -idx - 1;
          while (item > 0 && cumulative[item - 1] == cumulative[item]) {
            item--; // first index reaching r + 1, i.e. a positive-count item
          }
        }
        if (marks.mark(item)) {
          out[n++] = item;
        }
      }
    }

    private static long mix(long seed, int user) {
      long z = seed * 0x9E3779B97F4A7C15L + user;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
