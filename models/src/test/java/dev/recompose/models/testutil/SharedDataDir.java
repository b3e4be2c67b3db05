package dev.recompose.models.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public datasets in {@code ../shared/data} for integration tests; skips the test
 * with a message when absent (same idea as data's {@code SharedData}, which lives in data's test
 * sources and is not visible here).
 */
public final class SharedDataDir {
  private SharedDataDir() {}

  /** The folder of {@code name}, or a skipped test when it is absent. */
  public static Path require(String name) {
    String base = System.getProperty("recompose.shared.data", "../shared/data");
    Path p = Path.of(base).resolve(name);
    assumeTrue(Files.isDirectory(p),
        "shared dataset " + p + " not found: skipping (set -Drecompose.shared.data=DIR)");
    return p;
  }
}
