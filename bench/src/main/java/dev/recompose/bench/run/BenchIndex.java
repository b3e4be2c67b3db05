package dev.recompose.bench.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.recompose.data.store.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bench-index.json}: every run of a bench directory by id, rewritten atomically (written
 * beside and renamed) after each change of state.
 *
 * <p>It exists to make a grid resumable after a kill: a run is marked RUNNING before it starts
 * and OK or FAILED when it ends, so a restart skips OK runs and retries the rest, and a killed
 * writer leaves the previous complete index, never half of one. The new text is written to
 * {@code bench-index.json.partial}, forced to the device and renamed over the old file; a write
 * that fails (a full disk) removes the partial file and leaves the previous index in place, while
 * the record stays in memory so that the next successful {@link #put} or {@link #flush} saves it.
 */
public final class BenchIndex {
  /** The file name inside a bench directory. */
  public static final String NAME = "bench-index.json";

  private static final String FORMAT = "recompose-bench-index";

  private final Path file;
  private final Map<String, RunRecord> runs;
  private boolean dirty;

  private BenchIndex(Path file, Map<String, RunRecord> runs) {
    this.file = file;
    this.runs = runs;
  }

  /** The on-disk form. */
  @JsonPropertyOrder({"format", "version", "runs"})
  record Doc(String format, int version, Map<String, RunRecord> runs) {}

  /** Reads the index of {@code benchDir}, or an empty one when there is none yet. */
  public static BenchIndex open(Path benchDir) throws IOException {
    Objects.requireNonNull(benchDir, "benchDir");
    Path f = benchDir.resolve(NAME);
    if (!Files.exists(f)) {
      return new BenchIndex(f, new LinkedHashMap<>());
    }
    Doc d;
    try {
      d = Json.mapper().readValue(f.toFile(), Doc.class);
    } catch (IOException e) {
      throw new IOException(f + ": not a readable bench index: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(d.format())) {
      throw new IllegalArgumentException(f + ": format is '" + d.format() + "', expected '"
          + FORMAT + "'");
    }
    return new BenchIndex(f, new LinkedHashMap<>(d.runs() == null ? Map.of() : d.runs()));
  }

  /** Whether {@code benchDir} holds an index. */
  public static boolean exists(Path benchDir) {
    return Files.exists(benchDir.resolve(NAME));
  }

  /** The record of run {@code id}, or null. */
  public RunRecord get(String id) {
    return runs.get(id);
  }

  /** Every record, in the order runs were first recorded. */
  public List<RunRecord> all() {
    return new ArrayList<>(runs.values());
  }

  /**
   * Records {@code r} (replacing the record of the same id) and rewrites the file. When the
   * write fails the record is kept in memory (the next put or {@link #flush} writes it), the file
   * keeps its previous content, and the failure is thrown.
   */
  public synchronized void put(RunRecord r) throws IOException {
    runs.put(r.id(), r);
    write();
  }

  /** Rewrites the file when a write has failed since the last successful one. */
  public synchronized void flush() throws IOException {
    if (dirty) {
      write();
    }
  }

  /** Whether the file lacks changes recorded in memory (its last write failed). */
  public synchronized boolean dirty() {
    return dirty;
  }

  /** The index file. */
  public Path file() {
    return file;
  }

  private void write() throws IOException {
    dirty = true;
    Files.createDirectories(file.getParent());
    byte[] bytes = Json.mapper().writeValueAsBytes(new Doc(FORMAT, 1, runs));
    Path tmp = file.resolveSibling(NAME + ".partial");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the partial file is never read; the next write truncates it
      }
      throw new IOException("cannot save the bench index " + file + ": " + e.getMessage()
          + "; the previous index is unchanged", e);
    }
    dirty = false;
  }
}
