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
   * @param x {@code [B, T, dim]}
   * @param keyPadding int32 {@code [B, T]}, 1 marks padding
   * @param rng dropout source in training mode (may be null in eval mode)
   */
  Tensor forward(Tensor x, boolean causal, Tensor keyPadding, Rng rng) {
    float p = isTraining() ? dropout : 0f;
    return switch (layout) {
      case ORIGINAL -> {
        Tensor q = norm1.forward(x);
        Tensor h = q.add(attend(q, x, causal, keyPadding, p, rng));
        Tensor hn = norm2.forward(h);
        yield hn.add(ffn(hn, p, rng, true));
      }
      case PRE_LN -> {
        Tensor n = norm1.forward(x);
        Tensor h = x.add(drop(output.forward(attend(n, n, causal, keyPadding, p, rng)), p, rng));
        yield h.add(ffn(norm2.forward(h), p, rng, false));
      }
      case POST_LN -> {
        Tensor a = drop(output.forward(attend(x, x, causal, keyPadding, p, rng)), p, rng);
        Tensor h = norm1.forward(x.add(a));
        yield norm2.forward(h.add(ffn(h, p, rng, false)));
      }
    };
  }

  private Tensor attend(Tensor q, Tensor kv, boolean causal, Tensor keyPadding, float p, Rng rng) {
    int b = q.size(0);
    int t = q.size(1);
    Tensor qh = split(query.forward(q), b, t);
    Tensor kh = split(key.forward(kv), b, t);
    Tensor vh = split(value.forward(kv), b, t);
    Tensor o = Functional.attention(qh, kh, vh, causal, keyPadding, p, p > 0 ? rng : null);
    return heads == 1 ? o.reshape(b, t, dim) : o.permute(0, 2, 1, 3).reshape(b, t, dim);
  }

  private Tensor split(Tensor x, int b, int t) {
    if (heads == 1) {
      return x.reshape(b, 1, t, dim);
    }
    return x.reshape(b, t, heads, dim / heads).permute(0, 2, 1, 3);
  }

  private Tensor ffn(Tensor x, float p, Rng rng, boolean innerDropout) {
    Tensor h = ff1.forward(x);
    h = gelu ? h.gelu() : h.relu();
    if (innerDropout) {
      h = drop(h, p, rng);
    }
    return drop(ff2.forward(h), p, rng);
  }

  private static Tensor drop(Tensor x, float p, Rng rng) {
    return p > 0 ? Functional.dropout(x, p, true, rng) : x;
  }
}
