package dev.recompose.data.importer;

import dev.recompose.data.progress.ProgressFactory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything an importer needs to run: where to read, where to write, how to treat bad rows, and
 * format-specific options ({@code --option key=value}).
 *
 * @param from the file or directory the publisher distributes
 * @param out the dataset directory to create
 * @param force whether to replace an existing dataset at {@code out}
 * @param onBadRow fail (default) or skip-and-count malformed rows
 * @param options format-specific options; unknown keys are an error (see
 *     {@link Importer#options()})
 * @param progress where progress bars go
 */
public record ImportRequest(
    Path from,
    Path out,
    boolean force,
    BadRowPolicy onBadRow,
    Map<String, String> options,
    ProgressFactory progress) {
  public ImportRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(onBadRow, "onBadRow");
    options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
    progress = progress == null ? ProgressFactory.NONE : progress;
  }

  /** A request with default policy, no options and no progress output. */
  public static ImportRequest of(Path from, Path out) {
    return new ImportRequest(from, out, false, BadRowPolicy.FAIL, Map.of(), ProgressFactory.NONE);
  }

  public ImportRequest withOptions(Map<String, String> opts) {
    return new ImportRequest(from, out, force, onBadRow, opts, progress);
  }

  public ImportRequest withPolicy(BadRowPolicy policy) {
    return new ImportRequest(from, out, force, policy, options, progress);
  }

  /** Option {@code key} or {@code fallback} when absent. */
  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }
}
