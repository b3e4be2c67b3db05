package dev.recompose.models.repr.sid;

import dev.recompose.tensor.Gemm;
import dev.recompose.tensor.Parallel;

/**
 * Balanced assignment of points to centroids by Sinkhorn-Knopp (Cuturi 2013), as RecBase and
 * MiniOneRec use to spread items evenly over a codebook and cut semantic-ID collisions.
 *
 * <p>It exists because nearest-centroid assignment lets a few codes take most items. Distances are
 * scaled to [0, 1] (RecBase centres and scales them too), {@code K = exp(-D / epsilon)} is
 * balanced towards uniform row and column marginals, and each point takes the code with the
 * largest transport mass. Each row of {@code K} is shifted by its own minimum before the
 * exponential, which the row scaling absorbs exactly, so small epsilons do not underflow.
 */
public final class Sinkhorn {
  private Sinkhorn() {}

  /** Codes of the {@code n x d} rows of {@code x} over {@code k} centroids, balanced. */
  public static int[] assign(float[] x, int n, int d, float[] c, int k, double epsilon,
      int iterations) {
    if (epsilon <= 0) {
      throw new IllegalArgumentException("epsilon must be > 0, was " + epsilon);
    }
    float[] cn = new float[k];
    for (int j = 0; j < k; j++) {
      cn[j] = KMeans.dist2(c, j * d, new float[d], 0, d);
    }
    float[] kmat = new float[Math.multiplyExact(n, k)];
    Gemm.sgemm(false, true, n, k, d, 1f, x, 0, d, c, 0, d, 0f, kmat, 0, k);
    float[] xn = new float[n];
    float lo = Float.MAX_VALUE;
    float hi = -Float.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      xn[i] = KMeans.dist2(x, i * d, new float[d], 0, d);
      for (int j = 0; j < k; j++) {
        float v = Math.max(0f, xn[i] + cn[j] - 2f * kmat[i * k + j]);
        kmat[i * k + j] = v;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double scale = hi > lo ? 1.0 / ((hi - lo) * epsilon) : 0;
    Parallel.forRange(n, 1024, (s, e) -> {
      for (int i = s; i < e; i++) {
        float rowMin = Float.MAX_VALUE;
        for (int j = 0; j < k; j++) {
          rowMin = Math.min(rowMin, kmat[i * k + j]);
        }
        for (int j = 0; j < k; j++) {
          kmat[i * k + j] = (float) Math.exp(-(kmat[i * k + j] - rowMin) * scale);
        }
      }
    });
    double[] u = new double[n];
    double[] v = new double[k];
    java.util.Arrays.fill(v, 1.0);
    double rowTarget = 1.0 / n;
    double colTarget = 1.0 / k;
    for (int it = 0; it < iterations; it++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        int o = i * k;
        for (int j = 0; j < k; j++) {
          s += kmat[o + j] * v[j];
        }
        u[i] = rowTarget / s;
      }
      double[] col = new double[k];
      for (int i = 0; i < n; i++) {
        int o = i * k;
        double ui = u[i];
        for (int j = 0; j < k; j++) {
          col[j] += kmat[o + j] * ui;
        }
      }
      for (int j = 0; j < k; j++) {
        v[j] = col[j] > 0 ? colTarget / col[j] : 0;
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int o = i * k;
      int arg = 0;
      double best = -1;
      for (int j = 0; j < k; j++) {
        double m = kmat[o + j] * v[j];
        if (m > best) {
          best = m;
          arg = j;
        }
      }
      out[i] = arg;
    }
    return out;
  }
}
