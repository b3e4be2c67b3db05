package dev.recompose.data.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a dataset came from: the importer and its options, every source file with its checksum,
 * the row report per file, the filters applied and free-form notes (for example whether CTR
 * negatives are logged or sampled).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Provenance(
    String importer,
    String source,
    Map<String, String> options,
    List<SourceFile> files,
    List<RowReport> rows,
    List<FilterStep> filters,
    Map<String, String> notes) {
  public Provenance {
    options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
    files = List.copyOf(files == null ? List.of() : files);
    rows = List.copyOf(rows == null ? List.of() : rows);
    filters = List.copyOf(filters == null ? List.of() : filters);
    notes = Collections.unmodifiableMap(new TreeMap<>(notes == null ? Map.of() : notes));
  }

  /** This provenance with one more filter step appended. */
  public Provenance withFilter(FilterStep step) {
    List<FilterStep> f = new java.util.ArrayList<>(filters);
    f.add(step);
    return new Provenance(importer, source, options, files, rows, f, notes);
  }
}
