package dev.recompose.cli.data;

import dev.recompose.data.info.DatasetSummary;
import dev.recompose.data.info.DatasetSummaryText;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recompose data info DIR [--json]}: describes a prepared dataset. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Show schema, counts, vocabularies, density, interactions per user, split and"
        + " provenance of a dataset directory.")
public final class DataInfoCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "Dataset directory.")
  Path dir;

  @Option(names = "--json", description = "Print JSON (for scripts) instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DatasetSummary s = DatasetSummary.of(Dataset.open(dir));
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writeValueAsString(s));
    } else {
      out.print(DatasetSummaryText.render(s));
    }
    out.flush();
    return 0;
  }
}
