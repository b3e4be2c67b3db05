package dev.recompose.data.split;

import dev.recompose.data.store.StoreLayout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The output of a {@link SplitScheme}: one int8 code per row of {@code table} and the resolved
 * parameters (defaults filled in, plus facts such as how many users were too short to split).
 *
 * <p>It exists so that a split can be computed and inspected (tests, dry runs) without touching
 * the dataset directory; {@link Splits#write} stores it.
 */
public record SplitResult(String table, byte[] codes, Map<String, String> params) {
  public SplitResult {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(codes, "codes");
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** Rows per part: {@code train}, {@code valid}, {@code test}, {@code none}. */
  public Map<String, Long> sizes() {
    long[] n = new long[4];
    for (byte c : codes) {
      n[switch (c) {
        case StoreLayout.SPLIT_TRAIN -> 0;
        case StoreLayout.SPLIT_VALID -> 1;
        case StoreLayout.SPLIT_TEST -> 2;
        default -> 3;
      }]++;
    }
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("train", n[0]);
    m.put("valid", n[1]);
    m.put("test", n[2]);
    m.put("none", n[3]);
    return m;
  }
}
