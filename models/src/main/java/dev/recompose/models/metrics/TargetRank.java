package dev.recompose.models.metrics;

/**
 * The 1-based rank of a target item among candidates, found by counting (no sort).
 *
 * <p><b>Tie policy: pessimistic.</b> rank = 1 + #(other candidates with a strictly greater
 * score) + #(other candidates with an equal score). A model that scores everything the same
 * thus ranks its target last, never first: ties can only cost, never inflate, a number. This is
 * the conservative reading of RecBole's full-sort evaluation, whose {@code torch.topk} breaks
 * ties arbitrarily (REFERENCES-seqrec §0, §9); with continuous scores ties are rare and the
 * policies agree. NaN anywhere among the candidates is an error, never ranked silently.
 *
 * <p>It exists because sorting 100,000 scores per user to find one rank is wasteful: a single
 * linear pass suffices, vectorised with the Java Vector API when {@code jdk.incubator.vector} is
 * loaded (set {@code -Drecompose.noVector=true} to force the scalar loop).
 */
public final class TargetRank {
  /** Whether the SIMD kernel can be used (the incubator module is in the boot layer). */
  static final boolean VECTOR =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !Boolean.getBoolean("recompose.noVector");

  private TargetRank() {}

  /** {@code {count(s >= t), count(isNaN(s))}} packed as in {@link VectorCount}. */
  static long scalarAtLeastAndNaN(float[] scores, int from, int n, float t) {
    int atLeast = 0;
    int nan = 0;
    for (int j = from, end = from + n; j < end; j++) {
      float s = scores[j];
      atLeast += s >= t ? 1 : 0;
      nan += s != s ? 1 : 0;
    }
    return ((long) atLeast << 32) | nan;
  }

  /**
   * The rank of item {@code target} among all {@code n} items whose scores start at
   * {@code scores[from]}, ignoring the items {@code excluded[0..excludedCount)} (masked history;
   * they must be distinct and must not contain the target).
   */
  public static int among(float[] scores, int from, int n, int target, int[] excluded,
      int excludedCount) {
    if (target < 0 || target >= n) {
      throw new IllegalArgumentException("target " + target + " outside [0, " + n + ")");
    }
    float t = scores[from + target];
    if (Float.isNaN(t)) {
      throw new IllegalArgumentException("NaN score for the target item " + target);
    }
    long counts = VECTOR ? VectorCount.atLeastAndNaN(scores, from, n, t)
        : scalarAtLeastAndNaN(scores, from, n, t);
    int atLeast = (int) (counts >>> 32);
    int nan = (int) counts;
    if (nan > 0) {
      throw new IllegalArgumentException(nan + " NaN scores among " + n + " items");
    }
    atLeast -= 1; // the target itself
    for (int e = 0; e < excludedCount; e++) {
      int j = excluded[e];
      if (j == target) {
        throw new IllegalArgumentException("the target " + target + " must never be masked");
      }
      if (scores[from + j] >= t) {
        atLeast--;
      }
    }
    return 1 + atLeast;
  }

  /** The rank of {@code targetScore} among {@code others[0..count)} (sampled protocols). */
  public static int among(float targetScore, float[] others, int count) {
    return among(targetScore, others, 0, count);
  }

  /** The rank of {@code targetScore} among {@code others[from..from + count)}. */
  public static int among(float targetScore, float[] others, int from, int count) {
    if (Float.isNaN(targetScore)) {
      throw new IllegalArgumentException("NaN score for the target item");
    }
    int atLeast = 0;
    for (int j = 0; j < count; j++) {
      float s = others[from + j];
      if (Float.isNaN(s)) {
        throw new IllegalArgumentException("NaN score for candidate " + j);
      }
      atLeast += s >= targetScore ? 1 : 0;
    }
    return 1 + atLeast;
  }
}
