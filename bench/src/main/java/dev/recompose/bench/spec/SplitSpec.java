package dev.recompose.bench.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The split every dataset of a spec gets: a scheme of {@code dev.recompose.data.split.Splits}
 * with its parameters and seed.
 *
 * <p>It exists because a comparison is only valid on one split (BARS: fixed, published splits);
 * the runner applies it to each dataset before any model sees it.
 */
public record SplitSpec(String scheme, Map<String, String> params, long seed) {
  /** Leave-one-out by time, seed 42: the protocol of SASRec, BERT4Rec and RecBench's SeqRec. */
  public static SplitSpec leaveOneOut() {
    return new SplitSpec("leave-one-out", Map.of(), 42);
  }

  public SplitSpec {
    Objects.requireNonNull(scheme, "scheme");
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }
}
