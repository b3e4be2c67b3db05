package dev.recompose.cli.data;

import dev.recompose.data.importer.DatasetAssembler;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.importer.ImporterRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code recompose data formats}: lists importers and their options. */
@Command(name = "formats", mixinStandardHelpOptions = true,
    description = "List the import formats and the options each accepts.")
public final class DataFormatsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (Importer i : ImporterRegistry.all()) {
      out.printf("%-16s %s%n", i.format(), i.description());
      i.options().forEach((k, v) -> out.printf("    -o %s=...  %s%n", k, v));
    }
    out.println();
    out.println("options of every format:");
    DatasetAssembler.COMMON_OPTIONS.forEach((k, v) -> out.printf("    -o %s=...  %s%n", k, v));
    out.flush();
    return 0;
  }
}
