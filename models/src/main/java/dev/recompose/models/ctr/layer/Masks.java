package dev.recompose.models.ctr.layer;

import dev.recompose.tensor.Tensor;

/**
 * Padding masks and masked pooling shared by the bricks.
 *
 * <p>It exists so that every brick agrees on one convention: sequences are right padded and an
 * int32 mask holds 1 at padding.
 */
public final class Masks {
  private Masks() {}

  /** int32 {@code [B, L]} with 1 at positions {@code >= lengths[b]}. */
  public static Tensor padding(int[] lengths, int maxLen) {
    int[] m = new int[lengths.length * maxLen];
    for (int b = 0; b < lengths.length; b++) {
      for (int i = Math.min(lengths[b], maxLen); i < maxLen; i++) {
        m[b * maxLen + i] = 1;
      }
    }
    return Tensor.ofInts(m, lengths.length, maxLen);
  }

  /** int32 {@code [B, L]} with 1 where token id {@code ids} is 0 (padding). */
  public static Tensor zeros(int[] ids, int b, int len) {
    int[] m = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      m[i] = ids[i] == 0 ? 1 : 0;
    }
    return Tensor.ofInts(m, b, len);
  }

  /** Float {@code [B, L, 1]} with 1 at real positions, from an int32 padding mask. */
  public static Tensor keep(Tensor pad) {
    int[] p = pad.intData();
    float[] k = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      k[i] = p[i] == 0 ? 1f : 0f;
    }
    return Tensor.of(k, pad.size(0), pad.size(1), 1);
  }

  /** Mean of the real positions of {@code x [B, L, D]} (zeros for an all-padding row). */
  public static Tensor mean(Tensor x, Tensor pad) {
    Tensor keep = keep(pad);
    float[] kd = keep.data();
    int b = x.size(0);
    int l = x.size(1);
    float[] inv = new float[b];
    for (int r = 0; r < b; r++) {
      float c = 0;
      for (int i = 0; i < l; i++) {
        c += kd[r * l + i];
      }
      inv[r] = c == 0 ? 0f : 1f / c;
    }
    return x.mul(keep).sum(1, false).mul(Tensor.of(inv, b, 1));
  }
}
