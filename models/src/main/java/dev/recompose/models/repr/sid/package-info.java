/**
 * Semantic IDs: items as short tuples of discrete codes derived from their embeddings, the item
 * tokenization of TIGER (Rajput et al. 2023) and RecBase.
 *
 * <p>{@link dev.recompose.models.repr.sid.RqKMeans} (residual k-means with k-means++ seeding and
 * optional Sinkhorn-balanced assignment), {@link dev.recompose.models.repr.sid.Collisions}
 * (TIGER's extra disambiguation level), {@link dev.recompose.models.repr.sid.SidReport}
 * (collision rate, codebook use, reconstruction error) and
 * {@link dev.recompose.models.repr.sid.SidColumns} (read an embedding column, write the
 * {@code sid} column and, next to it, the fitted
 * {@link dev.recompose.models.repr.sid.SidQuantizer} that codes new items). Entry point: {@code SidColumns.writeRqKMeans(dataset, fromColumn, "sid",
 * config)}.
 */
package dev.recompose.models.repr.sid;
