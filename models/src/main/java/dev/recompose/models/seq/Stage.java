package dev.recompose.models.seq;

/**
 * Which held-out target an evaluation ranks under leave-one-out.
 *
 * <p>It exists so that the input a model sees is never implicit: for {@link #VALID} the input is
 * the user's train sequence and the target is the validation item; for {@link #TEST} the input is
 * the train sequence followed by the validation item and the target is the test item (the
 * protocol of SASRec, BERT4Rec and RecBole's sequential quick start; REFERENCES-seqrec §0).
 */
public enum Stage {
  VALID,
  TEST;

  /** Lower-case name as written in results ({@code valid} or {@code test}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
