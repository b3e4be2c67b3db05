package dev.recompose.cli.data;

import dev.recompose.data.fetch.CatalogEntry;
import dev.recompose.data.fetch.DatasetCatalog;
import dev.recompose.data.fetch.DatasetFetcher;
import dev.recompose.data.fetch.FetchOptions;
import dev.recompose.data.fetch.FetchResult;
import dev.recompose.data.progress.ProgressFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recompose data fetch NAME}: downloads, verifies and unpacks a public dataset. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Download a public dataset from its publisher, verify size and checksum, and unpack it into"
          + " the layout its importer reads. Downloads resume after an interruption.",
      "Run with --list to see the names. Nothing is ever downloaded except by this command."
    })
public final class DataFetchCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Dataset name, e.g. ml-100k.")
  String name;

  @Option(names = "--list", description = "List the datasets that can be fetched.")
  boolean list;

  @Option(names = "--dest", defaultValue = "datasets", paramLabel = "DIR",
      description = "Folder the dataset is installed under (default: ${DEFAULT-VALUE}).")
  Path dest;

  @Option(names = "--mirror", paramLabel = "URL", description = "Base URL of a mirror to download from instead.")
  String mirror;

  @Option(names = "--sha256", paramLabel = "FILE=HEX",
      description = "Expected SHA-256 of a file (repeatable); overrides or pins the catalog's.")
  Map<String, String> sha256 = new LinkedHashMap<>();

  @Option(names = "--allow-unpinned", description = "Install files whose checksum the catalog does not know.")
  boolean allowUnpinned;

  @Option(names = "--force", description = "Download again even when installed.")
  boolean force;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "Response and stall timeout (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    DatasetCatalog catalog = DatasetCatalog.standard();
    if (list || name == null) {
      for (CatalogEntry e : catalog.entries()) {
        out.printf("%-26s %-16s %s%s%n", e.name(), e.importerFormat(), e.description(),
            e.pinned() ? "" : "  [unpinned: needs --sha256 or --allow-unpinned]");
      }
      out.flush();
      return 0;
    }
    FetchOptions opts = FetchOptions.defaults()
        .withAllowUnpinned(allowUnpinned)
        .withForce(force)
        .withTimeouts(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(timeoutSeconds));
    if (mirror != null) {
      opts = opts.withBaseUrl(mirror);
    }
    for (Map.Entry<String, String> e : sha256.entrySet()) {
      opts = opts.withExpectedSha256(e.getKey(), e.getValue());
    }
    FetchResult r = new DatasetFetcher(DatasetFetcher.defaultHttpClient(),
        quiet ? ProgressFactory.NONE : ProgressFactory.CONSOLE).fetch(catalog.get(name), dest, opts);
    out.printf("%s %s in %s%n", r.alreadyInstalled() ? "already installed:" : "installed",
        r.dataset(), r.directory());
    out.printf("next: recompose data import %s --from %s --out <DIR>%n", r.importerFormat(),
        r.directory());
    out.flush();
    return 0;
  }
}
