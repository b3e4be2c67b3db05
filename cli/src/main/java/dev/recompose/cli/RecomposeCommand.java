package dev.recompose.cli;

import dev.recompose.cli.bench.BenchCommand;
import dev.recompose.cli.data.DataCommand;
import dev.recompose.cli.repr.ReprCommand;
import dev.recompose.cli.train.EvalCommand;
import dev.recompose.cli.train.TrainCommand;
import dev.recompose.data.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root {@code recompose} command: global options and the list of subcommands. */
@Command(
    name = "recompose",
    mixinStandardHelpOptions = true,
    versionProvider = RecomposeCommand.Version.class,
    description = "Import interaction logs, represent items, train and compare recommenders.",
    subcommands = {QuickstartCommand.class, DataCommand.class, ReprCommand.class, TrainCommand.class,
      EvalCommand.class, BenchCommand.class,
      CommandLine.HelpCommand.class})
public final class RecomposeCommand implements Runnable {
  @Option(names = "--verbose", description = "Print stack traces for user errors too.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static boolean verbose(CommandLine cl) {
    CommandLine root = cl;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommand() instanceof RecomposeCommand r && r.verbose;
  }

  /** Prints the build version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"recompose " + BuildInfo.version(),
          "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
