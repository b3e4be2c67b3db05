package dev.recompose.models.seq.nn;

import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.train.Trainable;

/**
 * Builds the neural model a recipe names ({@code model:} key).
 *
 * <p>It exists so that the trainer and the CLI go from a {@link Recipe} to a {@link Trainable}
 * without knowing model classes; an unknown model fails listing the known ones.
 */
public final class SeqModels {
  private SeqModels() {}

  /** Whether {@code model} is a neural (trained) model. */
  public static boolean isNeural(String model) {
    return switch (model) {
      case "sasrec", "bert4rec", "gru4rec", "caser", "bprmf" -> true;
      default -> false;
    };
  }

  /** The untrained network of {@code r} bound to {@code data}. */
  public static Trainable create(Recipe r, SequenceData data) {
    return switch (r.model()) {
      case "sasrec" -> new SasRec(r, data);
      case "bert4rec" -> new Bert4Rec(r, data);
      case "gru4rec" -> new Gru4Rec(r, data);
      case "caser" -> new Caser(r, data);
      case "bprmf" -> new BprMf(r, data);
      default -> throw new IllegalArgumentException("no neural model '" + r.model()
          + "'; known: sasrec, bert4rec, gru4rec, caser, bprmf");
    };
  }
}
