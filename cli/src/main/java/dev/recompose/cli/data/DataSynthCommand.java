package dev.recompose.cli.data;

import dev.recompose.data.store.Manifest;
import dev.recompose.data.synth.SynthConfig;
import dev.recompose.data.synth.SyntheticDatasetGenerator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recompose data synth}: generates the embedded default dataset. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic dataset: users whose topic tastes drift, items with titles from topic"
          + " vocabularies, sequential dependence, and impressions with logged negatives. Same"
          + " seed, same bytes. This is the data the quickstart uses when you name none."
    })
public final class DataSynthCommand implements Callable<Integer> {
  @Option(names = "--users", defaultValue = "2000", description = "Users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--items", defaultValue = "1000", description = "Items (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory to create.")
  Path out;

  @Option(names = "--force", description = "Replace an existing dataset at --out.")
  boolean force;

  @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
      description = "Generator option (repeatable): topics, mean-sequence-length, drift-rate,"
          + " successor-rate, impressions-per-user, negatives-per-impression.")
  Map<String, String> options = new LinkedHashMap<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SynthConfig cfg = SynthConfig.of(users, items, seed).withOptions(options);
    Manifest m = SyntheticDatasetGenerator.generate(cfg, out, force);
    var o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "generated %s: %,d users, %,d items, %,d interactions, %,d impressions%n",
        out, m.counts().users(), m.counts().items(), m.counts().interactions(),
        m.counts().impressions());
    o.flush();
    return 0;
  }
}
