package dev.recompose.bench.spec;

import java.util.Objects;

/**
 * A named dataset of a benchmark spec and where it comes from.
 *
 * <p>It exists so that results and leaderboards group by a short, user-chosen name while the
 * source stays a recipe ({@link DatasetSource}).
 */
public record DatasetSpec(String name, DatasetSource source) {
  public DatasetSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("dataset name '" + name + "' must be letters, digits,"
          + " '.', '_' or '-' (it names a directory)");
    }
  }
}
