package dev.recompose.tensor.nn;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;

/**
 * Inverted dropout (Srivastava et al. 2014), active only in training mode.
 *
 * <p>Holds its own seeded {@link Rng} so that a training run is reproducible end to end.
 */
public final class Dropout extends Module {
    private final float p;
    private final Rng rng;

    /** Drops with probability {@code p}, drawing masks from {@code rng}. */
    public Dropout(float p, Rng rng) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        this.p = p;
        this.rng = rng;
    }

    /** Applies dropout in training mode; identity in eval mode. */
    public Tensor forward(Tensor x) {
        return Functional.dropout(x, p, isTraining(), rng);
    }

    /** The drop probability. */
    public float p() { return p; }

    /** The random source (shared with fused ops that drop internally, such as attention). */
    Rng rng() { return rng; }
}
