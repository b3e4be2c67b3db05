package dev.recompose.data.store;

import dev.recompose.data.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates a new dataset directory atomically: columns are written into a hidden sibling
 * directory, which is renamed into place only by {@link #commit}.
 *
 * <p>It exists so that an import that fails or is killed half way leaves nothing that looks
 * like a dataset: the target either holds the previous dataset (or nothing) or the new one.
 */
public final class DatasetWriter implements AutoCloseable {
  private final Path out;
  private final Path tmp;
  private final boolean overwrite;
  private final Clock clock;
  private final Map<String, TableWriter> tables = new LinkedHashMap<>();
  private final Map<String, VocabSpec> vocabs = new LinkedHashMap<>();
  private boolean committed;

  private DatasetWriter(Path out, Path tmp, boolean overwrite, Clock clock) {
    this.out = out;
    this.tmp = tmp;
    this.overwrite = overwrite;
    this.clock = clock;
  }

  /**
   * Starts a dataset at {@code out}.
   *
   * @param overwrite whether an existing dataset at {@code out} may be replaced; without it an
   *     existing non-empty directory is an error
   */
  public static DatasetWriter create(Path out, boolean overwrite, Clock clock) throws IOException {
    Objects.requireNonNull(out, "out");
    Path abs = out.toAbsolutePath().normalize();
    if (Files.exists(abs) && !overwrite && !isEmptyDir(abs)) {
      throw new StoreFormatException(
          abs + " already exists and is not empty; pass --force to replace it");
    }
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new StoreFormatException(abs + " exists and is not a directory");
    }
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
    return new DatasetWriter(abs, tmp, overwrite, clock);
  }

  /** Starts a dataset at {@code out} with the system clock. */
  public static DatasetWriter create(Path out, boolean overwrite) throws IOException {
    return create(out, overwrite, Clock.systemUTC());
  }

  private static boolean isEmptyDir(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (var s = Files.list(p)) {
      return s.findAny().isEmpty();
    }
  }

  /** The table writer for {@code name}, created on first use. */
  public TableWriter table(String name, String description) {
    return tables.computeIfAbsent(
        name, n -> new TableWriter(tmp, n, description, "", -1));
  }

  /** Writes a vocabulary. */
  public void vocab(String name, List<String> tokens, String description) throws IOException {
    Objects.requireNonNull(name, "name");
    String file = StoreLayout.vocabFile(name);
    Vocabulary.write(tmp.resolve(file), tokens);
    vocabs.put(name, new VocabSpec(file, tokens.size(), description));
  }

  /**
   * Finishes every table, writes the manifest and renames the directory into place.
   *
   * @param counts headline counts, or null to derive them from the {@code user} and {@code item}
   *     vocabularies and the table sizes
   */
  public Manifest commit(String name, Counts counts, Provenance provenance, SplitInfo split)
      throws IOException {
    if (committed) {
      throw new IllegalStateException("already committed");
    }
    Map<String, TableSpec> specs = new LinkedHashMap<>();
    for (TableWriter t : tables.values()) {
      specs.put(t.name(), t.finish(null));
    }
    Counts c = counts != null ? counts : derive(specs);
    Manifest m =
        new Manifest(
            Manifest.FORMAT,
            Manifest.VERSION,
            name,
            "recompose " + BuildInfo.version(),
            clock.instant().toString(),
            c,
            specs,
            vocabs,
            provenance,
            split,
            null);
    m = m.withContentSha256(ContentDigest.ofDataset(tmp, m));
    ManifestFiles.write(tmp, m);
    if (Files.exists(out)) {
      if (!overwrite && !isEmptyDir(out)) {
        throw new StoreFormatException(out + " appeared while importing; not replacing it");
      }
      Path old = out.resolveSibling("." + out.getFileName() + ".old-" + System.nanoTime());
      Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    }
    committed = true;
    return m;
  }

  private Counts derive(Map<String, TableSpec> specs) {
    long users = vocabs.containsKey(StoreLayout.USER) ? vocabs.get(StoreLayout.USER).size() : 0;
    long items = vocabs.containsKey(StoreLayout.ITEM) ? vocabs.get(StoreLayout.ITEM).size() : 0;
    TableSpec inter = specs.get(StoreLayout.INTERACTIONS);
    TableSpec imp = specs.get(StoreLayout.IMPRESSIONS);
    return new Counts(users, items, inter == null ? 0 : inter.rows(), imp == null ? 0 : imp.rows());
  }

  /** Deletes the partial directory unless committed. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      for (TableWriter t : tables.values()) {
        try {
          t.finish(null);
        } catch (RuntimeException | IOException ignored) {
          // closing files only; the directory is deleted next
        }
      }
      deleteTree(tmp);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (var s = Files.walk(root)) {
      s.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(all.get(i));
    }
  }
}
