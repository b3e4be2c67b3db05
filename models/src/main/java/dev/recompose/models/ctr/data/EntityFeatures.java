package dev.recompose.models.ctr.data;

import dev.recompose.data.store.ColumnKind;
import dev.recompose.data.store.ColumnSpec;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.ListColumn;
import dev.recompose.data.store.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The tabular features of the users or the items of a dataset (ml-100k: age, gender, occupation;
 * genres and year), ready for field embeddings.
 *
 * <p>It exists so that DeepFM/DCN-style models (Guo et al. IJCAI 2017; Wang et al. ADKDD 2017)
 * get one field per attribute, read from the store's side tables: categorical codes are shifted
 * by one so that 0 means missing; multi-valued categories (genres) become a padded list pooled by
 * the encoder; numbers are standardised (z-score over the rows that have a value, missing = 0)
 * and embedded as {@code value * vector}, FuxiCTR's numeric embedding.
 *
 * @param entities rows (users or items)
 * @param fields the fields, in table order
 */
public record EntityFeatures(int entities, List<Field> fields) {
  /** One attribute. */
  public sealed interface Field permits Categorical, MultiCategorical, Numeric {
    /** The column name. */
    String name();
  }

  /** A single category per entity: {@code codes[e]} in {@code [0, cardinality)}, 0 = missing. */
  public record Categorical(String name, int[] codes, int cardinality) implements Field {}

  /** Several categories per entity, codes shifted by one like {@link Categorical}. */
  public record MultiCategorical(String name, int[][] codes, int cardinality) implements Field {}

  /** A standardised number per entity. */
  public record Numeric(String name, float[] values) implements Field {}

  /** No features. */
  public static EntityFeatures none(int entities) {
    return new EntityFeatures(entities, List.of());
  }

  /**
   * Reads the categorical, multi-categorical and numeric columns of {@code table} (all of them
   * when {@code only} is null or empty, else the named ones in that order); an absent table
   * gives no features.
   */
  public static EntityFeatures read(Dataset ds, String table, int entities, List<String> only) {
    if (!ds.hasTable(table)) {
      if (only != null && !only.isEmpty()) {
        throw new IllegalArgumentException(ds.dir() + " has no " + table + " table, cannot read "
            + only);
      }
      return none(entities);
    }
    Table t = ds.table(table);
    List<String> names = only == null || only.isEmpty() ? new ArrayList<>(t.columns()) : only;
    List<Field> out = new ArrayList<>();
    for (String name : names) {
      ColumnSpec c = t.column(name);
      Field f = field(ds, t, name, c, entities, only != null && !only.isEmpty());
      if (f != null) {
        out.add(f);
      }
    }
    return new EntityFeatures(entities, out);
  }

  private static Field field(Dataset ds, Table t, String name, ColumnSpec c, int entities,
      boolean explicit) {
    int rows = (int) Math.min(entities, t.rows());
    if (c.kind() == ColumnKind.SCALAR && c.dtype() == DType.INT32 && c.vocab() != null) {
      int[] raw = t.scalar(name).toIntArray();
      int[] codes = new int[entities];
      int max = 0;
      for (int e = 0; e < rows; e++) {
        codes[e] = raw[e] < 0 ? 0 : raw[e] + 1;
        max = Math.max(max, codes[e]);
      }
      return new Categorical(name, codes, Math.max(max + 1, vocab(ds, c) + 1));
    }
    if (c.kind() == ColumnKind.LIST && c.dtype() == DType.INT32 && c.vocab() != null) {
      ListColumn l = t.list(name);
      int[][] codes = new int[entities][];
      int max = 0;
      for (int e = 0; e < entities; e++) {
        int[] v = e < rows ? l.ints(e) : new int[0];
        for (int k = 0; k < v.length; k++) {
          v[k] = v[k] + 1;
          max = Math.max(max, v[k]);
        }
        codes[e] = v;
      }
      return new MultiCategorical(name, codes, Math.max(max + 1, vocab(ds, c) + 1));
    }
    if (c.kind() == ColumnKind.SCALAR && c.dtype() == DType.FLOAT32) {
      float[] raw = t.scalar(name).toFloatArray();
      double sum = 0;
      double sq = 0;
      int cnt = 0;
      for (int e = 0; e < rows; e++) {
        if (!Float.isNaN(raw[e])) {
          sum += raw[e];
          sq += raw[e] * (double) raw[e];
          cnt++;
        }
      }
      double mean = cnt == 0 ? 0 : sum / cnt;
      double sd = cnt == 0 ? 1 : Math.sqrt(Math.max(sq / cnt - mean * mean, 0));
      sd = sd == 0 ? 1 : sd;
      float[] v = new float[entities];
      for (int e = 0; e < rows; e++) {
        v[e] = Float.isNaN(raw[e]) ? 0f : (float) ((raw[e] - mean) / sd);
      }
      return new Numeric(name, v);
    }
    if (explicit) {
      throw new IllegalArgumentException(t.name() + "." + name + " is a " + c.kind() + " "
          + c.dtype() + " column; features must be categorical (int32 with a vocabulary),"
          + " multi-categorical (int32 list with a vocabulary) or numeric (float32)");
    }
    return null;
  }

  private static int vocab(Dataset ds, ColumnSpec c) {
    var v = ds.manifest().vocabs().get(c.vocab());
    return v == null ? 0 : (int) v.size();
  }
}
