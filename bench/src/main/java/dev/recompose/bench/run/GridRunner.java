package dev.recompose.bench.run;

import dev.recompose.bench.spec.BenchSpec;
import dev.recompose.bench.spec.DatasetSpec;
import dev.recompose.bench.spec.ModelEntry;
import dev.recompose.bench.spec.SpecWriter;
import dev.recompose.bench.cost.HeapSampler;
import dev.recompose.models.results.ResultsFile;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs a {@link BenchSpec}'s grid into a bench directory: prepares each dataset, then runs every
 * supported (dataset, model, representation, protocol, seed) cell in its own directory
 * ({@code runs/<name>/results.json}, {@code run.json}, {@code run.log}, and whatever the
 * executor writes such as {@code train-log.jsonl}), recording each state change in
 * {@link BenchIndex}.
 *
 * <p>It exists to make comparison one command (BARS' open benchmarking; RecBench's grid of
 * models x item forms) and to make that command safe to re-run: finished runs are skipped, and a
 * run that throws, produces a NaN metric or exceeds its time budget becomes a FAILED row with the
 * reason while the grid goes on, so a re-run retries only those. A full disk is such a failure
 * too: the reason names it ({@code No space left on device}), and since a run's
 * {@code results.json} is renamed into place last (after {@code run.json}) and removed again
 * when anything fails, no half-finished run passes for a finished one; an index that cannot be
 * saved keeps its previous content (see {@link BenchIndex}). Runs execute one at a time (the
 * models use every core) on a daemon thread; at the budget the runner stops waiting, interrupts
 * it and moves on. Garbage is collected before each run so the peak heap starts from a clean
 * baseline.
 */
public final class GridRunner {
  /** Run directories live here, under the bench directory. */
  public static final String RUNS = "runs";

  /** Prepared datasets live here, under the bench directory. */
  public static final String DATASETS = "datasets";

  /** A run's record, written just before its {@code results.json}. */
  static final String RUN_JSON = "run.json";

  /** The stack trace of a run that threw. */
  static final String ERROR = "error.txt";

  /** The suffix of files being written, renamed into place when complete. */
  static final String PARTIAL = ".partial";

  /** The message of {@code ENOSPC} in the JDK's I/O exceptions on Linux and macOS. */
  static final String ENOSPC = "No space left on device";

  private final ExecutorRegistry registry;
  private final PrintStream out;
  private final ProgressFactory progress;

  /** A runner printing to {@code out}, without progress bars. */
  public GridRunner(ExecutorRegistry registry, PrintStream out) {
    this(registry, out, ProgressFactory.NONE);
  }

  /** A runner printing to {@code out} and drawing executors' progress bars with {@code progress}. */
  public GridRunner(ExecutorRegistry registry, PrintStream out, ProgressFactory progress) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.out = Objects.requireNonNull(out, "out");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** A supported cell of the grid, before its dataset is prepared. */
  private record Cell(DatasetSpec dataset, ModelEntry model, String representation,
      String protocol, long seed) {}

