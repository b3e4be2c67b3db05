package dev.recompose.cli.train;

import dev.recompose.models.results.EvalResult;
import dev.recompose.models.results.ResultTable;
import dev.recompose.models.train.EvalJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recompose eval --run DIR --protocol P}: evaluates a trained sequential or CTR run. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a trained run on the test part under a named protocol: full (rank every item;"
          + " items in the user's history are masked unless --keep-history), sampled-100-uniform,"
          + " sampled-100-popular (100 sampled negatives; these inflate numbers).",
      "The result replaces the row of the same protocol in the run's results.json and is printed.",
      "A CTR run is re-evaluated under ctr-logged from its best.safetensors (the default protocol"
          + " 'full' means ctr-logged there) and compared with its results.json."
    })
public final class EvalCommand implements Callable<Integer> {
  @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run directory from 'recompose train'.")
  Path run;

  @Option(names = "--protocol", defaultValue = "full", description = "full, sampled-100-uniform or sampled-100-popular; ctr-logged for CTR runs (default: ${DEFAULT-VALUE}).")
  String protocol;

  @Option(names = "--keep-history", description = "Do not mask the user's history under 'full'.")
  boolean keepHistory;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (dev.recompose.models.ctr.CtrRun.isCtrRun(run)) {
      if (!protocol.equals("full") && !protocol.equals("ctr-logged")) {
        throw new IllegalArgumentException(run + " is a CTR run: its protocol is ctr-logged, not "
            + protocol);
      }
      CtrTrainRun.eval(run, json, spec.commandLine().getOut());
      return 0;
    }
    EvalResult r = EvalJob.run(run, protocol, !keepHistory);
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(dev.recompose.data.store.Json.mapper().writeValueAsString(r));
    } else {
      out.print(ResultTable.format(List.of(r)));
    }
    out.flush();
    return 0;
  }
}
