package dev.recompose.models.repr.sid;

import java.util.Arrays;
import java.util.Locale;

/**
 * Quality figures of a set of semantic IDs, printed by the CLI and kept in the manifest.
 *
 * @param method {@code rq-kmeans} or {@code rq-vae}
 * @param items number of items coded
 * @param levels residual levels (without the disambiguation level)
 * @param codes codes per level
 * @param collisionRate share of items whose code tuple, before disambiguation, is shared with
 *     another item
 * @param maxShared the largest number of items sharing one tuple (1 when none collide)
 * @param codesUsed distinct codes used per level
 * @param perplexity per level, {@code exp(entropy)} of the code distribution (= codes when
 *     perfectly balanced)
 * @param reconstructionMse mean over items of the squared norm of the final residual, per dimension
 * @param relativeError final residual energy over the data's energy
 * @param seconds wall time of the fit
 */
public record SidReport(
    String method,
    int items,
    int levels,
    int codes,
    double collisionRate,
    int maxShared,
    int[] codesUsed,
    double[] perplexity,
    double reconstructionMse,
    double relativeError,
    double seconds) {

  /** A readable one-line summary. */
  public String summary() {
    StringBuilder use = new StringBuilder();
    for (int l = 0; l < levels; l++) {
      if (l > 0) {
        use.append(", ");
      }
      use.append(String.format(Locale.ROOT, "L%d %d/%d (perplexity %.0f)", l + 1, codesUsed[l],
          codes, perplexity[l]));
    }
    return String.format(Locale.ROOT,
        "%s %dx%d +1 disambiguation level over %d items: collisions before resolution %.2f%%"
            + " of items (max %d share a code); codebook use %s; reconstruction MSE %.5f"
            + " (%.1f%% of the data's energy); %.1f s",
        method, levels, codes, items, 100 * collisionRate, maxShared, use, reconstructionMse,
        100 * relativeError, seconds);
  }

  @Override
  public String toString() {
    return summary() + " " + Arrays.toString(codesUsed);
  }
}
