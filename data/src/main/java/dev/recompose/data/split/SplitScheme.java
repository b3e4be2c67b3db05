package dev.recompose.data.split;

import dev.recompose.data.store.Dataset;
import java.io.IOException;
import java.util.Map;

/**
 * One way of assigning the rows of a table to train, validation and test.
 *
 * <p>It exists so that every protocol the literature uses (leave-one-out, global or per-user
 * time ratios, MIND impressions, the RecBench CTR sample) is a named, documented, deterministic
 * function of (dataset, parameters, seed) and nothing else. A scheme only computes codes;
 * {@link Splits} writes them into the dataset.
 */
public sealed interface SplitScheme
    permits LeaveOneOutSplit, TemporalSplit, UserRatioSplit, ImpressionSplit, RecBenchCtrSplit {
  /** The name used on the command line ({@code --scheme NAME}). */
  String name();

  /** One line on what the scheme does. */
  String description();

  /** Accepted parameters: name to help text (which states the default), in display order. */
  Map<String, String> options();

  /**
   * Computes the split codes of {@code ds}.
   *
   * @param params parameters by name; unknown names are an error listing {@link #options()}
   * @param seed seed of every random choice (schemes without randomness ignore it)
   */
  SplitResult compute(Dataset ds, Map<String, String> params, long seed) throws IOException;
}
