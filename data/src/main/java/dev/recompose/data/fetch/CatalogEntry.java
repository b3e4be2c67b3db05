package dev.recompose.data.fetch;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One fetchable public dataset: its name on the command line, the files that make it up, and the
 * importer format that reads the unpacked folder.
 *
 * <p>It exists so that {@code recompose data fetch NAME} and {@code recompose data import FORMAT
 * --from DIR} meet: after a fetch, {@link #importerFormat} applied to the installed folder imports
 * the data.
 *
 * @param name the dataset's name, lower-case letters, digits and dashes (e.g. {@code ml-100k})
 * @param description one line for listings
 * @param importerFormat the {@code data import} format that reads the installed layout
 * @param homepage the publisher's page (terms of use live there)
 * @param license a short note on the terms of use
 * @param files what to download, in order
 */
public record CatalogEntry(
    String name,
    String description,
    String importerFormat,
    String homepage,
    String license,
    List<RemoteFile> files) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Checks the fields; see the record description. */
  public CatalogEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(importerFormat, "importerFormat");
    homepage = homepage == null ? "" : homepage;
    license = license == null ? "" : license;
    files = List.copyOf(Objects.requireNonNull(files, "files"));
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "dataset name must be lower-case letters, digits and dashes: '" + name + "'");
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("dataset '" + name + "' has no files");
    }
    Set<String> seen = new HashSet<>();
    for (RemoteFile f : files) {
      if (!seen.add(f.fileName())) {
        throw new IllegalArgumentException(
            "dataset '" + name + "' lists file name '" + f.fileName() + "' twice");
      }
    }
  }

  /** True when every file has a known checksum. */
  public boolean pinned() {
    return files.stream().allMatch(RemoteFile::pinned);
  }

  /** Total download size in bytes, or {@code -1} when any file's size is unknown. */
  public long totalBytes() {
    long sum = 0;
    for (RemoteFile f : files) {
      if (!f.sizeKnown()) {
        return -1;
      }
      sum += f.bytes();
    }
    return sum;
  }
}
