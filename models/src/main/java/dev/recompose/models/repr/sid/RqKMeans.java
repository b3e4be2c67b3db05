package dev.recompose.models.repr.sid;

import dev.recompose.tensor.Rng;
import java.util.Objects;

/**
 * Residual k-means (RQ-KMeans): semantic IDs as the codes of k-means applied level by level to
 * what the previous levels left unexplained.
 *
 * <p>It exists as the fast, training-free way to turn item embeddings into the hierarchical
 * semantic IDs of TIGER (Rajput et al. 2023) and RecBase: level 1 clusters the embeddings, level 2
 * the residuals {@code x - c1}, and so on, so items sharing a prefix are semantically close. Each
 * level uses k-means++ seeding and Lloyd iterations ({@link KMeans}); optionally the final
 * assignment of a level is balanced by {@link Sinkhorn} and the centroids re-estimated from it.
 * Collisions are resolved with TIGER's extra level ({@link Collisions}). The result is a pure
 * function of the data and {@link RqKMeansConfig#seed()}.
 */
public final class RqKMeans {
  private final RqKMeansConfig config;

  public RqKMeans(RqKMeansConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Codes the {@code n x d} row-major embeddings {@code x}. */
  public SemanticIds fit(float[] x, int n, int d) {
    Objects.requireNonNull(x, "x");
    if (n < 1 || d < 1) {
      throw new IllegalArgumentException("need at least one item and one dimension, got " + n
          + " x " + d);
    }
    if (x.length != (long) n * d) {
      throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x "
          + d);
    }
    for (float v : x) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("embeddings contain NaN or infinity");
      }
    }
    long t0 = System.nanoTime();
    int levels = config.levels();
    int k = config.codes();
    Rng rng = new Rng(config.seed());
    float[] residual = x.clone();
    int[] raw = new int[n * levels];
    float[][] books = new float[levels][];
    int[] used = new int[levels];
    double[] perplexity = new double[levels];
    for (int l = 0; l < levels; l++) {
      KMeans.Fit f = KMeans.fit(residual, n, d, k, config.iterations(), config.tolerance(),
          config.fitSample(), rng.split());
      int[] a = f.assign();
      float[] c = f.centroids();
      if (config.sinkhornEpsilon() > 0) {
        a = Sinkhorn.assign(residual, n, d, c, k, config.sinkhornEpsilon(),
            config.sinkhornIterations());
        KMeans.update(residual, n, d, c, k, a, f.dist2());
      }
      int[] counts = new int[k];
      for (int i = 0; i < n; i++) {
        raw[i * levels + l] = a[i];
        counts[a[i]]++;
        int ro = i * d;
        int co = a[i] * d;
        for (int t = 0; t < d; t++) {
          residual[ro + t] -= c[co + t];
        }
      }
      double h = 0;
      for (int cnt : counts) {
        if (cnt > 0) {
          used[l]++;
          double p = (double) cnt / n;
          h -= p * Math.log(p);
        }
      }
      perplexity[l] = Math.exp(h);
      books[l] = c;
    }
    double err = 0;
    double energy = 0;
    for (int i = 0; i < x.length; i++) {
      err += (double) residual[i] * residual[i];
      energy += (double) x[i] * x[i];
    }
    Collisions.Stats st = Collisions.stats(raw, n, levels);
    int[] codes = Collisions.resolve(raw, n, levels);
    double seconds = (System.nanoTime() - t0) / 1e9;
    SidReport report = new SidReport("rq-kmeans", n, levels, k, (double) st.collidingItems() / n,
        st.maxShared(), used, perplexity, err / ((double) n * d), energy > 0 ? err / energy : 0,
        seconds);
    return new SemanticIds(n, levels, raw, codes, SidQuantizer.rqKMeans(d, k, books), report);
  }
}
