package dev.recompose.models.repr.sid;

import dev.recompose.tensor.Gemm;
import dev.recompose.tensor.Parallel;
import dev.recompose.tensor.Rng;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lloyd's k-means on row-major float32 data with k-means++ seeding (Arthur &amp; Vassilvitskii
 * 2007), the building block of every residual level of {@link RqKMeans}.
 *
 * <p>It exists because residual quantisation of 100,000 x 384 embeddings into 4 x 256 codes must
 * take seconds, not minutes: the assignment step computes {@code |c|^2 - 2 x.c} for blocks of
 * 2,048 rows with the engine's packed Vector API {@link Gemm} (threads from {@link Parallel}), the
 * seeding (on at most 32 k rows) and updates are tight Vector API loops; like faiss, the Lloyd
 * iterations run on a random sample of the rows and every row is assigned at the end. Empty clusters are re-seeded with the point
 * farthest from its centroid. Results depend only on the data and the {@link Rng}.
 */
public final class KMeans {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int BLOCK = 2048;

  private KMeans() {}

  /** A fitted level: {@code k x d} centroids, a code per item and its squared distance. */
  public record Fit(float[] centroids, int[] assign, float[] dist2, int iterations) {}

  /** Squared Euclidean distance of {@code a[ao..ao+d)} and {@code b[bo..bo+d)}. */
  static float dist2(float[] a, int ao, float[] b, int bo, int d) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    int bound = S.loopBound(d);
    for (; i < bound; i += S.length()) {
      FloatVector x = FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i));
      acc = x.fma(x, acc);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < d; i++) {
      float x = a[ao + i] - b[bo + i];
      s += x * x;
    }
    return s;
  }

  /** k-means++ seeding on a sample of at most {@code sample} rows. */
  static float[] seed(float[] x, int n, int d, int k, int sample, Rng rng) {
    int m = Math.min(n, sample);
    int[] rows;
    if (m == n) {
      rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
    } else {
      rows = sampleRows(n, m, rng);
    }
    float[] c = new float[k * d];
    double[] best = new double[m];
    Arrays.fill(best, Double.MAX_VALUE);
    int first = rows[rng.nextInt(m)];
    System.arraycopy(x, first * d, c, 0, d);
    for (int j = 1; j <= k; j++) {
      final int prev = j - 1;
      double[] partial = new double[Parallel.threads()];
      int chunks = partial.length;
      Parallel.forRange(chunks, 1, (s, e) -> {
        for (int t = s; t < e; t++) {
          int lo = (int) ((long) m * t / chunks);
          int hi = (int) ((long) m * (t + 1) / chunks);
          double sum = 0;
          for (int i = lo; i < hi; i++) {
            float dd = dist2(x, rows[i] * d, c, prev * d, d);
            if (dd < best[i]) {
              best[i] = dd;
            }
            sum += best[i];
          }
          partial[t] = sum;
        }
      });
      if (j == k) {
        break;
      }
      double total = 0;
      for (double p : partial) {
        total += p;
      }
      int pick;
      if (total <= 0) { // fewer distinct points than codes: duplicate a random one
        pick = rows[rng.nextInt(m)];
      } else {
        double r = rng.nextDouble() * total;
        int i = 0;
        double acc = 0;
        for (; i < m - 1; i++) {
          acc += best[i];
          if (acc > r) {
            break;
          }
        }
        pick = rows[i];
      }
      System.arraycopy(x, pick * d, c, j * d, d);
    }
    return c;
  }

  /** Nearest centroid of every row; fills {@code assign} and {@code dist2}; returns changes. */
  static int assign(float[] x, int n, int d, float[] c, int k, int[] assign, float[] dist2) {
    float[] cn = new float[k];
    for (int j = 0; j < k; j++) {
      cn[j] = dist2(c, j * d, new float[d], 0, d);
    }
    float[] xn = new float[n];
    Parallel.forRange(n, 4096, (s, e) -> {
      float[] zero = new float[d];
      for (int i = s; i < e; i++) {
        xn[i] = dist2(x, i * d, zero, 0, d);
      }
    });
    float[] dots = new float[BLOCK * k];
    int changes = 0;
    for (int from = 0; from < n; from += BLOCK) {
      int m = Math.min(BLOCK, n - from);
      Gemm.sgemm(false, true, m, k, d, 1f, x, from * d, d, c, 0, d, 0f, dots, 0, k);
      for (int r = 0; r < m; r++) {
        int base = r * k;
        int arg = 0;
        float best = Float.MAX_VALUE;
        for (int j = 0; j < k; j++) {
          float v = cn[j] - 2f * dots[base + j];
          if (v < best) {
            best = v;
            arg = j;
          }
        }
        int i = from + r;
        if (assign[i] != arg) {
          changes++;
          assign[i] = arg;
        }
        dist2[i] = Math.max(0f, xn[i] + best);
      }
    }
    return changes;
  }

  /** Means of the assigned rows; an empty cluster takes the row farthest from its centroid. */
  static void update(float[] x, int n, int d, float[] c, int k, int[] assign, float[] dist2) {
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    for (int i = 0; i < n; i++) {
      int j = assign[i];
      counts[j]++;
      int xo = i * d;
      int so = j * d;
      for (int t = 0; t < d; t++) {
        sums[so + t] += x[xo + t];
      }
    }
    boolean[] taken = new boolean[n];
    for (int j = 0; j < k; j++) {
      if (counts[j] > 0) {
        for (int t = 0; t < d; t++) {
          c[j * d + t] = (float) (sums[j * d + t] / counts[j]);
        }
      } else {
        int far = -1;
        float fd = -1f;
        for (int i = 0; i < n; i++) {
          if (!taken[i] && dist2[i] > fd) {
            fd = dist2[i];
            far = i;
          }
        }
        if (far >= 0) {
          taken[far] = true;
          System.arraycopy(x, far * d, c, j * d, d);
        }
      }
    }
  }

  /** Sorted distinct random rows, {@code m} of {@code n}. */
  static int[] sampleRows(int n, int m, Rng rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < m; i++) {
      int j = rng.nextInt(i, n);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] rows = Arrays.copyOf(perm, m);
    Arrays.sort(rows);
    return rows;
  }

  /**
   * Fits {@code k} centroids to the {@code n x d} rows of {@code x}.
   *
   * @param fitSample Lloyd iterations run on at most this many random rows (faiss's rule of 256
   *     points per centroid); every row is then assigned once
   */
  public static Fit fit(float[] x, int n, int d, int k, int iterations, double tolerance,
      int fitSample, Rng rng) {
    if (n < 1 || d < 1 || x.length < (long) n * d) {
      throw new IllegalArgumentException("need n x d = " + n + " x " + d + " values, have "
          + x.length);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, was " + k);
    }
    float[] xs = x;
    int ns = n;
    if (n > fitSample) {
      int[] rows = sampleRows(n, fitSample, rng);
      ns = rows.length;
      xs = new float[ns * d];
      for (int i = 0; i < ns; i++) {
        System.arraycopy(x, rows[i] * d, xs, i * d, d);
      }
    }
    float[] c = seed(xs, ns, d, k, Math.max(k, 32 * k), rng);
    int[] a = new int[ns];
    Arrays.fill(a, -1);
    float[] dd = new float[ns];
    int it = 0;
    while (it < iterations) {
      int changes = assign(xs, ns, d, c, k, a, dd);
      it++;
      if (it > 1 && changes <= tolerance * ns) {
        break;
      }
      update(xs, ns, d, c, k, a, dd);
    }
    int[] all = new int[n];
    Arrays.fill(all, -1);
    float[] dAll = new float[n];
    assign(x, n, d, c, k, all, dAll);
    return new Fit(c, all, dAll, it);
  }
}
