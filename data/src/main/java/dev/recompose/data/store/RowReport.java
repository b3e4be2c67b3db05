package dev.recompose.data.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows read, kept and dropped (per reason) from one source file.
 *
 * <p>It exists because nothing may be lost silently: every row an importer does not keep is
 * counted under a reason such as {@code "rating below 4"} or {@code "malformed (skipped)"}.
 */
public record RowReport(String file, long read, long kept, Map<String, Long> dropped) {
  public RowReport {
    dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
  }

  /** Total rows dropped for any reason. */
  public long droppedTotal() {
    return dropped.values().stream().mapToLong(Long::longValue).sum();
  }
}
