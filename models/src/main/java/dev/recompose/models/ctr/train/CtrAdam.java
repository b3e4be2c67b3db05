package dev.recompose.models.ctr.train;

import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.optim.AdamStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CTR optimiser (Adam, Kingma and Ba, ICLR 2015) with its moments and step count saved and
 * restored, so that a resumed run continues exactly.
 *
 * <p>It exists because the engine's {@code tensor.optim.Adam} keeps its moments private. The
 * update is that class's, float for float: dense parameters get Adam (lazy row updates when
 * {@code lazy}, the {@code lazyadam} optimiser), embedding tables (the parameters whose gradient
 * is row-sparse) get Adam with coupled L2 {@code embeddingL2} (the BARS embedding regulariser).
 * Moments are kept by parameter name, so the optimiser can be re-bound to a rebuilt model
 * ({@link #bind}) without losing them.
 */
public final class CtrAdam {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;

  private final Set<String> tables;
  private final float embeddingL2;
  private final boolean lazy;
  private final Map<String, float[]> m = new LinkedHashMap<>();
  private final Map<String, float[]> v = new LinkedHashMap<>();
  private List<String> names = List.of();
  private List<Tensor> params = List.of();
  private double lr;
  private int steps;

  /**
   * @param tables names of the embedding tables (L2 {@code embeddingL2}); the rest are dense
   * @param lazy update only the rows of row-sparse gradients
   */
  public CtrAdam(Set<String> tables, double lr, float embeddingL2, boolean lazy) {
    if (!(lr >= 0) || embeddingL2 < 0) {
      throw new IllegalArgumentException("lr and embedding_l2 must be >= 0, got " + lr + ", "
          + embeddingL2);
    }
    this.tables = Set.copyOf(tables);
    this.lr = lr;
    this.embeddingL2 = embeddingL2;
    this.lazy = lazy;
  }

  /** The embedding tables of {@code params}: those holding a row-sparse gradient now. */
  public static Set<String> tablesOf(Map<String, Tensor> params) {
    Set<String> out = new java.util.TreeSet<>();
    params.forEach((k, p) -> {
      if (p.sparseGrad() != null) {
        out.add(k);
      }
    });
    return out;
  }

  /** Optimises {@code params} from now on (a rebuilt model's), keeping the moments by name. */
  public CtrAdam bind(Map<String, Tensor> params) {
    this.names = new ArrayList<>(params.keySet());
    this.params = new ArrayList<>(params.values());
    return this;
  }

  /** The embedding-table names this optimiser was built with. */
  public Set<String> tables() {
    return tables;
  }

  /** Steps taken so far. */
  public int steps() {
    return steps;
  }

  /** One update of every bound parameter that has a gradient. */
  public void step() {
    steps++;
    try (var g = GradMode.noGrad()) {
      for (int i = 0; i < params.size(); i++) {
        Tensor p = params.get(i);
        if (p.gradData() == null && p.sparseGrad() == null) {
          continue;
        }
        String name = names.get(i);
        update(name, p, tables.contains(name) ? embeddingL2 : 0f);
      }
    }
  }

  private void update(String name, Tensor p, float wd) {
    float[] w = p.data();
    float[] mi = m.computeIfAbsent(name, k -> new float[w.length]);
    float[] vi = v.computeIfAbsent(name, k -> new float[w.length]);
    AdamStep s = AdamStep.at(steps, (float) lr, BETA1, BETA2, EPS);
    if (lazy && p.sparseGrad() != null && p.gradData() == null) {
      s.rows(w, p.sparseGrad(), mi, vi, wd, false);
    } else {
      s.dense(w, p.sparseGrad() == null ? p.gradData() : p.grad().data(), mi, vi, wd, false);
    }
  }

  /** The moments as named tensors ({@code adam.m.NAME}, {@code adam.v.NAME}), flat. */
  public Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    m.forEach((k, a) -> out.put("adam.m." + k, Tensor.of(a.clone(), a.length)));
    v.forEach((k, a) -> out.put("adam.v." + k, Tensor.of(a.clone(), a.length)));
    return out;
  }

  /** Restores the moments in {@code saved} (keys as {@link #state()}) and the step count. */
  public void load(Map<String, Tensor> saved, int steps) {
    m.clear();
    v.clear();
    saved.forEach((k, t) -> {
      if (k.startsWith("adam.m.")) {
        m.put(k.substring("adam.m.".length()), t.data().clone());
      } else if (k.startsWith("adam.v.")) {
        v.put(k.substring("adam.v.".length()), t.data().clone());
      }
    });
    this.steps = steps;
  }
}
