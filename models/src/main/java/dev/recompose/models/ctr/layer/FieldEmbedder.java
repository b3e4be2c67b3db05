package dev.recompose.models.ctr.layer;

import dev.recompose.models.ctr.data.EntityFeatures;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Embedding;
import dev.recompose.tensor.nn.Init;
import dev.recompose.tensor.nn.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * One embedding field per entity attribute (the entity ID and each tabular feature), stacked into
 * {@code [n, F, k]}.
 *
 * <p>It exists because the embedding layer of every FuxiCTR-style model (Guo et al. 2017; Wang et
 * al. 2017, 2021; Mao et al. 2023) is the same: categorical fields look up a table (row 0 =
 * missing, kept at zero), multi-valued fields average the rows of their values, numeric fields
 * scale a learned vector by the standardised value. Tables have row-sparse gradients so
 * LazyAdam touches only the rows a batch used.
 */
public final class FieldEmbedder extends Module {
  private final Embedding id;
  private final List<EntityFeatures.Field> fields;
  private final List<Object> tables = new ArrayList<>();
  private final int dim;

  /**
   * Fields for {@code features} (and the entity ID first when {@code withId}), width {@code dim},
   * tables initialised N(0, std^2).
   */
  public FieldEmbedder(EntityFeatures features, boolean withId, int dim, float std, Rng rng) {
    this.dim = dim;
    this.id = withId ? child("id", new Embedding(Math.max(1, features.entities()), dim, -1, true,
        std, rng)) : null;
    this.fields = features.fields();
    for (EntityFeatures.Field f : fields) {
      switch (f) {
        case EntityFeatures.Categorical c ->
            tables.add(child(f.name(), new Embedding(c.cardinality(), dim, 0, true, std, rng)));
        case EntityFeatures.MultiCategorical c ->
            tables.add(child(f.name(), new Embedding(c.cardinality(), dim, 0, true, std, rng)));
        case EntityFeatures.Numeric n ->
            tables.add(parameter(f.name(), Init.normal(Tensor.zeros(dim), std, rng)));
      }
    }
    if (count() == 0) {
      throw new IllegalArgumentException("no fields: the entity has no ID field and no features");
    }
  }

  /** Number of fields. */
  public int count() {
    return (id == null ? 0 : 1) + fields.size();
  }

  /** Field names in output order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    if (id != null) {
      out.add("id");
    }
    fields.forEach(f -> out.add(f.name()));
    return out;
  }

  /** Embeds entities {@code codes} into {@code [n, F, k]}. */
  public Tensor forward(int[] codes) {
    int n = codes.length;
    List<Tensor> out = new ArrayList<>();
    if (id != null) {
      out.add(id.forward(Tensor.ofInts(codes.clone(), n)));
    }
    for (int j = 0; j < fields.size(); j++) {
      switch (fields.get(j)) {
        case EntityFeatures.Categorical c -> {
          int[] ids = new int[n];
          for (int i = 0; i < n; i++) {
            ids[i] = c.codes()[codes[i]];
          }
          out.add(((Embedding) tables.get(j)).forward(Tensor.ofInts(ids, n)));
        }
        case EntityFeatures.MultiCategorical c -> {
          int max = 1;
          for (int code : codes) {
            max = Math.max(max, c.codes()[code].length);
          }
          int[] ids = new int[n * max];
          float[] inv = new float[n];
          for (int i = 0; i < n; i++) {
            int[] v = c.codes()[codes[i]];
            System.arraycopy(v, 0, ids, i * max, v.length);
            inv[i] = v.length == 0 ? 0f : 1f / v.length;
          }
          Tensor e = ((Embedding) tables.get(j)).forward(Tensor.ofInts(ids, n, max));
          out.add(e.sum(1, false).mul(Tensor.of(inv, n, 1)));
        }
        case EntityFeatures.Numeric num -> {
          float[] v = new float[n];
          for (int i = 0; i < n; i++) {
            v[i] = num.values()[codes[i]];
          }
          out.add(Tensor.of(v, n, 1).mul(((Tensor) tables.get(j)).reshape(1, dim)));
        }
      }
    }
    return Tensor.stack(1, out);
  }
}