  /** Runs the grid of {@code spec} into {@code benchDir}. */
  public GridSummary run(BenchSpec spec, Path benchDir) throws IOException {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(benchDir, "benchDir");
    List<String> unsupported = new ArrayList<>();
    List<Cell> cells = plan(spec, unsupported);
    Files.createDirectories(benchDir);
    writeAtomically(benchDir.resolve("spec.yaml"), SpecWriter.toYaml(spec));
    BenchIndex index = BenchIndex.open(benchDir);
    if (!unsupported.isEmpty()) {
      out.println("not run (not supported): " + String.join("; ", unsupported));
    }
    Map<String, PreparedDataset> prepared = new LinkedHashMap<>();
    Map<String, String> prepFailures = new LinkedHashMap<>();
    Map<List<String>, String> reprDone = new LinkedHashMap<>();
    int done = 0;
    int ok = 0;
    int failed = 0;
    int i = 0;
    for (Cell c : cells) {
      i++;
      String dsName = c.dataset().name();
      if (!prepared.containsKey(dsName) && !prepFailures.containsKey(dsName)) {
        try {
          prepared.put(dsName, DatasetPreparer.prepare(c.dataset(), spec.split(),
              benchDir.resolve(DATASETS), msg -> out.println("  " + msg)));
        } catch (Exception e) {
          prepFailures.put(dsName, "dataset preparation failed: " + reason(e));
          out.println("dataset " + dsName + ": " + prepFailures.get(dsName));
        }
      }
      PreparedDataset pd = prepared.get(dsName);
      String reprFailure = pd == null ? null
          : representation(pd, c.representation(), benchDir, reprDone);
      RunSpec rs = new RunSpec(dsName, pd == null ? null : pd.sha256(),
          pd == null ? spec.split().scheme() + "/" + spec.split().seed() : pd.split(),
          c.model().name(), c.representation(), c.model().overrides(), c.seed(), c.protocol(),
          spec.maskHistory());
      String tag = "[" + i + "/" + cells.size() + "] " + rs.label();
      RunRecord prev = index.get(rs.id());
      if (prev != null && prev.status() == RunStatus.OK
          && Objects.equals(prev.spec().datasetSha256(), rs.datasetSha256())) {
        out.println(tag + ": done earlier, skipped");
        done++;
        continue;
      }
      Path runDir = benchDir.resolve(RUNS).resolve(rs.dirName());
      String started = Instant.now().toString();
      RunRecord rec;
      if (pd == null || reprFailure != null) {
        rec = new RunRecord(rs.id(), rs, RunStatus.FAILED,
            pd == null ? prepFailures.get(dsName) : reprFailure,
            benchDir.relativize(runDir).toString(), started, Instant.now().toString(), null,
            null);
      } else {
        out.println(tag + " ...");
        save(index, new RunRecord(rs.id(), rs, RunStatus.RUNNING, null,
            benchDir.relativize(runDir).toString(), started, null, null, null));
        try {
          rec = execute(rs, pd, runDir, benchDir, spec.budget(), spec, started);
        } catch (IOException | RuntimeException e) {
          // e.g. a run directory that cannot be cleaned or written (full disk)
          rec = new RunRecord(rs.id(), rs, RunStatus.FAILED, diskHint(reason(e), benchDir),
              benchDir.relativize(runDir).toString(), started, Instant.now().toString(), null,
              null);
        }
      }
      save(index, rec);
      if (rec.status() == RunStatus.OK) {
        ok++;
        out.println(String.format(Locale.ROOT, "    ok in %.1f s: %s", rec.cost().wallSeconds(),
            headline(rec)));
      } else {
        failed++;
        out.println("    FAILED: " + rec.reason());
      }
    }
    GridSummary s = new GridSummary(benchDir, cells.size(), done, ok, failed, unsupported);
    out.println(s.line());
    // a write that failed mid-grid (full disk) is retried once more; if the index still cannot
    // be saved the command fails: the previous index is intact, so a rerun repeats only the runs
    // it lacks
    index.flush();
    return s;
  }

  /**
   * Records {@code r} in the index; a failed write (full disk) is reported and the grid goes on
   * (the record is kept in memory and saved by the next write that succeeds).
   */
  private void save(BenchIndex index, RunRecord r) {
    try {
      index.put(r);
    } catch (IOException e) {
      out.println("    index not saved: " + diskHint(e.getMessage(), index.file().getParent()));
    }
  }

  /**
   * Makes sure {@code pd} carries {@code repr} (once per dataset and representation); returns
   * null when it does, else why not.
   */
  private String representation(PreparedDataset pd, String repr, Path benchDir,
      Map<List<String>, String> done) {
    List<String> key = List.of(pd.name(), repr);
    if (repr.equals("id")) {
      return null;
    }
    if (done.containsKey(key)) {
      return done.get(key).isEmpty() ? null : done.get(key);
    }
    RepresentationPreparer p = registry.preparer(repr);
    String failure = "";
    try {
      if (p != null && !p.isPresent(pd.dir(), repr)) {
        if (!pd.dir().toAbsolutePath().normalize().startsWith(
            benchDir.resolve(DATASETS).toAbsolutePath().normalize())) {
          failure = "dataset " + pd.name() + " lacks representation " + repr + " and is the"
              + " user's directory " + pd.dir() + ", which the bench does not modify; compute it"
              + " there (recompose repr ...) or give the dataset as an import or synth recipe";
        } else {
          out.println("  computing representation " + repr + " of " + pd.name());
          p.prepare(pd.dir(), repr, msg -> out.println("  " + msg));
        }
      }
    } catch (Exception e) {
      failure = "representation " + repr + " of " + pd.name() + " failed: " + reason(e);
    }
    done.put(key, failure);
    if (!failure.isEmpty()) {
      out.println("  " + failure);
    }
    return failure.isEmpty() ? null : failure;
  }

