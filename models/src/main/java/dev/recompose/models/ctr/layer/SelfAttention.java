package dev.recompose.models.ctr.layer;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.PackedHeadAttention;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Module;

/**
 * Multi-head self-attention without attention dropout, as the NRMS news and user encoders use it
 * (Wu et al., "Neural News Recommendation with Multi-Head Self-Attention", EMNLP 2019):
 * query, key and value projections (run as one stacked projection), {@link PackedHeadAttention}
 * over the heads, output projection.
 *
 * <p>It exists because NRMS attends over short sequences (30 title words, 50 history items) where
 * the engine's {@code MultiHeadAttention} spends most of its time splitting and merging heads and
 * in per-head GEMMs too small for the blocked kernel; this computes the same function on heads
 * packed in place. Parameter names ({@code query}, {@code key}, {@code value}, {@code output})
 * and the initialisation draw order are those of {@code MultiHeadAttention}, so a model built
 * from the same seed starts from the same weights.
 */
public final class SelfAttention extends Module {
  private final Linear query;
  private final Linear key;
  private final Linear value;
  private final Linear output;
  private final int heads;
  private final int dim;

  /** {@code dim} must be divisible by {@code heads}. */
  public SelfAttention(int dim, int heads, Rng rng) {
    if (heads <= 0 || dim % heads != 0) {
      throw new IllegalArgumentException("attention width " + dim + " is not divisible by heads "
          + heads);
    }
    this.dim = dim;
    this.heads = heads;
    this.query = child("query", new Linear(dim, dim, rng));
    this.key = child("key", new Linear(dim, dim, rng));
    this.value = child("value", new Linear(dim, dim, rng));
    this.output = child("output", new Linear(dim, dim, rng));
    rng.split(); // MultiHeadAttention draws its dropout stream here; keep later draws aligned
  }

  /** Attends {@code x [B, T, dim]} over itself; {@code pad} int32 [B, T] (1 = padding) may be null. */
  public Tensor forward(Tensor x, Tensor pad) {
    if (x.dim() != 3 || x.size(2) != dim) {
      throw new IllegalArgumentException("self-attention input must be [B, T, " + dim + "], got "
          + java.util.Arrays.toString(x.shape()));
    }
    // one projection to [B, T, 3*dim] (weights stacked per call; their gradients split back by
    // the concatenation): one pass over x and its gradient instead of three, the same sums
    Tensor w = Tensor.concat(0, query.weight(), key.weight(), value.weight());
    Tensor b = Tensor.concat(0, query.bias(), key.bias(), value.bias());
    Tensor o = PackedHeadAttention.applyFused(Functional.linear(x, w, b), heads, pad);
    return output.forward(o);
  }
}
