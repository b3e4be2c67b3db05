package dev.recompose.models.ctr.user;

import dev.recompose.tensor.Tensor;

/**
 * What a user encoder receives for {@code R} rows.
 *
 * <p>It exists to hand history-based, ID-based and target-aware encoders the same argument.
 *
 * @param users user codes per row
 * @param history item representations of the click history {@code [R, L, D]} (right padded), or
 *     null when no encoder of the model reads history
 * @param historyPad int32 {@code [R, L]}, 1 where {@code history} is padding; null with history
 * @param historyLength real history length per row
 * @param candidate representation of the scored item {@code [R, D]} for target-aware encoders,
 *     else null
 */
public record UserInput(int[] users, Tensor history, Tensor historyPad, int[] historyLength,
    Tensor candidate) {
  /** The history tensor, failing clearly when the model was built without one. */
  public Tensor requireHistory(String brick) {
    if (history == null) {
      throw new IllegalStateException("user encoder '" + brick + "' needs the click history");
    }
    return history;
  }
}