  /** Expands the grid; fails before running anything on invalid settings. */
  private List<Cell> plan(BenchSpec spec, List<String> unsupported) {
    List<Cell> cells = new ArrayList<>();
    for (int m = 0; m < spec.models().size(); m++) {
      ModelEntry e = spec.models().get(m);
      RunExecutor ex;
      try {
        ex = registry.get(e.name());
        ex.validate(e.name(), e.overrides());
      } catch (IllegalArgumentException err) {
        throw new IllegalArgumentException("models[" + m + "]: " + err.getMessage(), err);
      }
    }
    for (DatasetSpec d : spec.datasets()) {
      for (ModelEntry e : spec.models()) {
        RunExecutor ex = registry.get(e.name());
        for (String repr : e.representations()) {
          if (!ex.representations(e.name()).contains(repr)) {
            String u = e.name() + " with representation " + repr + " (" + e.name()
                + " supports " + String.join(", ", ex.representations(e.name())) + ")";
            if (!unsupported.contains(u)) {
              unsupported.add(u);
            }
            continue;
          }
          for (String p : spec.protocols()) {
            if (!ex.protocols(e.name()).contains(p)) {
              String u = e.name() + " under protocol " + p + " (" + e.name() + " supports "
                  + String.join(", ", ex.protocols(e.name())) + ")";
              if (!unsupported.contains(u)) {
                unsupported.add(u);
              }
              continue;
            }
            for (long seed : spec.seeds()) {
              cells.add(new Cell(d, e, repr, p, seed));
            }
          }
        }
      }
    }
    return cells;
  }

