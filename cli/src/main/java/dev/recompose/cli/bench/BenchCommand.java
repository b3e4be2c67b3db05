package dev.recompose.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code recompose bench}: run a grid of experiments, rank them, and report. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a grid of datasets x representations x models x seeds from a YAML spec,"
        + " print a leaderboard of quality and cost, and write an HTML report.",
    subcommands = {BenchRunCommand.class, BenchLeaderboardCommand.class, BenchReportCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
