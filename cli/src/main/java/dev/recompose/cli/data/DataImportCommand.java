package dev.recompose.cli.data;

import dev.recompose.data.importer.BadRowPolicy;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.importer.ImporterRegistry;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.RowReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recompose data import FORMAT --from PATH --out DIR}: runs an importer. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a dataset from the files its publisher distributes.",
      "Formats: see 'recompose data formats'. Every row read is counted as kept or dropped"
          + " (with its reason) in the summary and in manifest.json."
    })
public final class DataImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FORMAT", description = "Importer format, e.g. movielens-100k.")
  String format;

  @Option(names = "--from", required = true, paramLabel = "PATH", description = "Source file or folder.")
  Path from;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory to create.")
  Path out;

  @Option(names = "--force", description = "Replace an existing dataset at --out.")
  boolean force;

  @Option(names = "--on-bad-row", paramLabel = "POLICY", defaultValue = "fail",
      description = "fail (default): stop at the first malformed row with file, line and column;"
          + " skip: skip malformed rows and count them.")
  String onBadRow;

  @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
      description = "Importer or filter option (repeatable), e.g. -o kcore=5 -o min-rating=4.")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Importer importer = ImporterRegistry.get(format);
    BadRowPolicy policy = switch (onBadRow.toLowerCase(Locale.ROOT)) {
      case "fail" -> BadRowPolicy.FAIL;
      case "skip" -> BadRowPolicy.SKIP;
      default -> throw new IllegalArgumentException(
          "--on-bad-row: expected fail or skip, found '" + onBadRow + "'");
    };
    ImportRequest req = new ImportRequest(from, out, force, policy, options,
        quiet ? ProgressFactory.NONE : ProgressFactory.CONSOLE);
    long t0 = System.nanoTime();
    Manifest m = importer.run(req);
    double secs = (System.nanoTime() - t0) / 1e9;
    var o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "imported %s -> %s in %.2f s%n", format, out, secs);
    o.printf(Locale.ROOT, "  %,d users, %,d items, %,d interactions, %,d impressions%n",
        m.counts().users(), m.counts().items(), m.counts().interactions(), m.counts().impressions());
    for (RowReport r : m.provenance().rows()) {
      o.printf(Locale.ROOT, "  %-32s read %,d  kept %,d  dropped %,d%n", r.file(), r.read(),
          r.kept(), r.droppedTotal());
      r.dropped().forEach((why, n) -> o.printf(Locale.ROOT, "      %,d: %s%n", n, why));
    }
    m.provenance().filters().forEach(f -> o.printf(Locale.ROOT, "  filter %s %s: %,d -> %,d%n",
        f.name(), f.params(), f.rowsBefore(), f.rowsAfter()));
    return 0;
  }
}
