package dev.recompose.models.repr.sid;

/**
 * Semantic IDs of every item: {@code levels} residual codes plus one disambiguation code.
 *
 * <p>It exists as the result of {@link RqKMeans} (and of an RQ-VAE) independent of how it was
 * made: the codes to store, the codebooks to code new items with, and the quality report.
 *
 * @param items number of items
 * @param levels residual levels (the stored rows have {@code levels + 1} codes)
 * @param raw codes before disambiguation, {@code items x levels}, row-major
 * @param codes unique codes, {@code items x (levels + 1)}, row-major
 * @param quantizer the fitted codebooks (and RQ-VAE encoder) that code new items
 * @param report collision rate, codebook use and reconstruction error
 */
public record SemanticIds(int items, int levels, int[] raw, int[] codes, SidQuantizer quantizer,
    SidReport report) {

  /** Per level a {@code codes x width} row-major matrix of centroids (copies). */
  public float[][] codebooks() {
    float[][] out = new float[quantizer.levels()][];
    for (int l = 0; l < out.length; l++) {
      out[l] = quantizer.codebook(l);
    }
    return out;
  }

  /** The {@code levels + 1} codes of item {@code i}. */
  public int[] of(int i) {
    return java.util.Arrays.copyOfRange(codes, i * (levels + 1), (i + 1) * (levels + 1));
  }
}
