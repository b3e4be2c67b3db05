package dev.recompose.data.importer;

import dev.recompose.data.store.RowReport;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts rows read, kept and dropped (per reason) for one source file.
 *
 * <p>It exists so that importers account for every row they see; {@link #report()} goes into the
 * manifest and the import summary.
 */
public final class RowCounter {
  private final String file;
  private final BadRowPolicy policy;
  private long read;
  private long kept;
  private final Map<String, Long> dropped = new TreeMap<>();

  public RowCounter(String file, BadRowPolicy policy) {
    this.file = file;
    this.policy = policy;
  }

  public void read() {
    read++;
  }

  public void kept() {
    kept++;
  }

  /** Counts a row dropped for {@code reason} (a short phrase such as "rating below 4"). */
  public void drop(String reason) {
    dropped.merge(reason, 1L, Long::sum);
  }

  /**
   * Handles a malformed row: rethrows under {@link BadRowPolicy#FAIL}, counts it under
   * {@link BadRowPolicy#SKIP}.
   */
  public void bad(DataFormatException e) {
    if (policy == BadRowPolicy.FAIL) {
      throw e;
    }
    drop("malformed, skipped: expected " + e.expected());
  }

  public long readCount() {
    return read;
  }

  public long keptCount() {
    return kept;
  }

  public RowReport report() {
    return new RowReport(file, read, kept, dropped);
  }
}
