package dev.recompose.models.seq;

import java.util.Objects;

/**
 * A batch of users to score together with their input sequences (oldest item first).
 *
 * <p>It exists because evaluation streams users in batches and never holds a users x items
 * score matrix: a {@link Scorer} fills one row of {@code size * numItems} scores per call.
 * Arrays may be longer than {@code size} (they are reused); only the first {@code size} entries
 * are meaningful. The arrays belong to the caller: a scorer must not keep or modify them.
 */
public record UserBatch(int[] users, int[][] inputs, int size) {
  public UserBatch {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(inputs, "inputs");
    if (size < 0 || size > users.length || size > inputs.length) {
      throw new IllegalArgumentException("batch size " + size + " outside [0, "
          + Math.min(users.length, inputs.length) + "]");
    }
  }

  /** The user of row {@code b}. */
  public int user(int b) {
    return users[b];
  }

  /** The input sequence of row {@code b}. */
  public int[] input(int b) {
    return inputs[b];
  }
}
