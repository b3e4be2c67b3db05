package dev.recompose.cli.bench;

import dev.recompose.bench.Bench;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code recompose bench report DIR}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write DIR/report.html: one self-contained page (inline SVG, no scripts) with the"
        + " leaderboard, quality versus latency with the Pareto front, training curves and the"
        + " item representations compared.")
public final class BenchReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "A bench output directory.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Bench.report(dir, new PrintStream(System.out, true));
    return 0;
  }
}
