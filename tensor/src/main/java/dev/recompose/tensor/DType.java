package dev.recompose.tensor;

/**
 * The element type of a {@link Tensor}.
 *
 * <p>Recommender models need exactly two: 32-bit floats for activations and weights, and 32-bit
 * integers for ids, indices and masks; keeping the set this small keeps every kernel monomorphic.
 */
public enum DType {
    /** IEEE-754 single precision, the type of all differentiable values. */
    FLOAT32,
    /** Signed 32-bit integers: item ids, positions, masks. Never differentiable. */
    INT32
}
