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
import dev.recompose.tensor.nn.Gru;
import dev.recompose.tensor.nn.Init;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Module;

/**
 * GRU4Rec: Hidasi, Karatzoglou, Baltrunas &amp; Tikk, "Session-based Recommendations with
 * Recurrent Neural Networks", ICLR 2016; loss per Hidasi &amp; Karatzoglou, "Recurrent Neural
 * Networks with Top-k Gains for Session-based Recommendations", CIKM 2018.
 *
 * <p>The sequence-aware variant that RecBole and Tan et al. 2016 use (REFERENCES-seqrec §3.2):
 * each user's train sequence is one left-padded sequence of its last {@code max_len + 1} items;
 * embeddings (dropout) feed one GRU layer; a linear layer maps the hidden state back to the
 * embedding size, and the output is scored against the same item table (the official
 * {@code constrained_embedding}). The loss is softmax cross-entropy over all items at every real
 * position: the official README recommends only cross-entropy or BPR-max, since TOP1 and BPR
 * suffer from vanishing gradients. Not reproduced: session-parallel mini-batches and Adagrad of
 * the session-based original, which do not apply to per-user histories.
 */
public final class Gru4Rec extends Module implements Trainable {
  private final SequenceData data;
  private final String name;
  private final int maxLen;
  private final int emb;
  private final float dropout;
  private final int numItems;
  private final int[] users;
  private final SeqItemEncoder itemEncoder;
  private final Gru gru;
  private final Linear out;

  /** Builds the network of recipe {@code r} for {@code data}, initialised from {@code r.seed}. */
  public Gru4Rec(Recipe r, SequenceData data) {
    this.data = data;
    this.name = r.name();
    this.maxLen = r.getInt("max_len");
    this.emb = r.getInt("embedding_size");
    this.dropout = (float) r.getDouble("dropout");
    int hidden = r.getInt("hidden_size");
    if (maxLen < 1 || emb < 1 || hidden < 1 || dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("gru4rec needs positive sizes and dropout in [0, 1)");
    }
    this.numItems = data.numItems();
    Rng rng = new Rng(r.getInt("seed"));
    this.itemEncoder = SeqItemEncoder.create(r, data, emb, rng);
    itemEncoder.registerOn(this::parameter, this::child);
    itemEncoder.idTable().ifPresent(t -> Init.xavierNormal(t, rng));
    itemEncoder.zeroPadding();
    this.gru = child("gru", new Gru(emb, hidden, rng));
    this.out = child("out", new Linear(hidden, emb, rng));
    this.users = data.usersWithTrainLength(2);
  }

  @Override
  public Module module() {
    return this;
  }

  @Override
  public int numExamples() {
    return users.length;
  }

  private Tensor encode(int[] ids, int b, Rng rng, Tensor items) {
    Tensor x = Functional.embedding(items, Tensor.ofInts(ids, b, maxLen), 0, false);
    if (isTraining() && dropout > 0) {
      x = Functional.dropout(x, dropout, true, rng);
    }
    return out.forward(gru.forward(x, null).outputs());
  }

  @Override
  public Tensor loss(int[] examples, Rng rng) {
    int b = examples.length;
    Tensor items = itemEncoder.table();
    int[] ids = new int[b * maxLen];
    int[] tgt = new int[b * maxLen];
    int real = 0;
    for (int r = 0; r < b; r++) {
      int[] s = data.trainSequence(users[examples[r]]);
      Windows.leftPad(s, s.length - 1, maxLen, ids, r * maxLen);
      int k = Math.min(maxLen, s.length - 1);
      for (int j = 0; j < maxLen; j++) {
        tgt[r * maxLen + j] = j < maxLen - k ? -1 : s[s.length - maxLen + j] + 1;
      }
      real += k;
    }
    Tensor h = encode(ids, b, rng, items).reshape(b * maxLen, emb);
    int[] rows = new int[real];
    int[] pos = new int[real];
    for (int i = 0, k = 0; i < tgt.length; i++) {
      if (tgt[i] >= 0) {
        rows[k] = i;
        pos[k++] = tgt[i];
      }
    }
    return Losses.fullSoftmaxCrossEntropy(h.indexSelect(0, Tensor.ofInts(rows, real)), items,
        Tensor.ofInts(pos, real), 1024, 1);
  }

  @Override
  public Scorer scorer() {
    Tensor items = itemEncoder.snapshot();
    return new TableScorer(name, numItems, batch -> userVectors(batch, items), () -> items,
        () -> null);
  }

  private Tensor userVectors(UserBatch batch, Tensor items) {
    int b = batch.size();
    int[] ids = new int[b * maxLen];
    for (int r = 0; r < b; r++) {
      int[] in = batch.input(r);
      Windows.leftPad(in, in.length, maxLen, ids, r * maxLen);
    }
    return encode(ids, b, null, items).slice(1, maxLen - 1, maxLen).reshape(b, emb);
  }
}
