package dev.recompose.models.seq;

/**
 * A fitted model that scores every item for a batch of users: higher means recommended first.
 *
 * <p>It is the only thing evaluators and servers need from a model, so baselines, neural
 * recipes and LLM rankers are evaluated by the same code. Implementations must be safe to call
 * from several threads at once (each call gets its own output buffer), and must not return NaN
 * (evaluation fails loudly on NaN rather than ranking it somewhere arbitrary).
 */
public interface Scorer {
  /** The model's name as written in results, e.g. {@code pop}. */
  String name();

  /** The number of items scored per user (the catalogue size). */
  int numItems();

  /**
   * Writes the score of item {@code i} for row {@code b} of {@code batch} into
   * {@code out[b * numItems() + i]}, for {@code b < batch.size()}.
   *
   * @param out a buffer of at least {@code batch.size() * numItems()} floats; its content on
   *     entry is undefined
   */
  void score(UserBatch batch, float[] out);

  /**
   * Writes the score of item {@code candidates[b][c]} for row {@code b} into
   * {@code out[b * width + c]}, for {@code b < batch.size()} and {@code c < width}; used by
   * sampled protocols and candidate re-ranking. Scores must equal what {@link #score} gives the
   * same items.
   *
   * <p>The default scores the whole catalogue for the batch and gathers; override it when a few
   * items are much cheaper than all (dot products with 101 item embeddings, an LLM asked about a
   * short list).
   */
  default void scoreCandidates(UserBatch batch, int[][] candidates, int width, float[] out) {
    int n = numItems();
    float[] all = new float[batch.size() * n];
    score(batch, all);
    for (int b = 0; b < batch.size(); b++) {
      int[] c = candidates[b];
      for (int j = 0; j < width; j++) {
        out[b * width + j] = all[b * n + c[j]];
      }
    }
  }
}
