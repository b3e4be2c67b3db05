package dev.recompose.data.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Adds or replaces columns of an existing dataset (a split, an embedding, semantic ids).
 *
 * <p>New column files are written with a {@code .partial} suffix; {@link #commit} renames them
 * into place and then rewrites the manifest atomically, so a killed job leaves the dataset as it
 * was (plus stray {@code .partial} files, which are ignored and overwritten next time).
 */
public final class DatasetUpdater implements AutoCloseable {
  private static final String SUFFIX = ".partial";
  private final Dataset dataset;
  private final Map<String, TableWriter> tables = new LinkedHashMap<>();
  private boolean committed;

  private DatasetUpdater(Dataset dataset) {
    this.dataset = dataset;
  }

  public static DatasetUpdater open(Dataset dataset) {
    return new DatasetUpdater(Objects.requireNonNull(dataset, "dataset"));
  }

  /** A writer for new columns of the existing table {@code name} (same row count). */
  public TableWriter table(String name) {
    long rows = dataset.table(name).rows();
    return tables.computeIfAbsent(name, n -> new TableWriter(dataset.dir(), n, null, SUFFIX, rows));
  }

  /** Renames the new files into place and writes the manifest, edited by {@code edit}. */
  public Manifest commit(UnaryOperator<Manifest> edit) throws IOException {
    Manifest m = dataset.manifest();
    Map<String, TableSpec> specs = new LinkedHashMap<>(m.tables());
    List<String> files = new ArrayList<>();
    for (TableWriter t : tables.values()) {
      specs.put(t.name(), t.finish(specs.get(t.name())));
      files.addAll(t.files());
    }
    for (String f : files) {
      Files.move(
          dataset.dir().resolve(f + SUFFIX),
          dataset.dir().resolve(f),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    }
    Manifest next = edit.apply(m.withTables(specs));
    next = next.withContentSha256(ContentDigest.ofDataset(dataset.dir(), next));
    ManifestFiles.write(dataset.dir(), next);
    committed = true;
    return next;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      for (TableWriter t : tables.values()) {
        try {
          t.finish(null);
        } catch (RuntimeException | IOException ignored) {
          // closing files only
        }
        for (String f : t.files()) {
          Files.deleteIfExists(dataset.dir().resolve(f + SUFFIX));
        }
      }
    }
  }
}
