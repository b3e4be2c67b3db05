package dev.recompose.models.seq.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.LayerNorm;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Module;
import java.util.Locale;

/**
 * A self-attention block in one of the three layouts that sequential recommenders use, with all
 * dropout drawn from the {@link Rng} passed to {@link #forward}.
 *
 * <ul>
 *   <li>{@link Layout#ORIGINAL}: the SASRec TF code (kang205/SASRec modules.py): queries are
 *       {@code LN(x)}, keys and values the un-normalised {@code x}; no output projection; the
 *       residual is added to the normalised query; then {@code h = LN(x); h + FFN(h)} with
 *       {@code FFN = dropout(W2 dropout(relu(W1 h)))} (REFERENCES-seqrec §1.1).</li>
 *   <li>{@link Layout#PRE_LN}: standard pre-norm (Xiong et al., ICML 2020), pmixer's
 *       {@code --norm_first}.</li>
 *   <li>{@link Layout#POST_LN}: BERT's post-norm (Devlin et al., NAACL 2019), used by BERT4Rec.</li>
 * </ul>
 *
 * <p>It exists because the engine's {@code TransformerBlock} has no ORIGINAL layout and keeps its
 * dropout generator inside the module, which a resumed run cannot restore; here randomness is a
 * function of the training step, so resuming is exact.
 */
final class AttentionBlock extends Module {
  /** Where the LayerNorms sit. */
  enum Layout {
    ORIGINAL, PRE_LN, POST_LN;

