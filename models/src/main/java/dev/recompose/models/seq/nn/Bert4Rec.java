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
import dev.recompose.tensor.nn.LayerNorm;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * BERT4Rec: Sun et al., "BERT4Rec: Sequential Recommendation with Bidirectional Encoder
 * Representations from Transformer", CIKM 2019.
 *
 * <p>As in the official code (FeiSun/BERT4Rec; REFERENCES-seqrec §2.1): item + learned position
 * embeddings, LayerNorm, dropout; bidirectional post-LN Transformer blocks with GELU; an output
 * head {@code LN(gelu(W h))} scored against the tied item table plus a per-item bias; init
 * N(0, 0.02) truncated at 2 std. Training masks each position of the user's last {@code max_len}
 * train items with probability {@code mask_prob} (at least one), always replacing it by the
 * [MASK] token (id {@code numItems + 1}; no 80/10/10), and minimises softmax cross-entropy over all
 * items at masked positions (fused, chunked). Scoring appends [MASK] to the input and reads its
 * output, as RecBole and Klenitskiy &amp; Vasilev (RecSys 2023) do.
 */
public final class Bert4Rec extends Module implements Trainable {
  private final SequenceData data;
  private final String name;
  private final int maxLen;
  private final int dim;
  private final float dropout;
  private final double maskProb;
  private final int numItems;
  private final int maskId;
  private final int[] users;
  private final SeqItemEncoder itemEncoder;
  private final Tensor positions;
  private final LayerNorm embNorm;
  private final List<AttentionBlock> blocks = new ArrayList<>();
  private final Linear head;
  private final LayerNorm headNorm;
  private final Tensor bias;

  /** Builds the network of recipe {@code r} for {@code data}, initialised from {@code r.seed}. */
  public Bert4Rec(Recipe r, SequenceData data) {
    this.data = data;
    this.name = r.name();
    this.maxLen = r.getInt("max_len");
    this.dim = r.getInt("hidden_size");
    this.dropout = (float) r.getDouble("dropout");
    this.maskProb = r.getDouble("mask_prob");
    if (maxLen < 2 || !(maskProb > 0 && maskProb < 1)) {
      throw new IllegalArgumentException("bert4rec needs max_len >= 2 and mask_prob in (0, 1)");
    }
    this.numItems = data.numItems();
    this.maskId = numItems + 1;
    Rng rng = new Rng(r.getInt("seed"));
    float std = (float) r.getDouble("init_std");
    float eps = (float) r.getDouble("ln_eps");
    this.itemEncoder = SeqItemEncoder.create(r, data, dim, 1, rng);
    itemEncoder.registerOn(this::parameter, this::child);
    this.positions = parameter("positions", Tensor.zeros(maxLen, dim));
    this.embNorm = child("emb_norm", new LayerNorm(dim, eps));
    for (int b = 0; b < r.getInt("blocks"); b++) {
      blocks.add(child("blocks." + b, new AttentionBlock(AttentionBlock.Layout.POST_LN, dim,
          r.getInt("heads"), r.getInt("inner_size"), dropout, true, eps, rng)));
    }
    this.head = child("head", new Linear(dim, dim, rng));
    this.headNorm = child("head_norm", new LayerNorm(dim, eps));
    this.bias = parameter("output_bias", Tensor.zeros(numItems + 1));
    for (var e : parameters().entrySet()) {
      if (e.getValue().dim() > 1) {
        Init.truncatedNormal(e.getValue(), std, rng);
      } else if (e.getKey().endsWith("bias") && !e.getKey().contains("norm")) {
        java.util.Arrays.fill(e.getValue().data(), 0f);
      }
    }
    itemEncoder.zeroPadding();
    this.users = data.usersWithTrainLength(1);
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
    Tensor x = Functional.embedding(items, Tensor.ofInts(ids, b, maxLen), 0, false)
        .add(positions);
    x = embNorm.forward(x);
    if (isTraining() && dropout > 0) {
      x = Functional.dropout(x, dropout, true, rng);
    }
    Tensor pad = Tensor.ofInts(Windows.padFlags(ids), b, maxLen);
    for (AttentionBlock block : blocks) {
      x = block.forward(x, false, pad, rng);
    }
    return x;
  }

  private Tensor project(Tensor h) {
    return headNorm.forward(head.forward(h).gelu());
  }

  @Override
  public Tensor loss(int[] examples, Rng rng) {
    int b = examples.length;
    Tensor items = itemEncoder.table();
    int[] ids = new int[b * maxLen];
    int[] tgt = new int[b * maxLen];
    java.util.Arrays.fill(tgt, -1);
    int masked = 0;
    for (int r = 0; r < b; r++) {
      int[] s = data.trainSequence(users[examples[r]]);
      int off = r * maxLen;
      Windows.leftPad(s, s.length, maxLen, ids, off);
      int first = off + maxLen - Math.min(maxLen, s.length);
      int here = 0;
      for (int j = first; j < off + maxLen; j++) {
        if (rng.nextDouble() < maskProb) {
          tgt[j] = ids[j];
          ids[j] = maskId;
          here++;
        }
      }
      if (here == 0) {
        int j = first + rng.nextInt(off + maxLen - first);
        tgt[j] = ids[j];
        ids[j] = maskId;
        here = 1;
      }
      masked += here;
    }
    Tensor h = encode(ids, b, rng, items).reshape(b * maxLen, dim);
    int[] rows = new int[masked];
    int[] tg = new int[masked];
    for (int i = 0, k = 0; i < tgt.length; i++) {
      if (tgt[i] >= 0) {
        rows[k] = i;
        tg[k++] = tgt[i];
      }
    }
    Tensor hm = project(h.indexSelect(0, Tensor.ofInts(rows, masked)));
    Tensor hb = Tensor.concat(1, hm, Tensor.ones(masked, 1));
    Tensor table = Tensor.concat(1, items.slice(0, 0, numItems + 1),
        bias.reshape(numItems + 1, 1));
    return Losses.fullSoftmaxCrossEntropy(hb, table, Tensor.ofInts(tg, masked), 1024, 1);
  }

  @Override
  public Scorer scorer() {
    Tensor items = itemEncoder.snapshot();
    return new TableScorer(name, numItems, batch -> userVectors(batch, items), () -> items,
        () -> bias);
  }

  private Tensor userVectors(UserBatch batch, Tensor items) {
    int b = batch.size();
    int[] ids = new int[b * maxLen];
    for (int r = 0; r < b; r++) {
      int[] in = batch.input(r);
      int off = r * maxLen;
      Windows.leftPad(in, in.length, maxLen - 1, ids, off);
      ids[off + maxLen - 1] = maskId;
    }
    Tensor h = encode(ids, b, null, items);
    return project(h.slice(1, maxLen - 1, maxLen).reshape(b, dim));
  }
}
