package dev.recompose.models.ctr.user;

import dev.recompose.models.ctr.BrickConfig;
import dev.recompose.models.ctr.BrickContext;
import dev.recompose.models.ctr.layer.Masks;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Mlp;

/**
 * Target attention over the clicked items (brick {@code din}): the local activation unit of DIN
 * (Zhou et al., "Deep Interest Network for Click-Through Rate Prediction", KDD 2018). Each history
 * item {@code h} is weighted by an MLP over {@code [c, h, c - h, c * h]} with the candidate
 * {@code c}; the user interest is the weighted sum. As in the paper the weights are not
 * normalised ({@code softmax: false}); the official code's masked softmax is
 * {@code softmax: true}. Parameters: {@code attention} (hidden sizes, [80, 40] as the official
 * code), {@code softmax} (false). Dice is not available; the official code's sigmoid is used.
 */
public final class DinUserEncoder extends UserEncoder {
  private final Mlp unit;
  private final boolean softmax;
  private final int fields;
  private final int dim;

  /** Built from a recipe. */
  public DinUserEncoder(BrickConfig cfg, BrickContext ctx) {
    this.fields = ctx.itemFields();
    this.dim = ctx.dim();
    int width = ctx.itemWidth();
    int[] hidden = cfg.getInts("attention", new int[] {80, 40});
    int[] dims = new int[hidden.length + 2];
    dims[0] = 4 * width;
    System.arraycopy(hidden, 0, dims, 1, hidden.length);
    dims[dims.length - 1] = 1;
    this.unit = child("unit", new Mlp(dims, Activation.SIGMOID, 0f, ctx.rng()));
    this.softmax = cfg.getBool("softmax", false);
  }

  @Override
  public int fields() {
    return fields;
  }

  @Override
  public boolean usesHistory() {
    return true;
  }

  @Override
  public boolean targetAware() {
    return true;
  }

  @Override
  public Tensor encode(UserInput in) {
    Tensor h = in.requireHistory("din");
    if (in.candidate() == null) {
      throw new IllegalStateException("user encoder 'din' needs the candidate item");
    }
    int r = h.size(0);
    int l = h.size(1);
    int width = h.size(2);
    Tensor c = in.candidate().reshape(r, 1, width).add(Tensor.zeros(r, l, width));
    Tensor x = Tensor.concat(2, c, h, c.sub(h), c.mul(h));
    Tensor w = unit.forward(x).reshape(r, l);
    if (softmax) {
      w = w.maskedFill(in.historyPad(), -1e9f).softmax(1);
    } else {
      w = w.mul(Masks.keep(in.historyPad()).reshape(r, l));
    }
    return w.reshape(r, 1, l).matmul(h).reshape(r, fields, dim);
  }
}
