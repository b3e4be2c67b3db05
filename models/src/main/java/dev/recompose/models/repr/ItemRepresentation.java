package dev.recompose.models.repr;

import dev.recompose.data.store.ColumnKind;
import dev.recompose.data.store.ColumnSpec;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.ListColumn;
import dev.recompose.data.store.StoreFormatException;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One of RecBench's four ways to present an item to a recommender, loaded from a dataset.
 *
 * <p>It exists so that a model's item encoder switches representation with one setting
 * ({@code item.repr: id | text | embedding | sid}, see {@link ReprSpec}) and pattern-matches on
 * the loaded form: an ID embedding table, a text encoder over token ids, a projection of frozen
 * semantic embeddings, or an embedding per semantic-ID position.
 */
public sealed interface ItemRepresentation
    permits ItemRepresentation.Ids, ItemRepresentation.Text, ItemRepresentation.Embedding,
        ItemRepresentation.SemanticIds {

  /** Number of items (rows of the {@code items} table, or the item vocabulary size). */
  int items();

  /** Item i is its own id: a model learns one embedding per item. */
  record Ids(int items) implements ItemRepresentation {}

  /**
   * Token ids per item ({@code tokens[i]}, possibly empty) over a vocabulary of
   * {@code vocabSize} ids where 0 is padding.
   */
  record Text(int items, String column, int[][] tokens, int vocabSize)
      implements ItemRepresentation {
    /** The ids as an {@code items x maxLen} row-major matrix, right-padded with 0. */
    public int[] padded(int maxLen) {
      if (maxLen < 1) {
        throw new IllegalArgumentException("maxLen must be >= 1, was " + maxLen);
      }
      int[] out = new int[items * maxLen];
      for (int i = 0; i < items; i++) {
        System.arraycopy(tokens[i], 0, out, i * maxLen, Math.min(maxLen, tokens[i].length));
      }
      return out;
    }
  }

  /** A fixed {@code dim}-wide vector per item, row-major. */
  record Embedding(int items, String column, int dim, float[] vectors)
      implements ItemRepresentation {}

  /**
   * {@code length} codes per item, row-major; {@code cardinality[p]} codes are possible at
   * position {@code p} (the last position is the disambiguation level). An item without an
   * embedding (no text) has -1 in every position.
   */
  record SemanticIds(int items, String column, int length, int[] codes, int[] cardinality)
      implements ItemRepresentation {
    /** Where position p starts in one flat token vocabulary (TIGER: 256 x 4 tokens). */
    public int[] offsets() {
      int[] off = new int[length + 1];
      for (int p = 0; p < length; p++) {
        off[p + 1] = off[p] + cardinality[p];
      }
      return off;
    }
  }

  /** Loads the representation {@code spec} names from {@code dataset}. */
  static ItemRepresentation load(Dataset dataset, ReprSpec spec) throws IOException {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(spec, "spec");
    if (spec.kind() == ReprSpec.Kind.ID) {
      long n = dataset.hasTable(StoreLayout.ITEMS) ? dataset.table(StoreLayout.ITEMS).rows()
          : dataset.vocab(StoreLayout.ITEM).size();
      return new Ids(Math.toIntExact(n));
    }
    Table items = dataset.table(StoreLayout.ITEMS);
    int n = Math.toIntExact(items.rows());
    String col = spec.column();
    ColumnKind want = spec.kind() == ReprSpec.Kind.EMBEDDING ? ColumnKind.VECTOR : ColumnKind.LIST;
    if (!items.has(col) || items.column(col).kind() != want) {
      List<String> options = new ArrayList<>();
      for (String c : items.columns()) {
        if (items.column(c).kind() == want) {
          options.add(c);
        }
      }
      throw new StoreFormatException(dataset.dir() + ": items has no " + want + " column '" + col
          + "' for item.repr " + spec + "; " + want + " columns: " + options
          + " (create it with 'recompose repr " + switch (spec.kind()) {
            case TEXT -> "tokenize";
            case EMBEDDING -> "embed";
            default -> "sid";
          } + "')");
    }
    ColumnSpec cs = items.column(col);
    return switch (spec.kind()) {
      case EMBEDDING -> new Embedding(n, col, cs.width(), items.vector(col).toFloatArray());
      case TEXT -> {
        ListColumn l = items.list(col);
        int[][] t = new int[n][];
        int max = 0;
        for (int i = 0; i < n; i++) {
          t[i] = l.ints(i);
          for (int v : t[i]) {
            max = Math.max(max, v);
          }
        }
        int vocab = cs.vocab() != null ? dataset.vocab(cs.vocab()).size() : max + 1;
        yield new Text(n, col, t, vocab);
      }
      case SID -> {
        ListColumn l = items.list(col);
        int len = n == 0 ? 0 : l.length(0);
        int[] codes = new int[n * len];
        int[] card = new int[len];
        for (int i = 0; i < n; i++) {
          if (l.length(i) != len) {
            throw new StoreFormatException("items." + col + " is not a semantic-ID column (item "
                + i + " has " + l.length(i) + " codes, item 0 has " + len + "); semantic-ID"
                + " columns: " + sidColumns(dataset) + " (create one with 'recompose repr sid')");
          }
          int[] r = l.ints(i);
          for (int p = 0; p < len; p++) {
            codes[i * len + p] = r[p];
            card[p] = Math.max(card[p], r[p] + 1);
          }
        }
        yield new SemanticIds(n, col, len, codes, card);
      }
      case ID -> throw new AssertionError();
    };
  }

  /** Columns that {@code recompose repr sid} wrote (named by its manifest notes). */
  private static List<String> sidColumns(Dataset dataset) {
    List<String> out = new ArrayList<>();
    var p = dataset.manifest().provenance();
    if (p != null) {
      for (String k : p.notes().keySet()) {
        if (k.startsWith("repr.sid.") && !k.endsWith(".quantizer")) {
          out.add(k.substring("repr.sid.".length()));
        }
      }
    }
    return out;
  }
}
