package dev.recompose.bench.run;

import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.Protocols;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import java.util.Map;

/**
 * Evaluates a fitted ranking model on the test target under a run's protocol and builds the
 * result row.
 *
 * <p>It exists so that every ranking executor (baselines now, trained sequential models through
 * their adapter) evaluates with the same options: the run's seed for sampled negatives, history
 * masking as the spec says, all cores.
 */
public final class RankingEvaluation {
  private RankingEvaluation() {}

  /** The {@code spec.protocol()} result of {@code scorer} on the test target of {@code data}. */
  public static EvalResult evaluate(Scorer scorer, SequenceData data, RunSpec spec,
      Map<String, Object> config) {
    EvalOptions opts = EvalOptions.defaults().withSeed(spec.seed())
        .withMaskHistory(spec.maskHistory());
    EvalOutcome out = Protocols.create(spec.protocol(), opts).evaluate(scorer, data, Stage.TEST);
    return EvalResult.of(out, data.ref(), spec.model(), config, spec.seed());
  }
}
