package dev.recompose.models.repr.sid;

import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Mlp;
import dev.recompose.tensor.nn.Module;
import dev.recompose.tensor.optim.Adam;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A residual-quantised variational autoencoder (RQ-VAE; Zeghidour et al. 2021, Lee et al. 2022)
 * trained on the tensor engine to produce semantic IDs as in TIGER (Rajput et al. 2023) and
 * RecBase.
 *
 * <p>It exists as the learned alternative to {@link RqKMeans}: an MLP encoder maps an item
 * embedding to a small latent, a residual quantiser codes it level by level, an MLP decoder
 * reconstructs the embedding from the sum of the chosen codes. Training follows the published
 * recipes and the collapse fixes collected in REFERENCES-seqrec.md section 8: straight-through
 * gradients to the encoder, codebook loss plus {@code beta}-weighted commitment loss per level,
 * reconstruction loss summed over dimensions (a mean makes it ~d times weaker than the quantiser
 * terms and codes collapse), each codebook k-means-initialised on encoded residuals when its level
 * is switched on, RecBase's curriculum switching levels on one after another, and dead codes
 * re-seeded with random residuals after each epoch. Collisions are resolved with TIGER's extra
 * level; the report measures reconstruction error in the input space.
 */
public final class RqVae {
  private final RqVaeConfig config;
  private final ProgressFactory progress;

