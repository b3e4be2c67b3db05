package dev.recompose.data.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes {@code manifest.json} atomically (temp file, then rename over the old one). */
final class ManifestFiles {
  private ManifestFiles() {}

  static void write(Path dir, Manifest m) throws IOException {
    Path tmp = dir.resolve(StoreLayout.MANIFEST + ".tmp");
    Json.mapper().writeValue(tmp.toFile(), m);
    Files.move(
        tmp,
        dir.resolve(StoreLayout.MANIFEST),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
