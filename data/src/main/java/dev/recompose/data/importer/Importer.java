package dev.recompose.data.importer;

import dev.recompose.data.store.Manifest;
import java.io.IOException;
import java.util.Map;

/**
 * Reads one publisher's file layout and writes a dataset directory.
 *
 * <p>It exists as the single seam between the zoo of public formats and the store: an importer
 * parses and accounts for rows, and hands an {@link ImportedData} to {@link DatasetAssembler},
 * which applies the common filters and writes the store atomically.
 */
public interface Importer {
  /** The format name used on the command line, e.g. {@code movielens-100k}. */
  String format();

  /** One line on what files this importer reads. */
  String description();

  /**
   * Format-specific options this importer accepts (name to help text), in addition to the common
   * ones of {@link DatasetAssembler#COMMON_OPTIONS}.
   */
  default Map<String, String> options() {
    return Map.of();
  }

  /** Reads {@code request.from()} into memory (streaming, accounted). */
  ImportedData read(ImportRequest request) throws IOException;

  /** Reads and writes the dataset; returns the manifest written. */
  default Manifest run(ImportRequest request) throws IOException {
    DatasetAssembler.checkOptions(this, request);
    return DatasetAssembler.write(this, request, read(request));
  }
}
