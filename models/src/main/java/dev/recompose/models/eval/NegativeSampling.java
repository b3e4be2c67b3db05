package dev.recompose.models.eval;

/**
 * How a sampled protocol draws its negatives.
 *
 * <p>{@link #UNIFORM}: every item outside the user's items equally likely (SASRec,
 * kang205/SASRec:util.py). {@link #POPULAR}: proportional to train count, so items never seen in
 * train are never drawn (BERT4Rec, FeiSun/BERT4Rec:run.py, {@code use_pop_random}). See
 * REFERENCES-seqrec §0.
 */
public enum NegativeSampling {
  UNIFORM,
  POPULAR;

  /** Lower-case name as used in protocol names. */
  public String label() {
    return this == UNIFORM ? "uniform" : "popular";
  }
}
