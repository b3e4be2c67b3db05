package dev.recompose.bench.quickstart;

import dev.recompose.bench.board.Leaderboard;
import dev.recompose.bench.board.LeaderboardFormat;
import dev.recompose.bench.report.HtmlReport;
import dev.recompose.bench.run.ExecutorRegistry;
import dev.recompose.bench.run.GridRunner;
import dev.recompose.bench.run.GridSummary;
import dev.recompose.bench.spec.BenchSpec;
import dev.recompose.bench.spec.CostOptions;
import dev.recompose.bench.spec.DatasetSource;
import dev.recompose.bench.spec.DatasetSpec;
import dev.recompose.bench.spec.SpecWriter;
import dev.recompose.bench.spec.SplitSpec;
import dev.recompose.data.progress.ProgressFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code recompose quickstart}: the main job in one command. Generates the synthetic dataset
 * (or takes {@code --data DIR}), splits it leave-one-out, runs {@link QuickstartGrid} with
 * progress, prints the leaderboard, writes it as CSV and Markdown, writes the HTML report and
 * prints its path, and leaves {@code quickstart.yaml} behind so the same grid can be run on
 * other data with {@code recompose bench run}.
 *
 * <p>It exists because RecBench's comparison (quality and cost of conventional and LLM-era
 * recommenders, per item form) should be the first thing a new user sees, not the last. The run
 * is resumable like any bench: running it again skips what finished.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the quickstart with the default executors, progress bars on standard error. */
  public static QuickstartResult run(QuickstartOptions opts, PrintStream out) throws IOException {
    return run(opts, ExecutorRegistry.defaults(), ProgressFactory.CONSOLE, out);
  }

  /** Runs the quickstart with the executors of {@code registry}, without progress bars. */
  public static QuickstartResult run(QuickstartOptions opts, ExecutorRegistry registry,
      PrintStream out) throws IOException {
    return run(opts, registry, ProgressFactory.NONE, out);
  }

  /** Runs the quickstart with the executors of {@code registry} and {@code progress} bars. */
  public static QuickstartResult run(QuickstartOptions opts, ExecutorRegistry registry,
      ProgressFactory progress, PrintStream out) throws IOException {
    Objects.requireNonNull(opts, "opts");
    Objects.requireNonNull(out, "out");
    DatasetSpec ds = opts.data() == null
        ? new DatasetSpec("synthetic", new DatasetSource.Synthetic(opts.synthOptions()))
        : new DatasetSpec(name(opts.data()), new DatasetSource.Prepared(
            opts.data().toAbsolutePath().normalize()));
    BenchSpec spec = new BenchSpec("quickstart", List.of(ds), SplitSpec.leaveOneOut(),
        QuickstartGrid.models(registry), opts.seeds(), QuickstartGrid.protocols(registry), true,
        opts.budget(), CostOptions.defaults());
    Files.createDirectories(opts.out());
    Path specFile = opts.out().resolve("quickstart.yaml");
    Files.writeString(specFile, SpecWriter.toYaml(spec));
    out.println("Recompose quickstart: " + spec.models().size() + " models on "
        + (opts.data() == null ? "the synthetic dataset" : opts.data().toString())
        + ", leave-one-out, protocols " + String.join(", ", spec.protocols()) + " -> "
        + opts.out().toAbsolutePath());
    List<String> missing = QuickstartGrid.missing(registry);
    if (!missing.isEmpty()) {
      out.println("(not in this build: " + String.join(", ", missing) + ")");
    }
    GridSummary summary = new GridRunner(registry, out, progress).run(spec, opts.out());
    Leaderboard board = Leaderboard.read(opts.out());
    out.println();
    out.print(LeaderboardFormat.text(board));
    List<Path> files = LeaderboardFormat.write(board, opts.out());
    Path report = HtmlReport.write(opts.out());
    out.println("leaderboard: " + files.get(0) + ", " + files.get(1));
    out.println("report: " + report.toAbsolutePath());
    out.println("same grid on your data: edit the dataset in " + specFile.toAbsolutePath()
        + " (e.g. {name: ml-100k, import: {format: movielens-100k, from: ../shared/data/ml-100k}})"
        + " and run: recompose bench run " + specFile + " --out DIR");
    return new QuickstartResult(summary, board, specFile, report);
  }

  private static String name(Path data) {
    Path f = data.toAbsolutePath().normalize().getFileName();
    String n = f == null ? "data" : f.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0)) ? "data-" + n : n;
  }
}
