package dev.recompose.models.ctr.predictor;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Mlp;

/**
 * FinalMLP (Mao et al., "FinalMLP: An Enhanced Two-Stream MLP Model for CTR Prediction", AAAI
 * 2023), brick {@code finalmlp}: two MLP streams, each fed the input re-weighted by its own
 * feature-selection gate ({@code 2 * sigmoid(MLP(context))}, context = a learned vector, the
 * BARS "none" setting), fused by multi-head bilinear interaction
 * {@code sum_h (w1.y1h + w2.y2h + y1h^T W3 y2h + b)}. Parameters: {@code mlp1} ([400]),
 * {@code mlp2} ([100]), {@code fs_hidden} ([400]), {@code heads} (5), {@code dropout1} (0.4),
 * {@code dropout2} (0.4) — the BARS Frappe config. Batch normalisation is left out.
 */
public final class FinalMlpPredictor extends Predictor {
  private final Mlp stream1;
  private final Mlp stream2;
  private final Tensor context1;
  private final Tensor context2;
  private final Mlp gate1;
  private final Mlp gate2;
  private final Linear w1;
  private final Linear w2;
  private final Tensor w3;
  private final Tensor bias;
  private final int heads;
  private final int d1;
  private final int d2;

  /** Built from a recipe. */
  public FinalMlpPredictor(BrickConfig cfg, BrickContext ctx) {
    int in = (ctx.userFields() + ctx.itemFields()) * ctx.dim();
    int[] h1 = cfg.getInts("mlp1", new int[] {400});
    int[] h2 = cfg.getInts("mlp2", new int[] {100});
    int[] fs = cfg.getInts("fs_hidden", new int[] {400});
    this.heads = cfg.getInt("heads", 5);
    this.d1 = h1[h1.length - 1];
    this.d2 = h2[h2.length - 1];
    if (d1 % heads != 0 || d2 % heads != 0) {
      throw new IllegalArgumentException("predictor 'finalmlp': the last sizes of mlp1 (" + d1
          + ") and mlp2 (" + d2 + ") must divide by heads " + heads);
    }
    var rng = ctx.rng();
    this.stream1 = child("mlp1", new Mlp(Towers.dims(in, h1, 0), Activation.RELU,
        cfg.getFloat("dropout1", 0.4f), rng));
    this.stream2 = child("mlp2", new Mlp(Towers.dims(in, h2, 0), Activation.RELU,
        cfg.getFloat("dropout2", 0.4f), rng));
    int ctxDim = ctx.dim();
    this.context1 = parameter("context1", dev.recompose.tensor.nn.Init.normal(
        Tensor.zeros(1, ctxDim), 0.01f, rng));
    this.context2 = parameter("context2", dev.recompose.tensor.nn.Init.normal(
        Tensor.zeros(1, ctxDim), 0.01f, rng));
    this.gate1 = child("fs1", new Mlp(Towers.dims(ctxDim, fs, in), Activation.RELU, 0f, rng));
    this.gate2 = child("fs2", new Mlp(Towers.dims(ctxDim, fs, in), Activation.RELU, 0f, rng));
    this.w1 = child("w1", new Linear(d1 / heads, 1, false, rng));
    this.w2 = child("w2", new Linear(d2 / heads, 1, false, rng));
    this.w3 = parameter("w3", dev.recompose.tensor.nn.Init.xavierNormal(
        Tensor.zeros(heads, d1 / heads, d2 / heads), rng));
    this.bias = parameter("bias", Tensor.zeros(1));
  }

  @Override
  public Tensor score(Tensor user, Tensor item) {
    Tensor x = flat(fields(user, item));
    int n = x.size(0);
    Tensor g1 = gate1.forward(context1).sigmoid().mul(2f);
    Tensor g2 = gate2.forward(context2).sigmoid().mul(2f);
    Tensor y1 = stream1.forward(x.mul(g1)).relu();
    Tensor y2 = stream2.forward(x.mul(g2)).relu();
    int a = d1 / heads;
    int b = d2 / heads;
    Tensor y1h = y1.reshape(n, heads, a);
    Tensor y2h = y2.reshape(n, heads, b);
    Tensor linear = w1.forward(y1h).sum(1, false).add(w2.forward(y2h).sum(1, false));
    // bilinear per head: (y1h [heads, n, a] @ W3 [heads, a, b]) * y2h, summed
    Tensor left = y1h.permute(1, 0, 2).matmul(w3).permute(1, 0, 2);
    Tensor bilinear = left.mul(y2h).sum(new int[] {1, 2}, false).reshape(n, 1);
    return linear.add(bilinear).add(bias).reshape(n);
  }
}
