package dev.recompose.data.importer.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: the fixture folders and writable copies of them. */
final class Fixtures {
  private Fixtures() {}

  static Path fixture(String name) {
    return Path.of("src/test/resources/fixtures").resolve(name);
  }

  /** A copy of fixture {@code name} under {@code tmp/src} that a test may damage. */
  static Path copy(String name, Path tmp) throws IOException {
    Path dir = tmp.resolve("src-" + name);
    Files.createDirectories(dir);
    try (var s = Files.list(fixture(name))) {
      for (Path f : s.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  static dev.recompose.data.store.RowReport report(dev.recompose.data.store.Manifest m,
      String file) {
    return m.provenance().rows().stream().filter(x -> x.file().equals(file)).findFirst()
        .orElseThrow(() -> new AssertionError("no row report for " + file));
  }
}
