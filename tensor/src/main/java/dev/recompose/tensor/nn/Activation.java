package dev.recompose.tensor.nn;

import dev.recompose.tensor.Tensor;

/**
 * Elementwise activation functions selectable by name in module configurations.
 *
 * <p>Recipes name their activation ("relu", "gelu"); this enum maps the name to the tensor op.
 */
public enum Activation {
    /** {@code max(x, 0)}. */
    RELU,
    /** Exact GELU (Hendrycks and Gimpel 2016). */
    GELU,
    /** Hyperbolic tangent. */
    TANH,
    /** Logistic sigmoid. */
    SIGMOID,
    /** No activation. */
    IDENTITY;

    /** Applies the activation. */
    public Tensor apply(Tensor x) {
        return switch (this) {
            case RELU -> x.relu();
            case GELU -> x.gelu();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case IDENTITY -> x;
        };
    }
}
