package dev.recompose.bench;

import dev.recompose.bench.board.Leaderboard;
import dev.recompose.bench.board.LeaderboardFormat;
import dev.recompose.bench.report.HtmlReport;
import dev.recompose.bench.run.ExecutorRegistry;
import dev.recompose.bench.run.GridRunner;
import dev.recompose.bench.run.GridSummary;
import dev.recompose.bench.spec.BenchSpec;
import dev.recompose.bench.spec.SpecParser;
import dev.recompose.data.progress.ProgressFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The three {@code recompose bench} commands as library calls: {@link #run}, {@link
 * #leaderboard} and {@link #report}.
 *
 * <p>It exists so that the CLI is a thin layer (parse flags, call one method, map exceptions to
 * exit codes) and so that a program can drive a benchmark the same way.
 */
public final class Bench {
  private Bench() {}

  /**
   * {@code recompose bench run SPEC [--out DIR]}: runs the spec's grid into {@code out} (null:
   * a directory named after the spec, beside the spec file), resuming what is there; progress
   * bars of long steps (training epochs) go to standard error.
   */
  public static GridSummary run(Path specFile, Path out, PrintStream ps) throws IOException {
    return run(specFile, out, ps, ProgressFactory.CONSOLE);
  }

  /** As {@link #run(Path, Path, PrintStream)} with the progress bars of {@code progress}. */
  public static GridSummary run(Path specFile, Path out, PrintStream ps,
      ProgressFactory progress) throws IOException {
    Objects.requireNonNull(specFile, "specFile");
    ExecutorRegistry registry = ExecutorRegistry.defaults();
    BenchSpec spec = new SpecParser(registry.models()).read(specFile);
    Path dir = out != null ? out
        : specFile.toAbsolutePath().getParent().resolve("bench-" + spec.name());
    return new GridRunner(registry, ps, progress).run(spec, dir);
  }

  /**
   * {@code recompose bench leaderboard DIR}: prints the table and writes
   * {@code leaderboard.csv} and {@code leaderboard.md} into {@code dir}.
   */
  public static Leaderboard leaderboard(Path dir, PrintStream ps) throws IOException {
    Leaderboard board = Leaderboard.read(dir);
    ps.print(LeaderboardFormat.text(board));
    List<Path> files = LeaderboardFormat.write(board, dir);
    ps.println("wrote " + files.get(0) + " and " + files.get(1));
    return board;
  }

  /** {@code recompose bench report DIR}: writes {@code report.html} into {@code dir}. */
  public static Path report(Path dir, PrintStream ps) throws IOException {
    Path p = HtmlReport.write(dir);
    ps.println("report: " + p.toAbsolutePath());
    return p;
  }
}