  private RunRecord execute(RunSpec rs, PreparedDataset pd, Path runDir, Path benchDir,
      Duration budget, BenchSpec spec, String started) throws IOException {
    Files.createDirectories(runDir);
    // what an earlier attempt left must not pass for this attempt's outcome
    discardOutcome(runDir);
    Files.deleteIfExists(runDir.resolve(ERROR));
    Path logFile = runDir.resolve("run.log");
    Files.deleteIfExists(logFile);
    RunExecutor ex = registry.get(rs.model());
    Deadline deadline = Deadline.after(budget);
    RunContext ctx = new RunContext(pd.dir(), runDir, deadline, spec.cost(), line -> {
      out.println("    " + line);
      try {
        Files.writeString(logFile, line + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        out.println("    (cannot write " + logFile + ": " + e.getMessage() + ")");
      }
    }, progress);
    String rel = benchDir.relativize(runDir).toString();
    System.gc();
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
        .name("bench-run-" + rs.id()).unstarted(r));
    long t0 = System.nanoTime();
    RunOutcome outcome = null;
    String reason = null;
    try (HeapSampler heap = HeapSampler.start(20)) {
      Future<RunOutcome> f = pool.submit(() -> ex.execute(rs, ctx));
      try {
        outcome = f.get(budget.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        reason = new BudgetExceededException(budget, null).getMessage();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        reason = diskHint(reason(cause), runDir);
        writeError(runDir, cause);
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        reason = "interrupted";
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      long peak = heap.stop();
      if (outcome != null) {
        reason = nanReason(outcome);
      }
      if (reason != null) {
        discardOutcomeQuietly(runDir);
        return new RunRecord(rs.id(), rs, RunStatus.FAILED, reason, rel, started,
            Instant.now().toString(), null, null);
      }
      Cost cost = Cost.of(outcome.train(), outcome.inference(), peak, wall,
          outcome.result().seconds());
      RunRecord rec = new RunRecord(rs.id(), rs, RunStatus.OK, null, rel, started,
          Instant.now().toString(), outcome.result().metrics(), cost);
      writeAtomically(runDir.resolve(RUN_JSON), Json.mapper().writeValueAsString(rec));
      // results.json last: once it is there, everything else of the run is
      Path results = runDir.resolve(ResultsFile.NAME);
      try {
        ResultsFile.write(results, List.of(outcome.result()));
      } catch (IOException e) {
        throw new IOException("cannot write " + results + ": " + e.getMessage(), e);
      }
      return rec;
    } catch (IOException | RuntimeException e) {
      // a full disk or an unwritable run directory is a failed run, not a failed grid
      discardOutcomeQuietly(runDir);
      return new RunRecord(rs.id(), rs, RunStatus.FAILED, diskHint(reason(e), runDir), rel,
          started, Instant.now().toString(), null, null);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Removes what says a run finished ({@code results.json}, which a trainer may have written
   * before a later step failed, and {@code run.json}) and every half-written {@code *.partial}
   * file of the run directory (checkpoints included: the trainer resumes only from complete
   * ones).
   */
  private static void discardOutcome(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) {
      return;
    }
    try (Stream<Path> s = Files.list(runDir)) {
      for (Path p : s.filter(x -> x.getFileName().toString().endsWith(PARTIAL)).toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(runDir.resolve(RUN_JSON));
    Files.deleteIfExists(runDir.resolve(ResultsFile.NAME));
  }

  private void discardOutcomeQuietly(Path runDir) {
    try {
      discardOutcome(runDir);
    } catch (IOException | RuntimeException e) {
      // the index says FAILED whatever is left, and the next attempt cleans up first
      out.println("    (cannot clean " + runDir + ": " + e.getMessage() + ")");
    }
  }

  /**
   * {@code reason}, with a hint when it is a full disk ({@code ENOSPC}: "No space left on
   * device"): which file system, how much is free, and that a rerun retries only what failed.
   */
  static String diskHint(String reason, Path where) {
    if (reason == null || !reason.contains(ENOSPC)) {
      return reason;
    }
    String free = "";
    try {
      FileStore fs = Files.getFileStore(where);
      free = String.format(Locale.ROOT, " (%.1f MiB free on %s)",
          fs.getUsableSpace() / (1024.0 * 1024.0), fs);
    } catch (IOException | RuntimeException e) {
      // the hint goes without the figure
    }
    return reason + " [disk full at " + where + free + ": free space and rerun the same"
        + " command; only failed runs are retried]";
  }

  private static String nanReason(RunOutcome o) {
    for (Map.Entry<String, Double> m : o.result().metrics().entrySet()) {
      if (m.getValue() == null || m.getValue().isNaN() || m.getValue().isInfinite()) {
        return "metric " + m.getKey() + " is " + m.getValue();
      }
    }
    return null;
  }

  private static String headline(RunRecord r) {
    StringBuilder sb = new StringBuilder();
    for (String k : List.of("NDCG@10", "HR@10", "auc", "gauc")) {
      Double v = r.metrics().get(k);
      if (v != null) {
        sb.append(String.format(Locale.ROOT, "%s %.4f  ", k, v));
      }
    }
    if (r.cost().latencyP50Ms() != null) {
      sb.append(String.format(Locale.ROOT, "p50 %.3g ms", r.cost().latencyP50Ms()));
    }
    return sb.toString().trim();
  }

  /**
   * The one-line reason of a failure: the exception's class and message, causes appended unless
   * their message is already in it.
   */
  static String reason(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Throwable t = e;
    for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
      if (depth > 0) {
        if (t.getMessage() != null && sb.indexOf(t.getMessage()) >= 0) {
          break;
        }
        sb.append("; caused by ");
      }
      sb.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        sb.append(": ").append(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return sb.toString();
  }

  private static void writeError(Path runDir, Throwable t) {
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    try {
      Files.writeString(runDir.resolve(ERROR), sw.toString());
    } catch (IOException e) {
      // the reason is in the index either way
    }
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + PARTIAL);
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
