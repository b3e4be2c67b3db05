package dev.recompose.cli.data;

import dev.recompose.data.split.SplitScheme;
import dev.recompose.data.split.Splits;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.SplitInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recompose data split DIR --scheme NAME}: assigns rows to train, validation and test. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = {
      "Split a dataset into train / valid / test, deterministically for a seed. The assignment is"
          + " stored as the int8 'split' column (0 train, 1 valid, 2 test, -1 none) and described"
          + " in manifest.json; a new split replaces the previous one.",
      "Run with --list to see the schemes and their options."
    })
public final class DataSplitCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Dataset directory.")
  Path dir;

  @Option(names = "--scheme", paramLabel = "NAME",
      description = "leave-one-out, temporal, user-ratio, impression or recbench-ctr.")
  String scheme;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "Scheme option (repeatable), e.g. -p min-len=3 or -p ratios=0.8,0.1,0.1.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--list", description = "List the schemes and their options.")
  boolean list;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    if (list) {
      for (SplitScheme s : Splits.schemes()) {
        out.printf("%-15s %s%n", s.name(), s.description());
        s.options().forEach((k, v) -> out.printf("    -p %s=...  %s%n", k, v));
      }
      out.flush();
      return 0;
    }
    if (dir == null || scheme == null) {
      throw new IllegalArgumentException("give a dataset directory and --scheme (see --list)");
    }
    SplitInfo info = Splits.apply(Dataset.open(dir), scheme, params, seed);
    out.printf(Locale.ROOT, "split %s: %s on %s, seed %d%n", dir, info.scheme(), info.table(),
        info.seed());
    info.sizes().forEach((k, v) -> out.printf(Locale.ROOT, "  %-6s %,d%n", k, v));
    info.params().forEach((k, v) -> out.printf(Locale.ROOT, "  %s = %s%n", k, v));
    out.flush();
    return 0;
  }
}
