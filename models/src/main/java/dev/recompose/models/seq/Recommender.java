package dev.recompose.models.seq;

import java.util.Map;

/**
 * An untrained model with its configuration: {@link #fit} learns from train sequences and
 * returns a {@link Scorer}.
 *
 * <p>It exists so that the CLI and the benchmark runner can treat every model alike: build from a
 * config map, fit, evaluate, and record {@link #config()} (hashed into the result) next to the
 * numbers. Fitting reads only the train part of {@link SequenceData}; validation and test
 * targets stay unseen.
 */
public interface Recommender {
  /** The recipe name, e.g. {@code pop} or {@code itemknn}. */
  String name();

  /** Every setting that changes the fitted model, for the result's config hash. */
  Map<String, Object> config();

  /** Learns from the train sequences of {@code data}. */
  Scorer fit(SequenceData data);
}
