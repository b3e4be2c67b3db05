package dev.recompose.cli.bench;

import dev.recompose.bench.Bench;
import dev.recompose.bench.run.GridSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recompose bench run SPEC [--out DIR]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run every (dataset, representation, model, seed, protocol) of a YAML spec. Finished runs"
          + " are skipped, so a killed or failed grid is resumed by running it again; a run that"
          + " fails becomes a row with its reason and the grid goes on.",
      "Exit code 1 when any run failed."
    })
public final class BenchRunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The bench spec (YAML).")
  Path spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Where runs go (default: the spec's 'out', else next to the spec).")
  Path out;

  @Override
  public Integer call() throws Exception {
    GridSummary s = Bench.run(spec, out, new PrintStream(System.out, true));
    return s.failed() > 0 ? 1 : 0;
  }
}