    static Layout parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "original" -> ORIGINAL;
        case "pre-ln" -> PRE_LN;
        case "post-ln" -> POST_LN;
        default -> throw new IllegalArgumentException("block_layout must be original, pre-ln or"
            + " post-ln, got '" + s + "'");
      };
    }
  }

  private final Layout layout;
  private final int dim;
  private final int heads;
  private final float dropout;
  private final boolean gelu;
  private final Linear query;
  private final Linear key;
  private final Linear value;
  private final Linear output;
  private final LayerNorm norm1;
  private final Linear ff1;
  private final Linear ff2;
  private final LayerNorm norm2;

  AttentionBlock(Layout layout, int dim, int heads, int inner, float dropout, boolean gelu,
      float eps, Rng rng) {
    if (heads < 1 || dim % heads != 0) {
      throw new IllegalArgumentException("hidden size " + dim + " is not divisible by heads "
          + heads);
    }
    this.layout = layout;
    this.dim = dim;
    this.heads = heads;
    this.dropout = dropout;
    this.gelu = gelu;
    this.query = child("query", new Linear(dim, dim, rng));
    this.key = child("key", new Linear(dim, dim, rng));
    this.value = child("value", new Linear(dim, dim, rng));
    this.output = layout == Layout.ORIGINAL ? null : child("output", new Linear(dim, dim, rng));
    this.norm1 = child("norm1", new LayerNorm(dim, eps));
    this.ff1 = child("ff1", new Linear(dim, inner, rng));
    this.ff2 = child("ff2", new Linear(inner, dim, rng));
    this.norm2 = child("norm2", new LayerNorm(dim, eps));
  }

  /**
   * The real (non-padded) rows of a left-padded batch {@code [B, T]}, flattened to {@code B*T}
   * row numbers in increasing order, with the key-padding flags that attention needs.
   *
   * <p>It exists so that the row-wise layers (projections, LayerNorms, FFN, dropout, residuals)
   * can run on real positions only ({@link #forwardRows}); only attention sees the padded layout.
   */
  record Rows(int[] rows, int batch, int len, Tensor index, Tensor keyPadding) {
    /** The real rows of left-padded ids {@code [b, len]} (0 = padding). */
    static Rows of(int[] ids, int b, int len) {
      if (ids.length != b * len) {
        throw new IllegalArgumentException("ids has " + ids.length + " entries, expected " + b
            + " x " + len);
      }
      int[] rows = Windows.realRows(ids);
      return new Rows(rows, b, len, Tensor.ofInts(rows, rows.length),
          Tensor.ofInts(Windows.padFlags(ids), b, len));
    }

    int count() {
      return rows.length;
    }
  }

  /**
   * @param x {@code [B, T, dim]}
   * @param keyPadding int32 {@code [B, T]}, 1 marks padding
   * @param rng dropout source in training mode (may be null in eval mode)
   */
  Tensor forward(Tensor x, boolean causal, Tensor keyPadding, Rng rng) {
    return run(x, causal, keyPadding, rng, null);
  }

  /**
   * The same block on the real rows only: {@code x} is {@code [rows.count(), dim]}, the rows of a
   * padded {@code [B, T, dim]} input whose padded rows are zero. The output equals the padded
   * forward's output at those rows, with the same dropout stream (masks keyed by padded
   * position); padded rows never reach a real row (keys are masked, queries are row-wise).
   */
  Tensor forwardRows(Tensor x, boolean causal, Rows rows, Rng rng) {
    if (x.dim() != 2 || x.size(0) != rows.count() || x.size(1) != dim) {
      throw new IllegalArgumentException("forwardRows needs [" + rows.count() + ", " + dim
          + "], got " + java.util.Arrays.toString(x.shape()));
    }
    return run(x, causal, rows.keyPadding(), rng, rows);
  }

  private Tensor run(Tensor x, boolean causal, Tensor keyPadding, Rng rng, Rows rows) {
    float p = isTraining() ? dropout : 0f;
    return switch (layout) {
      case ORIGINAL -> {
        Tensor q = norm1.forward(x);
        Tensor h = q.add(attend(q, x, causal, keyPadding, p, rng, rows));
        Tensor hn = norm2.forward(h);
        yield hn.add(ffn(hn, p, rng, true, rows));
      }
      case PRE_LN -> {
        Tensor n = norm1.forward(x);
        Tensor h = x.add(drop(output.forward(attend(n, n, causal, keyPadding, p, rng, rows)), p,
            rng, rows));
        yield h.add(ffn(norm2.forward(h), p, rng, false, rows));
      }
      case POST_LN -> {
        Tensor a = drop(output.forward(attend(x, x, causal, keyPadding, p, rng, rows)), p, rng,
            rows);
        Tensor h = norm1.forward(x.add(a));
        yield norm2.forward(h.add(ffn(h, p, rng, false, rows)));
      }
    };
  }

  private Tensor attend(Tensor q, Tensor kv, boolean causal, Tensor keyPadding, float p, Rng rng,
      Rows rows) {
    if (rows != null && heads == 1 && causal) {
      // one causal head on left-padded rows: the kernel reads and writes the compact rows in place
      return Functional.attentionRows(query.forward(q), key.forward(kv), value.forward(kv),
          keyPadding, p, p > 0 ? rng : null);
    }
    int b = rows == null ? q.size(0) : rows.batch();
    int t = rows == null ? q.size(1) : rows.len();
    Tensor qh = split(padded(query.forward(q), rows), b, t);
    Tensor kh = split(padded(key.forward(kv), rows), b, t);
    Tensor vh = split(padded(value.forward(kv), rows), b, t);
    Tensor o = Functional.attention(qh, kh, vh, causal, keyPadding, p, p > 0 ? rng : null);
    Tensor merged = heads == 1 ? o : o.permute(0, 2, 1, 3);
    return rows == null ? merged.reshape(b, t, dim)
        : merged.reshape(b * t, dim).indexSelect(0, rows.index());
  }

  private static Tensor padded(Tensor x, Rows rows) {
    return rows == null ? x : Functional.scatterRows(x, rows.rows(), rows.batch() * rows.len());
  }
  private Tensor split(Tensor x, int b, int t) {
    if (heads == 1) {
      return x.reshape(b, 1, t, dim);
    }
    return x.reshape(b, t, heads, dim / heads).permute(0, 2, 1, 3);
  }

  private Tensor ffn(Tensor x, float p, Rng rng, boolean innerDropout, Rows rows) {
    Tensor h = ff1.forward(x);
    h = gelu ? h.gelu() : h.relu();
    if (innerDropout) {
      h = drop(h, p, rng, rows);
    }
    return drop(ff2.forward(h), p, rng, rows);
  }

  private static Tensor drop(Tensor x, float p, Rng rng, Rows rows) {
    if (p <= 0) {
      return x;
    }
    return rows == null ? Functional.dropout(x, p, true, rng)
        : Functional.dropoutRows(x, p, true, rng, rows.rows());
  }
}
