package dev.recompose.cli;

import dev.recompose.bench.quickstart.Quickstart;
import dev.recompose.bench.quickstart.QuickstartOptions;
import dev.recompose.bench.quickstart.QuickstartResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recompose quickstart}: the main job, a small benchmark grid end to end. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the synthetic dataset (or use --data), split it leave-one-out, train and compare a"
          + " small grid of recommenders, print the leaderboard and write the HTML report.",
      "Rerunning resumes: finished runs are skipped."
    })
public final class QuickstartCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "A prepared dataset directory instead of the synthetic one.")
  Path data;

  @Option(names = "--out", defaultValue = "runs/quickstart", paramLabel = "DIR",
      description = "Where the dataset, runs and report go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    QuickstartOptions opts = QuickstartOptions.defaults(out);
    if (data != null) {
      opts = opts.withData(data);
    }
    QuickstartResult r = Quickstart.run(opts, new PrintStream(System.out, true));
    return r.summary().failed() > 0 ? 1 : 0;
  }
}
