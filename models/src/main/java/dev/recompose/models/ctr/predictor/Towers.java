package dev.recompose.models.ctr.predictor;

/**
 * Layer-size helpers shared by the predictors.
 *
 * <p>It exists so that every tower is written {@code in -> hidden... -> out} the same way.
 */
final class Towers {
  /** The BARS benchmark tower, [400, 400, 400] (REFERENCES-ctr §7). */
  static final int[] BARS = {400, 400, 400};

  private Towers() {}

  /** {@code [in, hidden..., out]}; {@code out <= 0} leaves the output off. */
  static int[] dims(int in, int[] hidden, int out) {
    int n = hidden.length + 1 + (out > 0 ? 1 : 0);
    int[] d = new int[n];
    d[0] = in;
    System.arraycopy(hidden, 0, d, 1, hidden.length);
    if (out > 0) {
      d[n - 1] = out;
    }
    if (d.length < 2) {
      throw new IllegalArgumentException("a tower needs at least one layer");
    }
    return d;
  }
}
