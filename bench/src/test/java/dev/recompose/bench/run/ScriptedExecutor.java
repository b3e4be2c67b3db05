package dev.recompose.bench.run;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.baseline.Pop;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.seq.SequenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * A test executor for model {@code scripted}: what it does per seed is scripted (ok, throw, NaN,
 * hang until interrupted, fill the disk), and it counts calls per seed.
 */
final class ScriptedExecutor implements RunExecutor {
  enum Behaviour {
    OK, THROW, NAN, HANG, BLOCK_RESULTS,
    /** Its training log is {@code /dev/full}: the executor's own write fails with ENOSPC. */
    FULL_DISK_LOG,
    /** The runner's {@code results.json.partial} is {@code /dev/full}: saving the result fails. */
    FULL_DISK_RESULTS,
    /** Writes 8 MiB to {@code model.bin.partial} in the run directory, as a checkpoint would. */
    FILL
  }

  /** The device on which every write fails with "No space left on device" (Linux). */
  static final Path DEV_FULL = Path.of("/dev/full");

  final Map<Long, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
  volatile LongFunction<Behaviour> script;

  ScriptedExecutor(LongFunction<Behaviour> script) {
    this.script = script;
  }

  @Override
  public Set<String> models() {
    return Set.of("scripted");
  }

  @Override
  public Set<String> representations(String model) {
    return Set.of("id", "emb");
  }

  @Override
  public Set<String> protocols(String model) {
    return Set.of("full");
  }

  @Override
  public void validate(String model, Map<String, String> overrides) {}

  int calls(long seed) {
    AtomicInteger c = calls.get(seed);
    return c == null ? 0 : c.get();
  }

  @Override
  public RunOutcome execute(RunSpec spec, RunContext ctx) throws Exception {
    calls.computeIfAbsent(spec.seed(), s -> new AtomicInteger()).incrementAndGet();
    switch (script.apply(spec.seed())) {
      case THROW -> throw new IllegalStateException("loss is NaN at epoch 3");
      case HANG -> {
        while (true) {
          Thread.sleep(50);
        }
      }
      case BLOCK_RESULTS -> {
        // results.json cannot be written: a non-empty directory stands in its place
        Files.createDirectories(ctx.runDir().resolve("results.json/x"));
      }
      case FULL_DISK_LOG -> {
        Files.createSymbolicLink(ctx.trainLog(), DEV_FULL);
        Files.writeString(ctx.trainLog(), "{\"epoch\": 1, \"loss\": 0.5}\n");
      }
      case FULL_DISK_RESULTS -> Files.createSymbolicLink(
          ctx.runDir().resolve("results.json.partial"), DEV_FULL);
      case FILL -> {
        byte[] chunk = new byte[64 << 10];
        try (var o = Files.newOutputStream(ctx.runDir().resolve("model.bin.partial"))) {
          for (int i = 0; i < 128; i++) {
            o.write(chunk);
          }
        }
      }
      default -> { }
    }
    SequenceData data = SequenceData.load(Dataset.open(ctx.datasetDir()));
    EvalResult r = RankingEvaluation.evaluate(new Pop().fit(data), data, spec, Map.of("m", 1));
    if (script.apply(spec.seed()) == Behaviour.NAN) {
      Map<String, Double> m = new LinkedHashMap<>(r.metrics());
      m.put("NDCG@10", Double.NaN);
      r = new EvalResult(r.protocol(), r.stage(), r.historyMasked(), r.samplingSeed(),
          r.tiePolicy(), r.splitScheme(), r.splitSeed(), r.dataset(), r.datasetSha256(),
          r.model(), r.config(), r.configHash(), r.seed(), r.codeVersion(), r.users(), m,
          r.seconds(), r.usersPerSecond());
    }
    return new RunOutcome(r, new TrainCost(0.5, 2, 100.0, 10L),
        new InferenceCost(1, 2, 10, 100, 8));
  }
}
