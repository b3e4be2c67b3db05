package dev.recompose.data.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a table's rows were assigned to train, validation and test.
 *
 * <p>The assignment itself is the int8 column {@code split} of {@code table} (see
 * {@link StoreLayout#SPLIT_TRAIN} and siblings); this record says which scheme, parameters and
 * seed produced it and how many rows landed in each part.
 */
public record SplitInfo(
    String scheme, String table, long seed, Map<String, String> params, Map<String, Long> sizes) {
  public SplitInfo {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
    sizes = Collections.unmodifiableMap(new TreeMap<>(sizes));
  }
}
