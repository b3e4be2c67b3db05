package dev.recompose.cli.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code recompose data}: import, inspect, split, generate and fetch datasets. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Import, inspect, split, generate and fetch datasets.",
    subcommands = {
      DataImportCommand.class,
      DataInfoCommand.class,
      DataFormatsCommand.class,
      DataFetchCommand.class,
      DataSplitCommand.class,
      DataSynthCommand.class
    })
public final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
