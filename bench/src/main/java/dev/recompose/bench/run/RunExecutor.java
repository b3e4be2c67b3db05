package dev.recompose.bench.run;

import java.util.Map;
import java.util.Set;

/**
 * Runs one kind of model for the grid: fits or trains it on a prepared dataset, evaluates it
 * under one protocol and measures its cost.
 *
 * <p>It exists so that the grid runner knows no model: baselines ({@link BaselineExecutor}), the
 * trained sequential models and the CTR models plug in as executors, found by
 * {@link ExecutorRegistry} (built in, or through {@link java.util.ServiceLoader} from a
 * {@code META-INF/services/dev.recompose.bench.run.RunExecutor} file).
 */
public interface RunExecutor {
  /** The model names this executor runs. */
  Set<String> models();

  /** The representations {@code model} can use (see {@code Representations}). */
  Set<String> representations(String model);

  /** The protocols {@code model} can be evaluated with. */
  Set<String> protocols(String model);

  /**
   * Fails, naming the key and listing the valid ones, when {@code overrides} are not settings of
   * {@code model}; called for every model before the grid starts.
   */
  void validate(String model, Map<String, String> overrides);

  /** Runs {@code spec}; throws on any failure (the runner records it). */
  RunOutcome execute(RunSpec spec, RunContext context) throws Exception;
}
