package dev.recompose.models.seq;

import java.util.Objects;

/**
 * The identity of the data an evaluation ran on: dataset name, content checksum, split scheme
 * and split seed.
 *
 * <p>It exists so that every result row can cite exactly which prepared dataset and which split
 * produced it (DESIGN.md: "every result row carries its protocol, split, dataset checksum...").
 * {@code contentSha256} is the manifest's digest over every column; null only for in-memory data
 * built in tests.
 */
public record DatasetRef(String name, String contentSha256, String splitScheme, long splitSeed) {
  public DatasetRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(splitScheme, "splitScheme");
  }

  /** A reference for data built in memory (tests, synthetic benchmarks). */
  public static DatasetRef inMemory(String name) {
    return new DatasetRef(name, null, "in-memory", 0);
  }
}
