package dev.recompose.bench.run;

import dev.recompose.bench.spec.DatasetSource;
import dev.recompose.bench.spec.DatasetSpec;
import dev.recompose.bench.spec.SplitSpec;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImporterRegistry;
import dev.recompose.data.split.Splits;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.synth.SynthConfig;
import dev.recompose.data.synth.SyntheticDatasetGenerator;
import dev.recompose.models.results.ConfigHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns a spec's dataset into a split dataset directory: imports or generates it under the
 * bench's {@code datasets/} folder (once; a marker file remembers the recipe, so a changed
 * recipe rebuilds it) and applies the spec's split when the dataset does not already have it.
 *
 * <p>It exists so that a spec is self-contained (BARS: the data pipeline is part of the
 * benchmark) and so that a user's prepared directory is never modified: when it lacks the split,
 * it is copied first.
 */
public final class DatasetPreparer {
  /** The marker with the canonical JSON of the source recipe. */
  static final String MARKER = ".bench-source.json";

  private DatasetPreparer() {}

  /** Prepares {@code d} with {@code split} under {@code datasetsDir}. */
  public static PreparedDataset prepare(DatasetSpec d, SplitSpec split, Path datasetsDir,
      Consumer<String> log) throws IOException {
    Objects.requireNonNull(d, "d");
    Objects.requireNonNull(split, "split");
    Path target = datasetsDir.resolve(d.name());
    Path dir = switch (d.source()) {
      case DatasetSource.Prepared p -> {
        if (!Files.exists(p.dir().resolve("manifest.json"))) {
          throw new IllegalArgumentException("dataset " + d.name() + ": " + p.dir()
              + " is not a prepared dataset (no manifest.json)");
        }
        if (hasSplit(Dataset.open(p.dir()), split)) {
          yield p.dir();
        }
        if (!upToDate(target, d.source())) {
          log.accept("copying " + p.dir() + " to " + target + " to split it");
          copy(p.dir(), target);
          mark(target, d.source());
        }
        yield target;
      }
      case DatasetSource.Imported im -> {
        if (!upToDate(target, d.source())) {
          log.accept("importing " + im.format() + " from " + im.from());
          ImportRequest req = ImportRequest.of(im.from(), target).withOptions(im.options());
          req = new ImportRequest(req.from(), req.out(), true, req.onBadRow(), req.options(),
              req.progress());
          ImporterRegistry.get(im.format()).run(req);
          mark(target, d.source());
        }
        yield target;
      }
      case DatasetSource.Synthetic s -> {
        if (!upToDate(target, d.source())) {
          SynthConfig cfg = SynthConfig.defaults().withOptions(s.options());
          log.accept("generating the synthetic dataset (" + cfg.users() + " users, "
              + cfg.items() + " items)");
          SyntheticDatasetGenerator.generate(cfg, target, true);
          mark(target, d.source());
        }
        yield target;
      }
    };
    Dataset ds = Dataset.open(dir);
    if (!hasSplit(ds, split)) {
      log.accept("splitting " + d.name() + " (" + split.scheme() + ", seed " + split.seed() + ")");
      Splits.apply(ds, split.scheme(), split.params(), split.seed());
      ds = Dataset.open(dir);
    }
    return new PreparedDataset(d.name(), dir, ds.manifest().contentSha256(),
        split.scheme() + "/" + split.seed());
  }

  /** Whether {@code ds} already carries {@code split} (scheme, seed and every given param). */
  static boolean hasSplit(Dataset ds, SplitSpec split) {
    SplitInfo info = ds.manifest().split();
    if (info == null || !info.scheme().equals(split.scheme()) || info.seed() != split.seed()) {
      return false;
    }
    for (Map.Entry<String, String> e : split.params().entrySet()) {
      if (!e.getValue().equals(info.params().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static String recipe(DatasetSource s) {
    return switch (s) {
      case DatasetSource.Prepared p -> ConfigHash.canonicalJson(Map.of("path",
          p.dir().toAbsolutePath().toString()));
      case DatasetSource.Imported im -> ConfigHash.canonicalJson(Map.of("format", im.format(),
          "from", im.from().toAbsolutePath().toString(), "options", im.options()));
      case DatasetSource.Synthetic sy -> ConfigHash.canonicalJson(Map.of("synth",
          SynthConfig.defaults().withOptions(sy.options()).asOptions()));
    };
  }

  private static boolean upToDate(Path target, DatasetSource s) throws IOException {
    Path m = target.resolve(MARKER);
    return Files.exists(target.resolve("manifest.json")) && Files.exists(m)
        && Files.readString(m).equals(recipe(s));
  }

  private static void mark(Path target, DatasetSource s) throws IOException {
    Path tmp = target.resolve(MARKER + ".partial");
    Files.writeString(tmp, recipe(s));
    Files.move(tmp, target.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> s = Files.walk(to)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
