package dev.recompose.bench.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset ready for the grid: split as the spec says, with its content checksum.
 *
 * <p>It exists so that every run of a dataset reads the same directory and cites the same
 * checksum and split label ({@code scheme/seed}).
 */
public record PreparedDataset(String name, Path dir, String sha256, String split) {
  public PreparedDataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(split, "split");
  }
}
