package dev.recompose.bench.run;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes sure a dataset carries the columns an item representation needs ({@code emb}: a vector
 * column such as {@code emb_minilm}; {@code sid}: the semantic-id column), computing them when
 * they are missing.
 *
 * <p>It exists so that a spec can ask for RecBench's item forms on a raw dataset and the grid
 * computes each form once per dataset, before the first run that needs it, instead of every
 * executor doing so. Preparers are found like executors: built in, or through
 * {@code META-INF/services/dev.recompose.bench.run.RepresentationPreparer}. The runner calls
 * them only on datasets it owns (under the bench's {@code datasets/}); a user's prepared
 * directory is never written to.
 */
public interface RepresentationPreparer {
  /** The representations this preparer can provide. */
  Set<String> representations();

  /** Whether {@code datasetDir} already carries {@code representation}. */
  boolean isPresent(Path datasetDir, String representation) throws Exception;

  /** Computes and stores {@code representation} in {@code datasetDir}. */
  void prepare(Path datasetDir, String representation, Consumer<String> log) throws Exception;
}
