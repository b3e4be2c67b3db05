/**
 * Sequential recommendation inputs and the model contract.
 *
 * <p>{@link dev.recompose.models.seq.SequenceData} turns a split dataset into per-user train
 * sequences and leave-one-out targets; {@link dev.recompose.models.seq.Recommender#fit} turns
 * those into a {@link dev.recompose.models.seq.Scorer}, which scores every item for a
 * {@link dev.recompose.models.seq.UserBatch}. Input at {@link dev.recompose.models.seq.Stage#TEST}
 * is the train sequence plus the validation item.
 */
package dev.recompose.models.seq;
