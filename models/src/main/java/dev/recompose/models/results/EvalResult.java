package dev.recompose.models.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.recompose.data.BuildInfo;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.metrics.TargetRank;
import dev.recompose.models.seq.DatasetRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of {@code results.json}: a model's metrics together with everything needed to know
 * what they mean and to reproduce them.
 *
 * <p>It exists because a number without its protocol is the main reason sequential
 * recommendation results fail to reproduce (REFERENCES-seqrec §0): every row names the protocol,
 * stage, history masking, tie policy, split scheme and seed, dataset and checksum, model and
 * config hash, seed and code version (DESIGN.md).
 *
 * @param samplingSeed seed of the sampled negatives (sampled protocols), else null
 * @param tiePolicy how equal scores are ranked (see {@link TargetRank})
 * @param seed the run's seed (training and sampled negatives)
 * @param usersPerSecond evaluation throughput (wall time, scoring included)
 */
@JsonPropertyOrder({"protocol", "stage", "historyMasked", "samplingSeed", "tiePolicy",
    "splitScheme", "splitSeed",
    "dataset", "datasetSha256", "model", "config", "configHash", "seed", "codeVersion", "users",
    "metrics", "seconds", "usersPerSecond"})
public record EvalResult(
    String protocol,
    String stage,
    boolean historyMasked,
    Long samplingSeed,
    String tiePolicy,
    String splitScheme,
    long splitSeed,
    String dataset,
    String datasetSha256,
    String model,
    Map<String, Object> config,
    String configHash,
    long seed,
    String codeVersion,
    int users,
    Map<String, Double> metrics,
    double seconds,
    double usersPerSecond) {
  /** The tie policy every evaluator here uses. */
  public static final String PESSIMISTIC = "pessimistic";

  public EvalResult {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(model, "model");
    config = Collections.unmodifiableMap(new TreeMap<>(config));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** Assembles a row from an outcome and its context; hashes {@code config}. */
  public static EvalResult of(EvalOutcome outcome, DatasetRef data, String model,
      Map<String, Object> config, long seed) {
    return new EvalResult(outcome.protocol(), outcome.stage().label(), outcome.historyMasked(),
        outcome.samplingSeed(), PESSIMISTIC, data.splitScheme(), data.splitSeed(), data.name(),
        data.contentSha256(),
        model, config, ConfigHash.of(config), seed, BuildInfo.version(), outcome.numUsers(),
        outcome.metrics(), outcome.seconds(), outcome.usersPerSecond());
  }
}
