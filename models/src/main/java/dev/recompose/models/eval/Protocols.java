package dev.recompose.models.eval;

import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link Evaluator} from its protocol name.
 *
 * <p>It exists so that the CLI ({@code --protocol}) and experiment specs name protocols as
 * strings, and an unknown name fails listing the valid ones.
 */
public final class Protocols {
  /** Every protocol name, in the order the CLI lists them. */
  public static final List<String> NAMES =
      List.of("full", "sampled-100-uniform", "sampled-100-popular");

  private Protocols() {}

  /** The evaluator of protocol {@code name}. */
  public static Evaluator create(String name, EvalOptions options) {
    Objects.requireNonNull(name, "name");
    return switch (name) {
      case "full" -> new FullRankingEvaluator(options);
      case "sampled-100-uniform" ->
          new SampledRankingEvaluator(NegativeSampling.UNIFORM, options);
      case "sampled-100-popular" ->
          new SampledRankingEvaluator(NegativeSampling.POPULAR, options);
      default -> throw new IllegalArgumentException(
          "unknown protocol '" + name + "'; valid: " + String.join(", ", NAMES));
    };
  }
}
