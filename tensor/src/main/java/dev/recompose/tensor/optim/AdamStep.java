package dev.recompose.tensor.optim;

import dev.recompose.tensor.Parallel;
import dev.recompose.tensor.RowSparseGrad;

/**
 * One Adam update (Kingma and Ba, ICLR 2015) at a given step, applied to one parameter's weights
 * and moments in PyTorch's float32 arithmetic: {@code m = b1 m + (1-b1) g},
 * {@code v = b2 v + (1-b2) g^2}, {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}, with L2 decay
 * added to the gradient or decoupled decay applied to the weights first (AdamW, Loshchilov and
 * Hutter, ICLR 2019).
 *
 * <p>It exists so that every optimiser that keeps Adam moments - {@link Adam}, and trainers that
 * save and restore moments by parameter name to resume runs exactly - shares one update, bit for
 * bit, instead of a copy each.
 *
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param eps denominator term
 * @param lr learning rate of this step (used by decoupled decay)
 * @param stepSize {@code lr / (1 - beta1^step)}
 * @param invSqrtBc2 {@code 1 / sqrt(1 - beta2^step)}
 */
public record AdamStep(float beta1, float beta2, float eps, float lr, float stepSize,
                       float invSqrtBc2) {

    /** The update of step {@code step} (1 for the first). */
    public static AdamStep at(long step, float lr, float beta1, float beta2, float eps) {
        if (step < 1) throw new IllegalArgumentException("Adam steps count from 1, got " + step);
        float bc1 = (float) (1 - Math.pow(beta1, step));
        float bc2 = (float) (1 - Math.pow(beta2, step));
        return new AdamStep(beta1, beta2, eps, lr, lr / bc1, (float) (1 / Math.sqrt(bc2)));
    }

    /** Updates every element of {@code w} from the dense gradient {@code g}. */
    public void dense(float[] w, float[] g, float[] m, float[] v, float weightDecay, boolean decoupled) {
        // elements are independent: chunks on the engine's threads give the same bits
        Parallel.forRange(w.length, 1 << 14, (s, e) -> {
            for (int k = s; k < e; k++) {
                element(w, k, g[k], m, v, weightDecay, decoupled);
            }
        });
    }

    /**
     * Updates only the rows present in the row-sparse gradient {@code sg} (lazy Adam: the moments
     * of untouched rows stay as they are, as TensorFlow's LazyAdam does).
     */
    public void rows(float[] w, RowSparseGrad sg, float[] m, float[] v, float weightDecay, boolean decoupled) {
        RowSparseGrad c = sg.coalesce();
        int d = c.dim();
        float[] gv = c.values();
        for (int j = 0; j < c.count(); j++) {
            int base = c.row(j) * d;
            int src = j * d;
            for (int q = 0; q < d; q++) {
                element(w, base + q, gv[src + q], m, v, weightDecay, decoupled);
            }
        }
    }

    private void element(float[] w, int k, float g, float[] m, float[] v, float wd, boolean decoupled) {
        if (wd != 0f) {
            if (decoupled) w[k] -= lr * wd * w[k];
            else g += wd * w[k];
        }
        float mk = beta1 * m[k] + (1 - beta1) * g;
        float vk = beta2 * v[k] + (1 - beta2) * g * g;
        m[k] = mk;
        v[k] = vk;
        w[k] -= stepSize * mk / ((float) Math.sqrt(vk) * invSqrtBc2 + eps);
    }
}
