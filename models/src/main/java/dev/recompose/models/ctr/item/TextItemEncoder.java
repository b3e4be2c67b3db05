package dev.recompose.models.ctr.item;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.data.EntityFeatures;
import dev.recompose.models.ctr.data.TextTokens;
import dev.recompose.models.ctr.layer.AttentionPool;
import dev.recompose.models.ctr.layer.SelfAttention;
import dev.recompose.models.ctr.layer.Masks;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Conv1d;
import dev.recompose.tensor.nn.Dropout;
import dev.recompose.tensor.nn.Embedding;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A content encoder over item text fields and categories (brick {@code text}), one view per field,
 * fused NAML-style.
 *
 * <p>Each text field is word-embedded (shared table, dropout) and encoded by one of:
 * <ul>
 *   <li>{@code cnn}: a 1-d convolution (window 3, ReLU, dropout) then additive attention — the NAML
 *       title/body encoder (Wu et al., "Neural News Recommendation with Attentive Multi-View
 *       Learning", IJCAI 2019) and the LSTUR news encoder (An et al., ACL 2019);
 *   <li>{@code self-attention}: multi-head self-attention, dropout, additive attention — the NRMS
 *       news encoder (Wu et al., "Neural News Recommendation with Multi-Head Self-Attention",
 *       EMNLP 2019). The engine's attention keeps its width, so words are first projected to the
 *       model width when the word dimension differs (Legommenders projects after attention);
 *   <li>{@code attention}: additive attention over the (projected) words;
 *   <li>{@code mean}: the mean of the (projected) words.
 * </ul>
 * Categorical columns ({@code categories}) are views of their own: embedding, dense layer, ReLU
 * (NAML's category encoder). With more than one view, NAML's view-level additive attention fuses
 * them; with one, the view is the representation. Output: one field of the model width.
 *
 * <p>Parameters: {@code fields} (default [title]), {@code lengths} (default 30 each),
 * {@code encoder} (default cnn), {@code word_dim} (300), {@code heads} (16), {@code kernel} (3),
 * {@code query_dim} (200), {@code categories} ([]), {@code category_dim} (100), {@code dropout}
 * (0.2).
 */
public final class TextItemEncoder extends ItemEncoder {
  private final TextTokens tokens;
  private final List<EntityFeatures.Categorical> categories = new ArrayList<>();
  private final Embedding words;
  private final Dropout wordDropout;
  private final List<FieldEncoder> textViews = new ArrayList<>();
  private final List<Embedding> categoryTables = new ArrayList<>();
  private final List<Linear> categoryDense = new ArrayList<>();
  private final AttentionPool viewAttention;
  private final int dim;

  /** Built from a recipe. */
  public TextItemEncoder(BrickConfig cfg, BrickContext ctx) {
    List<String> fields = cfg.getStrings("fields", List.of("title"));
    int[] lengths = cfg.getInts("lengths", null);
    if (lengths == null) {
      lengths = new int[fields.size()];
      Arrays.fill(lengths, 30);
    }
    List<String> cats = cfg.getStrings("categories", List.of());
    this(TextTokens.read(ctx.data().dataset(), ctx.data().items(), fields, lengths),
        cats.isEmpty() ? null : ctx.itemFeatures(cats), cfg.getString("encoder", "cnn"),
        cfg.getInt("word_dim", 300), ctx.dim(), cfg.getInt("heads", 16), cfg.getInt("kernel", 3),
        cfg.getInt("query_dim", 200), cfg.getInt("category_dim", 100),
        cfg.getFloat("dropout", 0.2f), ctx.rng());
  }

  /**
   * Over text already tokenised, e.g. a token column of {@code recompose repr tokenize} loaded as
   * an {@code item.repr} (the sequential models' item encoder reuses this class); no category
   * views. Arguments as the recipe parameters of the same names.
   */
  public TextItemEncoder(TextTokens tokens, String encoder, int wordDim, int dim, int heads,
      int kernel, int queryDim, float dropout, Rng rng) {
    this(tokens, null, encoder, wordDim, dim, heads, kernel, queryDim, 100, dropout, rng);
  }

  private TextItemEncoder(TextTokens tokens, EntityFeatures categoryFeatures, String kind,
      int wordDim, int dim, int heads, int kernel, int query, int catDim, float dropout,
      Rng rng) {
    this.dim = dim;
    this.tokens = tokens;
    this.words = child("words", new Embedding(tokens.vocabSize(), wordDim, 0, true, 0.1f, rng));
    this.wordDropout = child("word_dropout", new Dropout(dropout, rng.split()));
    for (String f : tokens.fields()) {
      textViews.add(child("view_" + f, new FieldEncoder(kind, wordDim, dim, heads, kernel, query,
          dropout, rng)));
    }
    if (categoryFeatures != null) {
      for (EntityFeatures.Field field : categoryFeatures.fields()) {
        if (!(field instanceof EntityFeatures.Categorical c)) {
          throw new IllegalArgumentException("brick 'text': category view " + field.name()
              + " must be a single-valued categorical column");
        }
        categories.add(c);
        categoryTables.add(child("cat_" + c.name(), new Embedding(c.cardinality(), catDim, 0, true,
            0.1f, rng)));
        categoryDense.add(child("cat_dense_" + c.name(), new Linear(catDim, dim, rng)));
      }
    }
    int views = textViews.size() + categories.size();
    this.viewAttention = views > 1 ? child("view_attention", new AttentionPool(dim, query, rng))
        : null;
  }

  @Override
  public int fields() {
    return 1;
  }

  @Override
  public int width() {
    return dim;
  }

  @Override
  public Tensor encode(int[] items) {
    int n = items.length;
    List<Tensor> views = new ArrayList<>();
    for (int f = 0; f < textViews.size(); f++) {
      int len = tokens.lengths()[f];
      int[] src = tokens.tokens().get(f);
      int[] ids = new int[n * len];
      for (int i = 0; i < n; i++) {
        System.arraycopy(src, items[i] * len, ids, i * len, len);
      }
      Tensor pad = Masks.zeros(ids, n, len);
      Tensor x = wordDropout.forward(words.forward(Tensor.ofInts(ids, n, len)));
      views.add(textViews.get(f).forward(x, pad));
    }
    for (int c = 0; c < categories.size(); c++) {
      int[] ids = new int[n];
      for (int i = 0; i < n; i++) {
        ids[i] = categories.get(c).codes()[items[i]];
      }
      views.add(categoryDense.get(c).forward(categoryTables.get(c).forward(Tensor.ofInts(ids, n)))
          .relu());
    }
    Tensor out = views.size() == 1 ? views.getFirst()
        : viewAttention.forward(Tensor.stack(1, views), null);
    return out.reshape(n, 1, dim);
  }

  /** One text view: word vectors {@code [n, L, wordDim]} to {@code [n, dim]}. */
  private static final class FieldEncoder extends Module {
    private final String kind;
    private final Conv1d conv;
    private final Linear project;
    private final SelfAttention attention;
    private final Dropout dropout;
    private final AttentionPool pool;

    FieldEncoder(String kind, int wordDim, int dim, int heads, int kernel, int query, float p,
        Rng rng) {
      if (kernel % 2 == 0) {
        throw new IllegalArgumentException("brick 'text': kernel must be odd to keep the text"
            + " length, got " + kernel);
      }
      this.kind = kind;
      this.dropout = child("dropout", new Dropout(p, rng.split()));
      switch (kind) {
        case "cnn" -> {
          this.conv = child("conv", new Conv1d(wordDim, dim, kernel, kernel / 2, rng));
          this.project = null;
          this.attention = null;
          this.pool = child("pool", new AttentionPool(dim, query, rng));
        }
        case "self-attention" -> {
          this.conv = null;
          this.project = wordDim == dim ? null : child("project", new Linear(wordDim, dim, rng));
          this.attention = child("attention", new SelfAttention(dim, heads, rng));
          this.pool = child("pool", new AttentionPool(dim, query, rng));
        }
        case "attention" -> {
          this.conv = null;
          this.project = wordDim == dim ? null : child("project", new Linear(wordDim, dim, rng));
          this.attention = null;
          this.pool = child("pool", new AttentionPool(dim, query, rng));
        }
        case "mean" -> {
          this.conv = null;
          this.project = wordDim == dim ? null : child("project", new Linear(wordDim, dim, rng));
          this.attention = null;
          this.pool = null;
        }
        default -> throw new IllegalArgumentException("brick 'text': encoder must be cnn,"
            + " self-attention, attention or mean, got '" + kind + "'");
      }
    }

    Tensor forward(Tensor x, Tensor pad) {
      Tensor h = project == null ? x : project.forward(x);
      return switch (kind) {
        case "cnn" -> pool.forward(dropout.forward(conv.forward(x).relu()), pad);
        case "self-attention" -> pool.forward(dropout.forward(attention.forward(h, pad)),
            pad);
        case "attention" -> pool.forward(h, pad);
        default -> Masks.mean(h, pad);
      };
    }
  }
}
