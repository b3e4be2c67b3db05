package dev.recompose.models.seq.nn;

import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.UserBatch;
import dev.recompose.models.train.Trainable;
import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Init;
import dev.recompose.tensor.nn.Module;

/**
 * BPR-MF: Rendle, Freudenthaler, Gantner &amp; Schmidt-Thieme, "BPR: Bayesian Personalized
 * Ranking from Implicit Feedback", UAI 2009.
 *
 * <p>Matrix factorisation {@code x_ui = <p_u, q_i>} trained on triples (u, i, j) with i a train
 * item of u and j drawn uniformly from items outside u's train sequence, minimising
 * {@code -log sigmoid(x_ui - x_uj)} (RecBole BPR: 64 factors, one negative, Adam; REFERENCES-seqrec
 * §5). One example is one train interaction. It ignores order: the general-recommender baseline.
 */
public final class BprMf extends Module implements Trainable {
  private final SequenceData data;
  private final ItemSets seen;
  private final String name;
  private final int numItems;
  private final int[] exUser;
  private final int[] exItem;
  private final Tensor users;
  private final Tensor items;

  /** Builds the factors of recipe {@code r} for {@code data}, initialised from {@code r.seed}. */
  public BprMf(Recipe r, SequenceData data) {
    this.data = data;
    this.name = r.name();
    int dim = r.getInt("embedding_size");
    if (dim < 1) {
      throw new IllegalArgumentException("embedding_size must be >= 1, got " + dim);
    }
    this.numItems = data.numItems();
    Rng rng = new Rng(r.getInt("seed"));
    float std = (float) r.getDouble("init_std");
    this.users = parameter("users", Init.normal(Tensor.zeros(data.numUsers(), dim), std, rng));
    this.items = parameter("items", Init.normal(Tensor.zeros(numItems + 1, dim), std, rng));
    java.util.Arrays.fill(items.data(), 0, dim, 0f);
    this.seen = new ItemSets(data);
    int n = data.numTrainInteractions();
    this.exUser = new int[n];
    this.exItem = new int[n];
    for (int u = 0, k = 0; u < data.numUsers(); u++) {
      for (int p = 0; p < data.trainLength(u); p++, k++) {
        exUser[k] = u;
        exItem[k] = data.trainItem(u, p) + 1;
      }
    }
  }

  @Override
  public Module module() {
    return this;
  }

  @Override
  public int numExamples() {
    return exUser.length;
  }

  @Override
  public Tensor loss(int[] examples, Rng rng) {
    int b = examples.length;
    int[] u = new int[b];
    int[] i = new int[b];
    int[] j = new int[b];
    for (int r = 0; r < b; r++) {
      u[r] = exUser[examples[r]];
      i[r] = exItem[examples[r]];
      j[r] = seen.negative(u[r], rng) + 1;
    }
    Tensor pu = Functional.embedding(users, Tensor.ofInts(u, b), -1, false);
    Tensor qi = Functional.embedding(items, Tensor.ofInts(i, b), 0, false);
    Tensor qj = Functional.embedding(items, Tensor.ofInts(j, b), 0, false);
    Tensor diff = pu.mul(qi.sub(qj)).sum(1, false);
    return diff.neg().softplus().mean();
  }

  @Override
  public Scorer scorer() {
    return new TableScorer(name, numItems, this::userVectors, () -> items, () -> null);
  }

  private Tensor userVectors(UserBatch batch) {
    int[] u = java.util.Arrays.copyOf(batch.users(), batch.size());
    return Functional.embedding(users, Tensor.ofInts(u, u.length), -1, false);
  }
}
