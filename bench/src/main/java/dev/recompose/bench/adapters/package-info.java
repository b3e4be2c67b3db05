/**
 * Adapters from the bench's seams to the trained models and the representation jobs:
 * {@link dev.recompose.bench.adapters.SeqTrainExecutor} (the sequential trainer's recipes),
 * {@link dev.recompose.bench.adapters.CtrExecutor} (the CTR recipes under {@code ctr-logged},
 * with the item representation as the item encoder) and
 * {@link dev.recompose.bench.adapters.ItemRepresentationPreparer} ({@code emb}: MiniLM
 * embeddings; {@code sid}: RQ-KMeans semantic ids). They are switched on by the service files
 * in {@code META-INF/services}; the grid finds them through {@code ExecutorRegistry.defaults()}.
 */
package dev.recompose.bench.adapters;
