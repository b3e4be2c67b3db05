package dev.recompose.models.seq.nn;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.ctr.data.TextTokens;
import dev.recompose.models.ctr.item.ItemEncoder;
import dev.recompose.models.ctr.item.SemanticIdItemEncoder;
import dev.recompose.models.ctr.item.TextItemEncoder;
import dev.recompose.models.ctr.item.VectorItemEncoder;
import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.repr.ItemRepresentation;
import dev.recompose.models.repr.ReprSpec;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.nn.Init;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The item matrix {@code [numItems + 1, d]} of a sequential model (row {@code i + 1} is data item
 * {@code i}, row 0 the padding), built from the recipe's {@code item.repr} setting; the same
 * matrix embeds the input sequence and scores the next item.
 *
 * <p>It exists so that SASRec and its kin compare RecBench's four item representations (Liu et
 * al., "Can LLMs Outshine Conventional Recommenders?", arXiv 2503.05493) by one setting,
 * {@code item.repr: id | text[:COL] | embedding[:COL] | sid[:COL]} ({@link ReprSpec}):
 * <ul>
 *   <li>{@code id}: one learned row per item, the models' original table (registered by the
 *       model under its historical parameter name {@code items}, so ID runs and checkpoints are
 *       unchanged);
 *   <li>{@code embedding}: frozen stored vectors through a learned linear projection
 *       ({@link VectorItemEncoder}; the cached-content path of ONCE, Liu et al. WSDM 2024);
 *   <li>{@code sid}: the sum of one learned embedding per semantic-ID level
 *       ({@link SemanticIdItemEncoder}; TIGER, Rajput et al. NeurIPS 2023);
 *   <li>{@code text}: learned token embeddings of a {@code repr tokenize} column, mean-pooled over
 *       the item's tokens ({@link TextItemEncoder} with encoder {@code mean}).
 * </ul>
 * With {@code item.with_id: true} a content representation is added to a learned ID table
 * (RecBench's "ID + content" variant). Content encoders are the CTR item bricks, reused, and run
 * over every item at once: a model computes the matrix once per training step ({@link #table()})
 * and once per evaluation pass ({@link #snapshot()}), never per user.
 */
public abstract class SeqItemEncoder extends Module {
  /** The recipe key naming the representation; absent means {@code id}. */
  public static final String REPR_KEY = "item.repr";
  /** The recipe key adding a learned ID table to a content representation; absent means false. */
  public static final String WITH_ID_KEY = "item.with_id";

  private final ReprSpec spec;
  private final int numItems;
  private final int dim;

  private SeqItemEncoder(ReprSpec spec, int numItems, int dim) {
    this.spec = spec;
    this.numItems = numItems;
    this.dim = dim;
  }

  /**
   * The encoder recipe {@code r} asks for, over the items of {@code data} at width {@code dim}.
   * The ID table starts at zero and draws nothing from {@code rng} (the model initialises it as
   * before); content encoders draw their initial weights from {@code rng}.
   *
   * @throws IllegalArgumentException when the representation needs item columns that the data
   *     does not have (the message lists the columns that exist)
   */
  public static SeqItemEncoder create(Recipe r, SequenceData data, int dim, Rng rng) {
    return create(r, data, dim, 0, rng);
  }

  /**
   * As {@link #create(Recipe, SequenceData, int, Rng)}, with {@code extraRows} learned rows
   * appended after the items (BERT4Rec's [MASK] token), drawn from {@code rng} when the items
   * are content (an ID table simply has them as its last rows).
   */
  public static SeqItemEncoder create(Recipe r, SequenceData data, int dim, int extraRows,
      Rng rng) {
    if (extraRows < 0) {
      throw new IllegalArgumentException("extraRows must be >= 0, got " + extraRows);
    }
    ReprSpec spec = ReprSpec.parse(r.has(REPR_KEY) ? r.getString(REPR_KEY) : "id");
    boolean withId = r.has(WITH_ID_KEY) && r.getBool(WITH_ID_KEY);
    int n = data.numItems();
    if (spec.kind() == ReprSpec.Kind.ID) {
      if (withId) {
        throw new IllegalArgumentException(WITH_ID_KEY + " adds an ID table to a content"
            + " representation, but " + REPR_KEY + " is already id");
      }
      return new IdTable(n, dim, extraRows);
    }
    Dataset ds = data.dataset().orElseThrow(() -> new IllegalArgumentException(REPR_KEY + " "
        + spec + " reads item columns of a dataset on disk; this sequence data was built in"
        + " memory"));
    ItemRepresentation repr;
    try {
      repr = ItemRepresentation.load(ds, spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (repr.items() < n) {
      throw new IllegalArgumentException(REPR_KEY + " " + spec + ": the items table has "
          + repr.items() + " rows but the interactions name " + n + " items");
    }
    ItemEncoder inner = switch (repr) {
      case ItemRepresentation.Embedding e -> new VectorItemEncoder(e.vectors(), e.dim(), n, dim,
          rng);
      case ItemRepresentation.SemanticIds s -> new SemanticIdItemEncoder(codeRows(s, n),
          "items." + s.column(), "sum", dim, 0.01f, rng);
      case ItemRepresentation.Text t -> {
        int len = 1;
        for (int i = 0; i < n; i++) {
          len = Math.max(len, t.tokens()[i].length);
        }
        TextTokens tokens = new TextTokens(List.of(t.column()), new int[] {len},
            List.of(t.padded(len)), t.vocabSize());
        yield new TextItemEncoder(tokens, "mean", dim, dim, 1, 1, dim, 0f, rng);
      }
      case ItemRepresentation.Ids i -> throw new AssertionError(i);
    };
    return new Content(spec, inner, n, dim, withId, extraRows, rng);
  }

  private static int[][] codeRows(ItemRepresentation.SemanticIds s, int n) {
    int[][] rows = new int[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(s.codes(), i * s.length(), (i + 1) * s.length());
    }
    return rows;
  }

  /** The representation this encoder reads. */
  public final ReprSpec spec() {
    return spec;
  }

  /** Items encoded (rows of {@link #table()} minus the padding row). */
  public final int numItems() {
    return numItems;
  }

  /** Width of a row. */
  public final int dim() {
    return dim;
  }

  /**
   * The item matrix {@code [numItems + 1 + extraRows, dim]}, row 0 zero, on the tape when grad
   * is on.
   */
  public abstract Tensor table();

  /**
   * The item matrix for one evaluation pass, off the tape: the live ID table itself, or a
   * content matrix computed now (take a new one after the weights change).
   */
  public final Tensor snapshot() {
    try (var g = GradMode.noGrad()) {
      return table();
    }
  }

  /** The learned ID table of an {@code id} encoder (for the model to initialise), else empty. */
  public Optional<Tensor> idTable() {
    return Optional.empty();
  }

  /** Zeroes the padding row of a learned ID table after the model re-initialised its weights. */
  public void zeroPadding() {}

  /**
   * Registers this encoder's weights on the model through the model's own {@code parameter}
   * and {@code child}: an ID table as parameter {@code items} (the name checkpoints of ID runs
   * carry), any other encoder as child {@code item_encoder}.
   */
  public abstract void registerOn(BiConsumer<String, Tensor> parameter,
      BiConsumer<String, Module> child);

  /** One learned row per item (and the padding row). */
  private static final class IdTable extends SeqItemEncoder {
    private final Tensor weight;

    IdTable(int numItems, int dim, int extraRows) {
      super(new ReprSpec(ReprSpec.Kind.ID, null), numItems, dim);
      this.weight = Tensor.zeros(numItems + 1 + extraRows, dim);
    }

    @Override
    public Tensor table() {
      return weight;
    }

    @Override
    public Optional<Tensor> idTable() {
      return Optional.of(weight);
    }

    @Override
    public void zeroPadding() {
      Arrays.fill(weight.data(), 0, dim(), 0f);
    }

    @Override
    public void registerOn(BiConsumer<String, Tensor> parameter,
        BiConsumer<String, Module> child) {
      parameter.accept("items", weight);
    }
  }

  /** A CTR item brick over all items, optionally plus a learned ID table. */
  private static final class Content extends SeqItemEncoder {
    private final ItemEncoder inner;
    private final Tensor ids;
    private final Tensor extra;
    private final int[] all;

    Content(ReprSpec spec, ItemEncoder inner, int numItems, int dim, boolean withId,
        int extraRows, Rng rng) {
      super(spec, numItems, dim);
      if (inner.fields() * inner.width() != dim) {
        throw new IllegalArgumentException("item encoder gives " + inner.fields() + " x "
            + inner.width() + ", model width is " + dim);
      }
      this.inner = child("content", inner);
      this.ids = withId ? parameter("ids", Init.normal(Tensor.zeros(numItems, dim), 0.01f, rng))
          : null;
      this.extra = extraRows > 0
          ? parameter("extra", Init.normal(Tensor.zeros(extraRows, dim), 0.02f, rng)) : null;
      this.all = new int[numItems];
      Arrays.setAll(all, i -> i);
    }

    @Override
    public Tensor table() {
      Tensor rows = inner.encode(all).reshape(numItems(), dim());
      if (ids != null) {
        rows = rows.add(ids);
      }
      Tensor pad = Tensor.zeros(1, dim());
      return extra == null ? Tensor.concat(0, pad, rows) : Tensor.concat(0, pad, rows, extra);
    }

    @Override
    public void registerOn(BiConsumer<String, Tensor> parameter,
        BiConsumer<String, Module> child) {
      child.accept("item_encoder", this);
    }
  }
}
