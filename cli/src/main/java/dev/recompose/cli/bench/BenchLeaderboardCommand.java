package dev.recompose.cli.bench;

import dev.recompose.bench.Bench;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code recompose bench leaderboard DIR}. */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = "Print the leaderboard of a bench directory (mean ± std over seeds, best per"
        + " dataset marked) and write leaderboard.csv and leaderboard.md beside it.")
public final class BenchLeaderboardCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "A bench output directory.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Bench.leaderboard(dir, new PrintStream(System.out, true));
    return 0;
  }
}
