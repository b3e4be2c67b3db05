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
  private static final int CHUNKS = 16;

  private Sinkhorn() {}

  private static int lo(int chunk, int n) {
    return (int) ((long) n * chunk / CHUNKS);
  }

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
    float[] chunkLo = new float[CHUNKS];
    float[] chunkHi = new float[CHUNKS];
    Parallel.forRange(CHUNKS, 1, (cs, ce) -> {
      float[] zero = new float[d];
      for (int ch = cs; ch < ce; ch++) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (int i = lo(ch, n); i < lo(ch + 1, n); i++) {
          xn[i] = KMeans.dist2(x, i * d, zero, 0, d);
          for (int j = 0; j < k; j++) {
            float v = Math.max(0f, xn[i] + cn[j] - 2f * kmat[i * k + j]);
            kmat[i * k + j] = v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
        chunkLo[ch] = lo;
        chunkHi[ch] = hi;
      }
    });
    float lo = Float.MAX_VALUE;
    float hi = -Float.MAX_VALUE;
    for (int ch = 0; ch < CHUNKS; ch++) {
      lo = Math.min(lo, chunkLo[ch]);
      hi = Math.max(hi, chunkHi[ch]);
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
    double[][] colPart = new double[CHUNKS][k];
    for (int it = 0; it < iterations; it++) {
      // rows and column partial sums per fixed chunk: the result does not depend on threads
      Parallel.forRange(CHUNKS, 1, (cs, ce) -> {
        for (int ch = cs; ch < ce; ch++) {
          double[] col = colPart[ch];
          java.util.Arrays.fill(col, 0);
          for (int i = lo(ch, n); i < lo(ch + 1, n); i++) {
            double s = 0;
            int o = i * k;
            for (int j = 0; j < k; j++) {
              s += kmat[o + j] * v[j];
            }
            double ui = rowTarget / s;
            u[i] = ui;
            for (int j = 0; j < k; j++) {
              col[j] += kmat[o + j] * ui;
            }
          }
        }
      });
      for (int j = 0; j < k; j++) {
        double sum = 0;
        for (int ch = 0; ch < CHUNKS; ch++) {
          sum += colPart[ch][j];
        }
        v[j] = sum > 0 ? colTarget / sum : 0;
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
