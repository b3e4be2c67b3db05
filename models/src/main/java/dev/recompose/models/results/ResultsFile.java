package dev.recompose.models.results;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.recompose.data.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes {@code results.json}: a JSON array of {@link EvalResult} rows.
 *
 * <p>It exists so the CLI, the benchmark runner and the leaderboard share one format; writes go
 * to a temporary sibling and are renamed into place, so a killed run never leaves half a file.
 */
public final class ResultsFile {
  /** The conventional file name inside a run directory. */
  public static final String NAME = "results.json";

  private ResultsFile() {}

  /** Writes {@code rows} to {@code file} atomically. */
  public static void write(Path file, List<EvalResult> rows) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rows, "rows");
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = abs.resolveSibling(abs.getFileName() + ".partial");
    Json.mapper().writeValue(tmp.toFile(), rows);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads the rows of {@code file}. */
  public static List<EvalResult> read(Path file) throws IOException {
    return Json.mapper().readValue(file.toFile(), new TypeReference<List<EvalResult>>() {});
  }
}
