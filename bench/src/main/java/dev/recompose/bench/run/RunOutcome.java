package dev.recompose.bench.run;

import dev.recompose.models.results.EvalResult;
import java.util.Objects;

/**
 * What an executor returns for one run: the result row and the cost it measured.
 *
 * <p>It exists as the narrow waist between the grid runner and every kind of model (baselines,
 * trained sequential models, CTR models): the runner adds peak heap and wall time and writes the
 * run directory.
 *
 * @param result the evaluation row written to {@code results.json}
 * @param train training cost
 * @param inference inference cost, or null when it could not be measured
 */
public record RunOutcome(EvalResult result, TrainCost train, InferenceCost inference) {
  public RunOutcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(train, "train");
  }
}
