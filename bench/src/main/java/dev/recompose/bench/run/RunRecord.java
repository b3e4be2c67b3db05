package dev.recompose.bench.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run as the bench index and the run's {@code run.json} record it: the spec, the status,
 * the failure reason, the metrics and the cost.
 *
 * <p>It exists so that the leaderboard and the report read one file ({@code bench-index.json})
 * and still find each run's directory for its {@code results.json} and {@code train-log.jsonl}.
 *
 * @param id {@link RunSpec#id()}
 * @param dir the run directory, relative to the bench directory
 * @param reason why the run failed; null unless {@code status} is FAILED
 * @param metrics the result row's metrics; null unless OK
 * @param cost null unless OK
 */
public record RunRecord(String id, RunSpec spec, RunStatus status, String reason, String dir,
    String startedAt, String finishedAt, Map<String, Double> metrics, Cost cost) {
  public RunRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(status, "status");
    metrics = metrics == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
