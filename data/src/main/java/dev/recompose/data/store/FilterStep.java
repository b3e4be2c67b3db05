package dev.recompose.data.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One filter applied to the interactions after import (k-core, rating threshold, de-duplication),
 * with its parameters and the row counts before and after.
 */
public record FilterStep(String name, Map<String, String> params, long rowsBefore, long rowsAfter) {
  public FilterStep {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }
}
