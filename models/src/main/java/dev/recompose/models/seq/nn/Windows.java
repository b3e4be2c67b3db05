package dev.recompose.models.seq.nn;

/**
 * Left-padded windows of item sequences in the models' id space (data item {@code i} becomes
 * {@code i + 1}; 0 is padding).
 *
 * <p>It exists so that every model pads the same way as the reference code (kang205/SASRec:
 * the most recent item sits in the last position, earlier positions are 0), which makes "the
 * output at the last position" the user representation for scoring.
 */
final class Windows {
  private Windows() {}

  /**
   * Writes the last {@code len} items of {@code seq[0, end)} (shifted by one) right-aligned into
   * {@code out[off, off + len)}, zero-filling the rest.
   */
  static void leftPad(int[] seq, int end, int len, int[] out, int off) {
    int k = Math.min(len, end);
    java.util.Arrays.fill(out, off, off + len - k, 0);
    for (int j = 0; j < k; j++) {
      out[off + len - k + j] = seq[end - k + j] + 1;
    }
  }

  /** Key-padding flags (1 = pad) of {@code ids}. */
  static int[] padFlags(int[] ids) {
    int[] f = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      f[i] = ids[i] == 0 ? 1 : 0;
    }
    return f;
  }

  /** A float mask (1 = real item) of {@code ids}. */
  static float[] keep(int[] ids) {
    float[] f = new float[ids.length];
    for (int i = 0; i < ids.length; i++) {
      f[i] = ids[i] == 0 ? 0f : 1f;
    }
    return f;
  }

  /** Flat indices of the real (non-zero) entries of {@code ids}, in increasing order. */
  static int[] realRows(int[] ids) {
    int n = 0;
    for (int id : ids) {
      n += id != 0 ? 1 : 0;
    }
    int[] rows = new int[n];
    for (int i = 0, k = 0; i < ids.length; i++) {
      if (ids[i] != 0) {
        rows[k++] = i;
      }
    }
    return rows;
  }
}
