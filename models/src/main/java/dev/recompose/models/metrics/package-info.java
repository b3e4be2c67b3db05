/**
 * Rank-based metrics (HR = Recall, NDCG, MRR at K) from the rank of a single target, and the
 * counting rank with its pessimistic tie policy ({@link dev.recompose.models.metrics.TargetRank}).
 */
package dev.recompose.models.metrics;
