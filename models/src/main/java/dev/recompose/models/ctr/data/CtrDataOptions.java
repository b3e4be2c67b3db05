package dev.recompose.models.ctr.data;

/**
 * How {@link CtrDataLoader} turns a dataset into CTR samples.
 *
 * <p>It exists so that the choices that change the numbers (rating threshold, negative source,
 * RecBench cap, seed) are explicit, recorded and reproducible.
 *
 * @param positiveRating a rating at or above this is a positive (interactions without a
 *     {@code label} column but with {@code rating})
 * @param sampledNegatives negatives sampled per positive when the data has no logged negatives
 * @param recbenchCap apply the RecBench cap (Jyonn/RecBench {@code base_processor.py}): at most
 *     {@code capPerClass} positives and as many negatives per user, chosen with {@code seed}
 * @param capPerClass per-user cap per class (RecBench: 10)
 * @param validRatio per-user (or global, for impressions) temporal share of validation samples
 *     when the dataset has no {@code split} column
 * @param testRatio same for test
 * @param seed seed of every random choice here
 * @param feedback how interactions without a {@code label} column are read: {@code explicit}
 *     (the {@code rating} column is a rating: threshold it), {@code implicit} (every row is a
 *     positive, e.g. Last.fm listening counts; negatives are sampled), or {@code auto}: implicit
 *     when the table has no rating or the manifest's provenance note {@code feedback} mentions
 *     "implicit" or "count", explicit otherwise
 */
public record CtrDataOptions(float positiveRating, int sampledNegatives, boolean recbenchCap,
    int capPerClass, double validRatio, double testRatio, long seed, String feedback) {
  public CtrDataOptions {
    if (!feedback.equals("auto") && !feedback.equals("explicit") && !feedback.equals("implicit")) {
      throw new IllegalArgumentException("feedback must be auto, explicit or implicit, got "
          + feedback);
    }
    if (sampledNegatives < 0) {
      throw new IllegalArgumentException("sampledNegatives must be >= 0, got " + sampledNegatives);
    }
    if (capPerClass <= 0) {
      throw new IllegalArgumentException("capPerClass must be positive, got " + capPerClass);
    }
    if (validRatio < 0 || testRatio < 0 || validRatio + testRatio >= 1) {
      throw new IllegalArgumentException(
          "valid and test ratios must be >= 0 and sum below 1, got " + validRatio + ", " + testRatio);
    }
  }

  /** Positive = rating >= 4, one sampled negative per positive, no cap, 80/10/10, seed 42. */
  public static CtrDataOptions defaults() {
    return new CtrDataOptions(4f, 1, false, 10, 0.1, 0.1, 42, "auto");
  }

  /** These options with the RecBench cap switched on or off. */
  public CtrDataOptions withRecbenchCap(boolean on) {
    return new CtrDataOptions(positiveRating, sampledNegatives, on, capPerClass, validRatio,
        testRatio, seed, feedback);
  }

  /** These options with another seed. */
  public CtrDataOptions withSeed(long s) {
    return new CtrDataOptions(positiveRating, sampledNegatives, recbenchCap, capPerClass,
        validRatio, testRatio, s, feedback);
  }

  /** These options with another feedback reading. */
  public CtrDataOptions withFeedback(String f) {
    return new CtrDataOptions(positiveRating, sampledNegatives, recbenchCap, capPerClass,
        validRatio, testRatio, seed, f);
  }
}
