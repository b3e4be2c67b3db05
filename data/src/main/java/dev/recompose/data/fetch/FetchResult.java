package dev.recompose.data.fetch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of {@link DatasetFetcher#fetch}: where the dataset now is and what was fetched.
 *
 * <p>It exists so the command line can print the next step ({@code recompose data import FORMAT
 * --from DIR}) and the computed checksums without reading {@code FETCHED.json} back.
 *
 * @param dataset the catalog name
 * @param importerFormat the import format that reads {@link #directory}
 * @param directory the installed dataset folder
 * @param files one row per downloaded file (those recorded earlier when already installed)
 * @param fetchedAt when the files were installed
 * @param alreadyInstalled true when nothing was downloaded because the dataset was there already
 */
public record FetchResult(
    String dataset,
    String importerFormat,
    Path directory,
    List<FetchedFile> files,
    Instant fetchedAt,
    boolean alreadyInstalled) {

  /** Copies the list. */
  public FetchResult {
    files = List.copyOf(files);
  }
}
