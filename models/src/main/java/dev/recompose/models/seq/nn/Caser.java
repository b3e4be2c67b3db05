package dev.recompose.models.seq.nn;

import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.UserBatch;
import dev.recompose.models.train.Trainable;
import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Losses;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Init;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * Caser: Tang &amp; Wang, "Personalized Top-N Sequential Recommendation via Convolutional
 * Sequence Embedding", WSDM 2018.
 *
 * <p>As in the official graytowne/caser_pytorch (REFERENCES-seqrec §4): the last L items as an
 * {@code L x d} image; {@code n_v} vertical filters ({@code L x 1}) and {@code n_h} horizontal
 * filters of every height 1..L ({@code h x d}, ReLU, max-pooled over time); concatenated, dropout,
 * a fully connected layer to d with ReLU; concatenated with a user embedding; scored by a
 * separate output table {@code W2 [items, 2d]} plus a per-item bias. One training example is a
 * window position of a user's train sequence: the L items before (left-padded) and the next T
 * items as targets, each against {@code negatives} uniform items outside the user's train
 * sequence, with binary cross-entropy.
 */
public final class Caser extends Module implements Trainable {
  private final SequenceData data;
  private final ItemSets seen;
  private final String name;
  private final int window;
  private final int targets;
  private final int dim;
  private final int nv;
  private final int nh;
  private final float dropout;
  private final int negatives;
  private final int numItems;
  private final int[] exUser;
  private final int[] exEnd;
  private final Tensor items;
  private final Tensor usersTable;
  private final Tensor vertical;
  private final List<Tensor> horizontal = new ArrayList<>();
  private final List<Tensor> horizontalBias = new ArrayList<>();
  private final Linear fc;
  private final Tensor w2;
  private final Tensor b2;

  /** Builds the network of recipe {@code r} for {@code data}, initialised from {@code r.seed}. */
  public Caser(Recipe r, SequenceData data) {
    this.data = data;
    this.name = r.name();
    this.window = r.getInt("window");
    this.targets = r.getInt("targets");
    this.dim = r.getInt("embedding_size");
    this.nv = r.getInt("n_v");
    this.nh = r.getInt("n_h");
    this.dropout = (float) r.getDouble("dropout");
    this.negatives = r.getInt("negatives");
    if (window < 1 || targets < 1 || dim < 1 || nv < 1 || nh < 1 || negatives < 1) {
      throw new IllegalArgumentException("caser needs window, targets, embedding_size, n_v, n_h"
          + " and negatives >= 1");
    }
    this.numItems = data.numItems();
    Rng rng = new Rng(r.getInt("seed"));
    float std = 1f / dim;
    this.items = parameter("items", Init.normal(Tensor.zeros(numItems + 1, dim), std, rng));
    java.util.Arrays.fill(items.data(), 0, dim, 0f);
    this.usersTable = parameter("users",
        Init.normal(Tensor.zeros(data.numUsers(), dim), std, rng));
    this.vertical = parameter("conv_v", Init.torchDefault(Tensor.zeros(nv, window), window, rng));
    for (int h = 1; h <= window; h++) {
      horizontal.add(parameter("conv_h." + h + ".weight",
          Init.torchDefault(Tensor.zeros(nh, dim, h), dim * h, rng)));
      horizontalBias.add(parameter("conv_h." + h + ".bias",
          Init.torchDefault(Tensor.zeros(nh), dim * h, rng)));
    }
    this.fc = child("fc", new Linear(nv * dim + nh * window, dim, rng));
    this.w2 = parameter("w2", Init.normal(Tensor.zeros(numItems + 1, 2 * dim), 1f / (2 * dim),
        rng));
    this.b2 = parameter("b2", Tensor.zeros(numItems + 1));
    this.seen = new ItemSets(data);
    List<int[]> ex = new ArrayList<>();
    for (int u = 0; u < data.numUsers(); u++) {
      int m = data.trainLength(u);
      for (int t = 1; t + targets <= m; t++) {
        ex.add(new int[] {u, t});
      }
    }
    this.exUser = ex.stream().mapToInt(a -> a[0]).toArray();
    this.exEnd = ex.stream().mapToInt(a -> a[1]).toArray();
  }

  @Override
  public Module module() {
    return this;
  }

  @Override
  public int numExamples() {
    return exUser.length;
  }

  /** The {@code [B, 2d]} user-and-sequence vectors of windows {@code ids [B, L]}. */
  private Tensor encode(int[] ids, int[] users, int b, Rng rng) {
    Tensor e = Functional.embedding(items, Tensor.ofInts(ids, b, window), 0, false);
    Tensor v = e.transpose(1, 2).reshape(b * dim, window).matmulT(vertical).reshape(b, dim * nv);
    List<Tensor> parts = new ArrayList<>();
    parts.add(v);
    for (int h = 1; h <= window; h++) {
      Tensor c = Functional.conv1d(e, horizontal.get(h - 1), horizontalBias.get(h - 1), 0)
          .relu();
      parts.add(c.max(1, false));
    }
    Tensor z = Tensor.concat(1, parts);
    if (isTraining() && dropout > 0) {
      z = Functional.dropout(z, dropout, true, rng);
    }
    z = fc.forward(z).relu();
    Tensor pu = Functional.embedding(usersTable, Tensor.ofInts(users, b), -1, false);
    return Tensor.concat(1, z, pu);
  }

  @Override
  public Tensor loss(int[] examples, Rng rng) {
    int b = examples.length;
    int[] ids = new int[b * window];
    int[] us = new int[b];
    int per = targets * (1 + negatives);
    int[] cand = new int[b * per];
    float[] y = new float[b * per];
    for (int r = 0; r < b; r++) {
      int u = exUser[examples[r]];
      int t = exEnd[examples[r]];
      int[] s = data.trainSequence(u);
      us[r] = u;
      Windows.leftPad(s, t, window, ids, r * window);
      for (int q = 0; q < targets; q++) {
        cand[r * per + q] = s[t + q] + 1;
        y[r * per + q] = 1f;
      }
      for (int q = targets; q < per; q++) {
        cand[r * per + q] = seen.negative(u, rng) + 1;
      }
    }
    Tensor x = encode(ids, us, b, rng).reshape(b, 1, 2 * dim);
    Tensor ci = Tensor.ofInts(cand, b, per);
    Tensor w = Functional.embedding(w2, ci, -1, false);
    Tensor bias = Functional.embedding(b2.reshape(numItems + 1, 1), ci, -1, false)
        .reshape(b, per);
    Tensor logits = x.mul(w).sum(2, false).add(bias);
    return Losses.bceWithLogits(logits, Tensor.of(y, b, per));
  }

  @Override
  public Scorer scorer() {
    return new TableScorer(name, numItems, this::userVectors, () -> w2, () -> b2);
  }

  private Tensor userVectors(UserBatch batch) {
    int b = batch.size();
    int[] ids = new int[b * window];
    int[] us = new int[b];
    for (int r = 0; r < b; r++) {
      int[] in = batch.input(r);
      Windows.leftPad(in, in.length, window, ids, r * window);
      us[r] = batch.user(r);
    }
    return encode(ids, us, b, null);
  }
}
