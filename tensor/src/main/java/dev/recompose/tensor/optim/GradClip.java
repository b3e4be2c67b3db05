package dev.recompose.tensor.optim;

import dev.recompose.tensor.RowSparseGrad;
import dev.recompose.tensor.Tensor;

import java.util.Collection;

/**
 * Gradient clipping by global L2 norm, like {@code torch.nn.utils.clip_grad_norm_}.
 *
 * <p>Keeps Transformer and GRU training stable; counts dense and row-sparse gradients alike.
 */
public final class GradClip {
    private GradClip() {}

    /** Scales all gradients so that their joint L2 norm is at most {@code maxNorm}; returns the norm before clipping. */
    public static double clipByNorm(Collection<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        double sq = 0;
        for (Tensor p : params) {
            float[] g = p.gradData();
            if (g != null) for (float x : g) sq += (double) x * x;
            RowSparseGrad s = p.sparseGrad();
            if (s != null) {
                s.coalesce();
                float[] vals = s.values();
                for (int i = 0; i < s.count() * s.dim(); i++) sq += (double) vals[i] * vals[i];
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Tensor p : params) {
                float[] g = p.gradData();
                if (g != null) for (int i = 0; i < g.length; i++) g[i] *= scale;
                RowSparseGrad s = p.sparseGrad();
                if (s != null) {
                    float[] vals = s.values();
                    for (int i = 0; i < s.count() * s.dim(); i++) vals[i] *= scale;
                }
            }
        }
        return norm;
    }
}
