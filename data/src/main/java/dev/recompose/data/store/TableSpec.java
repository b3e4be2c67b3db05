package dev.recompose.data.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manifest's description of one table: a row count and named columns of that many rows.
 *
 * <p>Tables are {@code interactions}, {@code items} (row i describes item id i), {@code users}
 * (row i describes user id i) and {@code impressions}; see {@link StoreLayout}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableSpec(long rows, String description, Map<String, ColumnSpec> columns) {
  public TableSpec {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, was " + rows);
    }
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** This table with one more (or a replaced) column. */
  public TableSpec withColumn(String name, ColumnSpec spec) {
    Map<String, ColumnSpec> c = new LinkedHashMap<>(columns);
    c.put(name, spec);
    return new TableSpec(rows, description, c);
  }
}
