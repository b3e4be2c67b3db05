package dev.recompose.models.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The layout of a run directory ({@code runs/NAME/}): {@code config.yaml}, {@code
 * checkpoint.safetensors} (latest: weights, optimiser moments, {@link TrainState}), {@code
 * best.safetensors} (weights of the best validation epoch), {@code train-log.jsonl} and {@code
 * results.json}.
 *
 * <p>It exists so that the trainer, {@code resume} and {@code eval} agree on file names, and so
 * that every file is replaced atomically (written beside, synced, renamed): a SIGKILL leaves
 * either the old or the new file, never half of one.
 */
public record RunDir(Path dir) {
  public RunDir {
    Objects.requireNonNull(dir, "dir");
    dir = dir.toAbsolutePath().normalize();
  }

  public Path config() {
    return dir.resolve("config.yaml");
  }

  public Path checkpoint() {
    return dir.resolve("checkpoint.safetensors");
  }

  public Path best() {
    return dir.resolve("best.safetensors");
  }

  public Path log() {
    return dir.resolve("train-log.jsonl");
  }

  public Path results() {
    return dir.resolve("results.json");
  }

  /** A sibling of {@code target} to write before {@link #commit}. */
  public static Path temp(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  /** Syncs {@code tmp} to disk and renames it over {@code target}. */
  public static void commit(Path tmp, Path target) throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes {@code text} to {@code target} atomically. */
  public static void writeString(Path target, String text) throws IOException {
    Path tmp = temp(target);
    Files.writeString(tmp, text);
    commit(tmp, target);
  }
}
