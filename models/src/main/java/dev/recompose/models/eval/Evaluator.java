package dev.recompose.models.eval;

import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;

/**
 * A named evaluation protocol: how candidates are chosen and how the target is ranked.
 *
 * <p>It exists because protocols must never be implicit (DESIGN.md): the same model scores
 * 3-5x higher under sampled negatives than under full ranking (REFERENCES-seqrec §0), so every
 * number carries {@link #protocol()}. Implementations: {@link FullRankingEvaluator} and
 * {@link SampledRankingEvaluator}; {@link Protocols} builds one by name.
 */
public sealed interface Evaluator permits FullRankingEvaluator, SampledRankingEvaluator {
  /** The protocol name, e.g. {@code full} or {@code sampled-100-popular}. */
  String protocol();

  /** Ranks the {@code stage} target of every user that has one. */
  EvalOutcome evaluate(Scorer scorer, SequenceData data, Stage stage);
}