  public RqVae(RqVaeConfig config, ProgressFactory progress) {
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Encoder, decoder and codebooks as one module (so Adam sees every parameter). */
  static final class Net extends Module {
    final Mlp encoder;
    final Mlp decoder;
    final Tensor[] books;

    Net(int d, RqVaeConfig c, Rng rng) {
      int[] h = c.hidden();
      int[] enc = new int[h.length + 2];
      enc[0] = d;
      System.arraycopy(h, 0, enc, 1, h.length);
      enc[enc.length - 1] = c.latent();
      int[] dec = new int[enc.length];
      for (int i = 0; i < enc.length; i++) {
        dec[i] = enc[enc.length - 1 - i];
      }
      encoder = child("encoder", new Mlp(enc, Activation.RELU, 0f, rng.split()));
      decoder = child("decoder", new Mlp(dec, Activation.RELU, 0f, rng.split()));
      books = new Tensor[c.levels()];
      for (int l = 0; l < books.length; l++) {
        books[l] = parameter("codebook" + l, Tensor.randn(rng.split(), c.codes(), c.latent())
            .mul(0.01f));
      }
    }
  }

  /** Nearest code of each row of {@code r} ({@code b x h}) in {@code book} ({@code k x h}). */
  static int[] nearest(float[] r, int b, int h, float[] book, int k) {
    int[] out = new int[b];
    for (int i = 0; i < b; i++) {
      float best = Float.MAX_VALUE;
      for (int j = 0; j < k; j++) {
        float s = KMeans.dist2(r, i * h, book, j * h, h);
        if (s < best) {
          best = s;
          out[i] = j;
        }
      }
    }
    return out;
  }

  private static float[] rows(float[] x, int d, int[] idx, int from, int to) {
    float[] out = new float[(to - from) * d];
    for (int i = from; i < to; i++) {
      System.arraycopy(x, idx[i] * d, out, (i - from) * d, d);
    }
    return out;
  }

  /** Latent residuals before level {@code level} of the given rows (no gradients). */
  private static float[] residualsAt(Net net, float[] xb, int b, int d, int level, int h) {
    try (var g = GradMode.noGrad()) {
      float[] r = net.encoder.forward(Tensor.of(xb, b, d)).data().clone();
      for (int l = 0; l < level; l++) {
        float[] book = net.books[l].data();
        int[] a = nearest(r, b, h, book, book.length / h);
        for (int i = 0; i < b; i++) {
          for (int t = 0; t < h; t++) {
            r[i * h + t] -= book[a[i] * h + t];
          }
        }
      }
      return r;
    }
  }

  /** Trains on the {@code n x d} embeddings {@code x} and codes every item. */
  public SemanticIds fit(float[] x, int n, int d) {
    Objects.requireNonNull(x, "x");
    if (n < config.codes() || d < 1 || x.length != (long) n * d) {
      throw new IllegalArgumentException("need at least " + config.codes() + " items of width d"
          + " >= 1 in x; got n=" + n + ", d=" + d + ", " + x.length + " values");
    }
    long t0 = System.nanoTime();
    Rng rng = new Rng(config.seed());
    Net net = new Net(d, config, rng.split());
    Adam opt = new Adam(net.parameters(), config.lr());
    int h = config.latent();
    int k = config.codes();
    int levels = config.levels();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int initialised = 0;
    try (Progress bar = progress.start("rq-vae", config.epochs(), "epochs")) {
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        int active = config.epochsPerLevel() == 0 ? levels
            : Math.min(levels, 1 + epoch / config.epochsPerLevel());
        while (initialised < active) { // k-means init of a level when it is switched on
          int[] sample = KMeans.sampleRows(n, Math.min(n, config.kmeansSample()), rng);
          float[] r = residualsAt(net, rows(x, d, sample, 0, sample.length), sample.length, d,
              initialised, h);
          KMeans.Fit f = KMeans.fit(r, sample.length, h, k, 25, 1e-3, sample.length, rng.split());
          System.arraycopy(f.centroids(), 0, net.books[initialised].data(), 0, k * h);
          initialised++;
        }
        for (int i = n - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        int[][] used = new int[levels][k];
        double epochLoss = 0;
        float[][] lastResiduals = new float[levels][];
        for (int from = 0; from < n; from += config.batchSize()) {
          int to = Math.min(n, from + config.batchSize());
          int b = to - from;
          Tensor xb = Tensor.of(rows(x, d, order, from, to), b, d);
          Tensor z = net.encoder.forward(xb);
          Tensor r = z;
          Tensor loss = null;
          float[] qsum = new float[b * h];
          for (int l = 0; l < active; l++) {
            float[] rd = r.data();
            lastResiduals[l] = rd.clone();
            int[] a = nearest(rd, b, h, net.books[l].data(), k);
            for (int i = 0; i < b; i++) {
              used[l][a[i]]++;
            }
            Tensor q = net.books[l].indexSelect(0, Tensor.ofInts(a, b));
            Tensor codebook = r.detach().sub(q).square().sum().div(b);
            Tensor commit = r.sub(q.detach()).square().sum().mul(config.beta() / b);
            Tensor term = codebook.add(commit);
            loss = loss == null ? term : loss.add(term);
            float[] qd = q.data();
            for (int t = 0; t < qsum.length; t++) {
              qsum[t] += qd[t];
            }
            r = r.sub(q.detach());
          }
          float[] zd = z.data();
          float[] shift = new float[b * h];
          for (int t = 0; t < shift.length; t++) {
            shift[t] = qsum[t] - zd[t];
          }
          Tensor zq = z.add(Tensor.of(shift, b, h)); // straight-through estimator
          Tensor rec = net.decoder.forward(zq).sub(xb).square().sum().div(b);
          loss = loss == null ? rec : loss.add(rec);
          opt.zeroGrad();
          loss.backward();
          opt.step();
          epochLoss += loss.item() * b;
        }
        if (config.resetDeadCodes()) {
          for (int l = 0; l < active; l++) {
            float[] book = net.books[l].data();
            float[] src = lastResiduals[l];
            int rowsAvail = src.length / h;
            for (int j = 0; j < k; j++) {
              if (used[l][j] == 0) {
                System.arraycopy(src, rng.nextInt(rowsAvail) * h, book, j * h, h);
              }
            }
          }
        }
        bar.status(String.format(Locale.ROOT, "levels %d, loss %.4f", active, epochLoss / n));
        bar.advance(1);
      }
    }
    return code(net, x, n, d, (System.nanoTime() - t0) / 1e9);
  }

  private SemanticIds code(Net net, float[] x, int n, int d, double trainSeconds) {
    int h = config.latent();
    int k = config.codes();
    int levels = config.levels();
    int[] raw = new int[n * levels];
    double err = 0;
    double energy = 0;
    try (var g = GradMode.noGrad()) {
      int step = 4096;
      for (int from = 0; from < n; from += step) {
        int to = Math.min(n, from + step);
        int b = to - from;
        float[] xb = Arrays.copyOfRange(x, from * d, to * d);
        float[] r = net.encoder.forward(Tensor.of(xb, b, d)).data().clone();
        float[] qsum = new float[b * h];
        for (int l = 0; l < levels; l++) {
          float[] book = net.books[l].data();
          int[] a = nearest(r, b, h, book, k);
          for (int i = 0; i < b; i++) {
            raw[(from + i) * levels + l] = a[i];
            for (int t = 0; t < h; t++) {
              r[i * h + t] -= book[a[i] * h + t];
              qsum[i * h + t] += book[a[i] * h + t];
            }
          }
        }
        float[] rec = net.decoder.forward(Tensor.of(qsum, b, h)).data();
        for (int t = 0; t < xb.length; t++) {
          double e = xb[t] - rec[t];
          err += e * e;
          energy += (double) xb[t] * xb[t];
        }
      }
    }
    int[] used = new int[levels];
    double[] perplexity = new double[levels];
    for (int l = 0; l < levels; l++) {
      int[] counts = new int[k];
      for (int i = 0; i < n; i++) {
        counts[raw[i * levels + l]]++;
      }
      double hh = 0;
      for (int c : counts) {
        if (c > 0) {
          used[l]++;
          double p = (double) c / n;
          hh -= p * Math.log(p);
        }
      }
      perplexity[l] = Math.exp(hh);
    }
    float[][] books = new float[levels][];
    for (int l = 0; l < levels; l++) {
      books[l] = net.books[l].data().clone();
    }
    Collisions.Stats st = Collisions.stats(raw, n, levels);
    SidReport report = new SidReport("rq-vae", n, levels, k, (double) st.collidingItems() / n,
        st.maxShared(), used, perplexity, err / ((double) n * d), energy > 0 ? err / energy : 0,
        trainSeconds);
    int[] hidden = config.hidden();
    int[] dims = new int[hidden.length + 2];
    dims[0] = d;
    System.arraycopy(hidden, 0, dims, 1, hidden.length);
    dims[dims.length - 1] = h;
    return new SemanticIds(n, levels, raw, Collisions.resolve(raw, n, levels),
        SidQuantizer.rqVae(dims, net.encoder, k, books), report);
  }
}
