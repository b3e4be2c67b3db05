package dev.recompose.models.ctr.layer;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Init;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Module;

/**
 * Additive attention pooling (Bahdanau et al. 2015) as NRMS and NAML use it (Wu et al. 2019):
 * {@code a = softmax(q^T tanh(W h + b))}, output {@code sum a_i h_i}, with padding masked.
 *
 * <p>It exists beside the engine's {@code AdditiveAttention} because CTR data has rows that are
 * entirely padding (a news item without text, a user without history); masking with a large
 * finite negative instead of minus infinity turns those rows into the mean of zero padding
 * vectors rather than NaN.
 */
public final class AttentionPool extends Module {
  private static final float MASKED = -1e9f;
  private final Linear projection;
  private final Tensor query;

  /** Pools vectors of size {@code dim} through a {@code hidden}-sized scoring layer. */
  public AttentionPool(int dim, int hidden, Rng rng) {
    this.projection = child("projection", new Linear(dim, hidden, rng));
    this.query = parameter("query", Init.uniform(Tensor.zeros(hidden, 1), -0.1f, 0.1f, rng));
  }

  /** Pools {@code x [B, T, dim]} to {@code [B, dim]}; {@code pad} int32 [B, T] (1 = ignore) may be null. */
  public Tensor forward(Tensor x, Tensor pad) {
    if (x.dim() != 3) {
      throw new IllegalArgumentException("attention pooling needs [B, T, dim], got "
          + java.util.Arrays.toString(x.shape()));
    }
    int b = x.size(0);
    int t = x.size(1);
    Tensor scores = projection.forward(x).tanh().matmul(query).reshape(b, t);
    if (pad != null) {
      scores = scores.maskedFill(pad, MASKED);
    }
    return scores.softmax(1).reshape(b, 1, t).matmul(x).reshape(b, x.size(2));
  }
}
