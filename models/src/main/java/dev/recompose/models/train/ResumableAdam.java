package dev.recompose.models.train;

import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.optim.AdamStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015) with coupled L2 or decoupled weight decay (AdamW, Loshchilov
 * &amp; Hutter, ICLR 2019) whose moments and step count can be saved and restored.
 *
 * <p>It exists because resuming a run must continue with the optimiser's exact state, and the
 * engine's {@code dev.recompose.tensor.optim.Adam} keeps its moments private (reported to the
 * tensor engineer). The update is PyTorch's, bit for bit in float32:
 * {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}. Decoupled decay skips biases and
 * LayerNorm parameters (names ending in {@code bias}, or containing {@code norm}), as BERT does.
 */
public final class ResumableAdam {
  private final List<String> names;
  private final List<Tensor> params;
  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private final boolean decoupled;
  private final float[][] m;
  private final float[][] v;
  private long steps;
  private double lr;

  /** An optimiser over {@code params} (named, in module order). */
  public ResumableAdam(Map<String, Tensor> params, double lr, float beta1, float beta2, float eps,
      float weightDecay, boolean decoupled) {
    if (params.isEmpty()) {
      throw new IllegalArgumentException("optimiser got no parameters");
    }
    if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
      throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", "
          + beta2);
    }
    if (!(eps > 0) || weightDecay < 0) {
      throw new IllegalArgumentException("Adam eps must be > 0 and weight decay >= 0");
    }
    this.names = new ArrayList<>(params.keySet());
    this.params = new ArrayList<>(params.values());
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decoupled = decoupled;
    this.m = new float[this.params.size()][];
    this.v = new float[this.params.size()][];
    for (int i = 0; i < this.params.size(); i++) {
      m[i] = new float[this.params.get(i).numel()];
      v[i] = new float[this.params.get(i).numel()];
    }
    setLr(lr);
  }

  /** Sets the learning rate of the next steps. */
  public void setLr(double lr) {
    if (!(lr >= 0)) {
      throw new IllegalArgumentException("learning rate must be >= 0, got " + lr);
    }
    this.lr = lr;
  }

  /** Steps taken so far. */
  public long steps() {
    return steps;
  }

  /** Clears every gradient. */
  public void zeroGrad() {
    for (Tensor p : params) {
      p.zeroGrad();
    }
  }

  /** Applies one update to every parameter that has a gradient. */
  public void step() {
    steps++;
    AdamStep s = AdamStep.at(steps, (float) lr, beta1, beta2, eps);
    try (var g = GradMode.noGrad()) {
      for (int i = 0; i < params.size(); i++) {
        Tensor p = params.get(i);
        float[] grad = p.sparseGrad() != null ? p.grad().data() : p.gradData();
        if (grad == null) {
          continue;
        }
        boolean decay = weightDecay != 0 && (!decoupled || decays(names.get(i)));
        s.dense(p.data(), grad, m[i], v[i], decay ? weightDecay : 0f, decoupled);
      }
    }
  }

  private static boolean decays(String name) {
    return !(name.endsWith("bias") || name.contains("norm"));
  }

  /** The moments as named tensors ({@code adam.m.NAME}, {@code adam.v.NAME}). */
  public Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      int[] shape = params.get(i).shape();
      out.put("adam.m." + names.get(i), Tensor.of(m[i].clone(), shape));
      out.put("adam.v." + names.get(i), Tensor.of(v[i].clone(), shape));
    }
    return out;
  }

  /** Restores moments saved by {@link #state()} and the step count. */
  public void load(Map<String, Tensor> state, long steps) {
    for (int i = 0; i < params.size(); i++) {
      copy(state, "adam.m." + names.get(i), m[i]);
      copy(state, "adam.v." + names.get(i), v[i]);
    }
    this.steps = steps;
  }

  private static void copy(Map<String, Tensor> state, String key, float[] dst) {
    Tensor t = state.get(key);
    if (t == null) {
      throw new IllegalArgumentException("checkpoint has no optimiser tensor " + key);
    }
    if (t.numel() != dst.length) {
      throw new IllegalArgumentException("optimiser tensor " + key + " has " + t.numel()
          + " values, expected " + dst.length);
    }
    System.arraycopy(t.data(), 0, dst, 0, dst.length);
  }
}
