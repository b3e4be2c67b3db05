package dev.recompose.models.ctr.user;

import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Module;

/**
 * The user brick of a Legommenders-style model (Li et al., "Legommenders", 2024): turns a user
 * (ID, features, click history) into {@link #fields()} fields of the model width.
 *
 * <p>It exists so that NRMS/NAML/LSTUR history encoders, DIN target attention and tabular user
 * features are interchangeable. Encoders that read the candidate ({@link #targetAware()}) run
 * once per scored row; the others once per user row, expanded to the rows.
 */
public abstract class UserEncoder extends Module {
  /** Number of output fields. */
  public abstract int fields();

  /** Whether {@link UserInput#history()} is read. */
  public boolean usesHistory() {
    return false;
  }

  /** Whether {@link UserInput#candidate()} is read (DIN). */
  public boolean targetAware() {
    return false;
  }

  /** Encodes {@code R} rows into {@code [R, fields, dim]}. */
  public abstract Tensor encode(UserInput in);
}
