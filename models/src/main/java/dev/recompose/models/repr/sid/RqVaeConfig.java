package dev.recompose.models.repr.sid;

import java.util.Arrays;

/**
 * Settings of {@link RqVae}.
 *
 * @param levels residual levels
 * @param codes codes per level
 * @param hidden hidden widths of the encoder MLP (the decoder mirrors them), e.g. TIGER's
 *     {@code 512, 256, 128}
 * @param latent width of the quantised latent (TIGER: 32)
 * @param beta commitment weight (0.25 in TIGER and RecBase)
 * @param epochs passes over the items
 * @param epochsPerLevel RecBase's curriculum: level {@code l} (0-based) is switched on at epoch
 *     {@code l * epochsPerLevel} (RecBase: 5); 0 trains all levels from the start
 * @param batchSize items per step
 * @param lr Adam learning rate
 * @param kmeansSample items encoded to k-means-initialise a level's codebook when it is switched
 *     on
 * @param resetDeadCodes whether codes unused during an epoch are re-seeded with random residuals
 * @param seed all randomness derives from it
 */
public record RqVaeConfig(
    int levels,
    int codes,
    int[] hidden,
    int latent,
    float beta,
    int epochs,
    int epochsPerLevel,
    int batchSize,
    double lr,
    int kmeansSample,
    boolean resetDeadCodes,
    long seed) {
  public RqVaeConfig {
    hidden = hidden.clone();
    if (levels < 1 || codes < 2 || latent < 1) {
      throw new IllegalArgumentException("need levels >= 1, codes >= 2, latent >= 1; got "
          + levels + ", " + codes + ", " + latent);
    }
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden widths must be >= 1: " + Arrays.toString(hidden));
      }
    }
    if (beta < 0 || epochs < 1 || epochsPerLevel < 0 || batchSize < 1 || !(lr > 0)
        || kmeansSample < codes) {
      throw new IllegalArgumentException("need beta >= 0, epochs >= 1, epochsPerLevel >= 0,"
          + " batchSize >= 1, lr > 0, kmeansSample >= codes");
    }
  }

  /** TIGER's shape (MLP 512-256-128 to 32, 3 x 256, beta 0.25) with RecBase's curriculum. */
  public static RqVaeConfig tiger(int epochs) {
    return new RqVaeConfig(3, 256, new int[] {512, 256, 128}, 32, 0.25f, epochs, 5, 1024, 1e-3,
        20_000, true, 42);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }
}
