package dev.recompose.bench.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.recompose.models.results.ConfigHash;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One cell of a benchmark grid: which data, model, representation, settings, seed and protocol.
 *
 * <p>It exists so that a run is identified by what it computes: {@link #id()} hashes every field
 * (the dataset by its content checksum, so a changed dataset is a new run), which is how the
 * index recognises finished runs after a restart.
 *
 * @param dataset the dataset's name in the spec
 * @param datasetSha256 the prepared, split dataset's content checksum (null if unknown)
 * @param split the split scheme and seed, e.g. {@code leave-one-out/42}
 * @param overrides recipe settings over the model's defaults
 * @param maskHistory full ranking: whether input items are excluded from the candidates
 */
public record RunSpec(String dataset, String datasetSha256, String split, String model,
    String representation, Map<String, String> overrides, long seed, String protocol,
    boolean maskHistory) {
  public RunSpec {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(representation, "representation");
    Objects.requireNonNull(protocol, "protocol");
    overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
  }

  /** The first 16 hex digits of the sha256 of this spec's canonical JSON. */
  @JsonIgnore
  public String id() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", dataset);
    m.put("datasetSha256", datasetSha256);
    m.put("split", split);
    m.put("model", model);
    m.put("representation", representation);
    m.put("overrides", overrides);
    m.put("seed", seed);
    m.put("protocol", protocol);
    m.put("maskHistory", maskHistory);
    return ConfigHash.of(m).substring(0, 16);
  }

  /** A readable directory name: dataset, model, representation, protocol, seed and id. */
  @JsonIgnore
  public String dirName() {
    return (dataset + "-" + model + "-" + representation + "-" + protocol + "-s" + seed + "-"
        + id().substring(0, 8)).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** One line for progress output. */
  public String label() {
    return dataset + " / " + model + " (" + representation + ") / " + protocol + " / seed "
        + seed + (overrides.isEmpty() ? "" : " " + overrides);
  }
}
