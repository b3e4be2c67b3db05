/**
 * The Recompose tensor engine: {@link dev.recompose.tensor.Tensor} with define-by-run autograd,
 * fused neural-network ops ({@link dev.recompose.tensor.Functional}), losses
 * ({@link dev.recompose.tensor.Losses}), the Vector API matrix multiply
 * ({@link dev.recompose.tensor.Gemm}) and the engine's thread pool ({@link dev.recompose.tensor.Parallel}).
 *
 * <p>Every op's backward pass is checked against central finite differences in the tests.
 */
package dev.recompose.tensor;
