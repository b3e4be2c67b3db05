/**
 * Adapters from the bench's seams to the rest of Recompose:
 * {@link dev.recompose.bench.adapters.ItemRepresentationPreparer} ({@code emb}: MiniLM
 * embeddings; {@code sid}: RQ-KMeans semantic ids), switched on by the service file
 * {@code META-INF/services/dev.recompose.bench.run.RepresentationPreparer}. The executors of the
 * trained sequential and CTR models ({@code SeqTrainExecutor}, {@code CtrExecutor}) join them
 * here once their modules are merged (branch {@code bench-adapters}).
 */
package dev.recompose.bench.adapters;
