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
import dev.recompose.tensor.nn.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * SASRec: Kang &amp; McAuley, "Self-Attentive Sequential Recommendation", ICDM 2018; and, with
 * {@code loss: ce}, SASRec+ of Klenitskiy &amp; Vasilev, "Turning Dross Into Gold Loss: is
 * BERT4Rec really better than SASRec?", RecSys 2023.
 *
 * <p>As in the official TF code (kang205/SASRec; REFERENCES-seqrec §1.1): one item table with a
 * zero padding row 0 serves input and scoring; input vectors are multiplied by sqrt(d); a learned
 * position table is added (positions 0..L-1 over the left-padded window, so the newest item
 * always has position L-1); dropout; pads zeroed; causal blocks in the original layout (queries
 * normalised, keys/values not) re-masking pads after each; a final LayerNorm. Weights of rank
 * 2 are Xavier-normal (pmixer/SASRec.pytorch), the padding row zero.
 *
 * <p>Loss {@code bce}: at every real position, binary cross-entropy of the next item against ONE
 * negative drawn uniformly from items outside the user's train sequence, summed over the two
 * terms and averaged over positions. Loss {@code ce}: softmax cross-entropy over all items at
 * every real position, through the engine's fused chunked op (never a positions x items matrix).
 * One training example is one user's train sequence: input {@code s[0..n-2]}, targets
 * {@code s[1..n-1]}, both the last {@code max_len}. The item table is the recipe's
 * {@code item.repr} ({@link SeqItemEncoder}: by default the learned ID table described here).
 *
 * <p>Training runs every row-wise layer (embedding, LayerNorms, projections, FFN, dropout,
 * residuals) on the real positions only ({@link #encodeRows}; on ml-100k at max length 50 about a
 * fifth of the positions are left padding); attention alone sees the padded layout. The result
 * equals the padded computation: padded rows never reach a real row, and dropout masks are keyed
 * by padded position, so the loss is bit-identical and gradients agree to float rounding
 * (different row counts in the reductions). Scoring uses the padded {@link #encode}.
 */
public final class SasRec extends Module implements Trainable {
  private final SequenceData data;
  private final ItemSets seen;
  private final int maxLen;
  private final int dim;
  private final float dropout;
  private final boolean scale;
  private final boolean ce;
  private final int numItems;
  private final String name;
  private final int[] users;
  private final SeqItemEncoder itemEncoder;
  private final Tensor positions;
  private final List<AttentionBlock> blocks = new ArrayList<>();
  private final LayerNorm finalNorm;
  private boolean compact = true;

  /** Builds the network of recipe {@code r} for {@code data}, initialised from {@code r.seed}. */
  public SasRec(Recipe r, SequenceData data) {
    this.data = data;
    this.maxLen = r.getInt("max_len");
    this.dim = r.getInt("hidden_size");
    this.dropout = (float) r.getDouble("dropout");
    this.scale = r.getBool("scale_embedding");
    String loss = r.getString("loss");
    if (!loss.equals("bce") && !loss.equals("ce")) {
      throw new IllegalArgumentException("sasrec loss must be bce or ce, got '" + loss + "'");
    }
    if (maxLen < 2 || dim < 1 || dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("need max_len >= 2, hidden_size >= 1, dropout in [0,1)");
    }
    this.ce = loss.equals("ce");
    this.numItems = data.numItems();
    this.name = r.name();
    Rng rng = new Rng(r.getInt("seed"));
    this.itemEncoder = SeqItemEncoder.create(r, data, dim, rng);
    itemEncoder.registerOn(this::parameter, this::child);
    this.positions = parameter("positions", Tensor.zeros(maxLen, dim));
    AttentionBlock.Layout layout = AttentionBlock.Layout.parse(r.getString("block_layout"));
    float eps = (float) r.getDouble("ln_eps");
    for (int b = 0; b < r.getInt("blocks"); b++) {
      blocks.add(child("blocks." + b, new AttentionBlock(layout, dim, r.getInt("heads"), dim,
          dropout, false, eps, rng)));
    }
    this.finalNorm = child("final_norm", new LayerNorm(dim, eps));
    for (Tensor p : parameters().values()) {
      if (p.dim() > 1) {
        Init.xavierNormal(p, rng);
      }
    }
    itemEncoder.zeroPadding();
    this.seen = new ItemSets(data);
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

  /** Hidden states {@code [B, L, d]} of left-padded ids {@code [B, L]}. */
  Tensor encode(int[] ids, int b, Rng rng, Tensor items) {
    Tensor idt = Tensor.ofInts(ids, b, maxLen);
    Tensor x = Functional.embedding(items, idt, 0, false);
    if (scale) {
      x = x.mul((float) Math.sqrt(dim));
    }
    x = x.add(positions);
    boolean train = isTraining();
    if (train && dropout > 0) {
      x = Functional.dropout(x, dropout, true, rng);
    }
    Tensor keep = Tensor.of(Windows.keep(ids), b, maxLen, 1);
    Tensor pad = Tensor.ofInts(Windows.padFlags(ids), b, maxLen);
    x = x.mul(keep);
    for (AttentionBlock block : blocks) {
      x = block.forward(x, true, pad, rng).mul(keep);
    }
    return finalNorm.forward(x);
  }

  /**
   * Hidden states of the real rows only ({@code [rows.count(), d]}, in {@code rows} order): the
   * rows of {@link #encode} at the real positions, computed without the padded rows. Every
   * row-wise layer runs on real rows; attention sees the padded layout (it skips padded keys and
   * queries). Dropout masks are keyed by padded position, so the stream is that of {@link #encode}.
   */
  Tensor encodeRows(int[] ids, AttentionBlock.Rows rows, Rng rng, Tensor items) {
    int n = rows.count();
    int[] r = rows.rows();
    int[] rid = new int[n];
    int[] rpos = new int[n];
    for (int k = 0; k < n; k++) {
      rid[k] = ids[r[k]];
      rpos[k] = r[k] % maxLen;
    }
    Tensor x = Functional.embedding(items, Tensor.ofInts(rid, n), 0, false);
    if (scale) {
      x = x.mul((float) Math.sqrt(dim));
    }
    x = x.add(positions.indexSelect(0, Tensor.ofInts(rpos, n)));
    if (isTraining() && dropout > 0) {
      x = Functional.dropoutRows(x, dropout, true, rng, r);
    }
    for (AttentionBlock block : blocks) {
      x = block.forwardRows(x, true, rows, rng);
    }
    return finalNorm.forward(x);
  }

  /** Whether {@link #loss} runs on real rows only ({@link #encodeRows}); false for the padded path. */
  void setCompact(boolean compact) {
    this.compact = compact;
  }

  @Override
  public Tensor loss(int[] examples, Rng rng) {
    int b = examples.length;
    Tensor items = itemEncoder.table();
    int[] ids = new int[b * maxLen];
    int[] tgt = new int[b * maxLen];
    for (int r = 0; r < b; r++) {
      int u = users[examples[r]];
      int[] s = data.trainSequence(u);
      Windows.leftPad(s, s.length - 1, maxLen, ids, r * maxLen);
      int k = Math.min(maxLen, s.length - 1);
      for (int j = 0; j < maxLen; j++) {
        tgt[r * maxLen + j] = j < maxLen - k ? -1 : s[s.length - maxLen + j] + 1;
      }
    }
    AttentionBlock.Rows rr = AttentionBlock.Rows.of(ids, b, maxLen);
    int real = rr.count();
    int[] rows = rr.rows();
    int[] pos = new int[real];
    for (int k = 0; k < real; k++) {
      pos[k] = tgt[rows[k]];
    }
    // the real input positions are exactly the positions with a target
    Tensor hr = compact ? encodeRows(ids, rr, rng, items)
        : encode(ids, b, rng, items).reshape(b * maxLen, dim).indexSelect(0, rr.index());
    if (ce) {
      return Losses.fullSoftmaxCrossEntropy(hr, items, Tensor.ofInts(pos, real), 1024, 1);
    }
    int[] neg = new int[real];
    for (int k = 0; k < real; k++) {
      neg[k] = seen.negative(users[examples[rows[k] / maxLen]], rng) + 1;
    }
    Tensor pe = Functional.embedding(items, Tensor.ofInts(pos, real), 0, false);
    Tensor ne = Functional.embedding(items, Tensor.ofInts(neg, real), 0, false);
    Tensor logits = Tensor.concat(0, Functional.rowDot(hr, pe), Functional.rowDot(hr, ne));
    float[] y = new float[2 * real];
    java.util.Arrays.fill(y, 0, real, 1f);
    // mean over positions of [-log s(pos) - log(1 - s(neg))] = 2 x the mean over both terms
    return Losses.bceWithLogits(logits, Tensor.of(y, 2 * real)).mul(2f);
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
    Tensor h = encode(ids, b, null, items);
    return h.slice(1, maxLen - 1, maxLen).reshape(b, dim);
  }
}
