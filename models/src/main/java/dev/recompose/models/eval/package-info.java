/**
 * Named evaluation protocols: {@code full} ({@link dev.recompose.models.eval.FullRankingEvaluator},
 * history masked by default), {@code sampled-100-uniform} and {@code sampled-100-popular}
 * ({@link dev.recompose.models.eval.SampledRankingEvaluator}, which inflate numbers and exist only
 * to compare with papers that used them). Users are streamed in batches on a fixed thread count;
 * results do not depend on either. {@link dev.recompose.models.eval.Recommendations} gives top-K
 * lists for serving.
 */
package dev.recompose.models.eval;
