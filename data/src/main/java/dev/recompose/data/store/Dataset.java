package dev.recompose.data.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An open dataset directory: its manifest plus typed access to tables and vocabularies.
 *
 * <p>It exists as the single entry point for reading prepared data; everything else (splits,
 * training, {@code data info}) starts from {@link #open(Path)}. Opening maps nothing until a
 * column is asked for.
 */
public final class Dataset {
  private final Path dir;
  private final Manifest manifest;

  private Dataset(Path dir, Manifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /** Opens {@code dir}; fails with a clear message when it is not a dataset directory. */
  public static Dataset open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Path m = dir.resolve(StoreLayout.MANIFEST);
    if (!Files.isRegularFile(m)) {
      throw new StoreFormatException(
          dir + " is not a dataset directory (no " + StoreLayout.MANIFEST + "); create one with"
              + " 'recompose data import' or 'recompose data synth'");
    }
    Manifest manifest;
    try {
      manifest = Json.mapper().readValue(m.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new StoreFormatException(m + ": unreadable manifest: " + e.getMessage(), e);
    }
    if (!Manifest.FORMAT.equals(manifest.format())) {
      throw new StoreFormatException(m + ": format is '" + manifest.format() + "', expected '"
          + Manifest.FORMAT + "'");
    }
    if (manifest.version() > Manifest.VERSION) {
      throw new StoreFormatException(m + ": store version " + manifest.version()
          + " is newer than this Recompose reads (" + Manifest.VERSION + ")");
    }
    return new Dataset(dir, manifest);
  }

  public Path dir() {
    return dir;
  }

  public Manifest manifest() {
    return manifest;
  }

  public boolean hasTable(String name) {
    return manifest.tables().containsKey(name);
  }

  /** A table by name; fails listing the tables present. */
  public Table table(String name) {
    TableSpec spec = manifest.tables().get(name);
    if (spec == null) {
      throw new StoreFormatException(
          dir + " has no table '" + name + "'; it has " + manifest.tables().keySet());
    }
    return new Table(dir, name, spec);
  }

  /** A vocabulary by name. */
  public Vocabulary vocab(String name) throws IOException {
    VocabSpec v = manifest.vocabs().get(name);
    if (v == null) {
      throw new StoreFormatException(
          dir + " has no vocabulary '" + name + "'; it has " + manifest.vocabs().keySet());
    }
    Vocabulary voc = Vocabulary.read(dir.resolve(v.file()));
    if (voc.size() != v.size()) {
      throw new StoreFormatException(
          v.file() + ": has " + voc.size() + " tokens, manifest says " + v.size());
    }
    return voc;
  }
}
