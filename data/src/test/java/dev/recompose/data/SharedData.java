package dev.recompose.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public datasets in {@code ../shared/data} for integration tests.
 *
 * <p>The folder comes from the system property {@code recompose.shared.data} (set by the build);
 * when it or the named dataset is absent, the calling test is skipped with a message, so a fresh
 * clone without the data still passes.
 */
public final class SharedData {
  private SharedData() {}

  /** The folder of {@code name}, or a skipped test when it is absent. */
  public static Path require(String name) {
    String base = System.getProperty("recompose.shared.data", "../shared/data");
    Path p = Path.of(base).resolve(name);
    assumeTrue(Files.isDirectory(p),
        "shared dataset " + p + " not found: skipping (set -Drecompose.shared.data=DIR)");
    return p;
  }
}
