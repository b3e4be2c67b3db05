package dev.recompose.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.bench.spec.SpecParser;
import dev.recompose.data.synth.SynthConfig;
import dev.recompose.data.synth.SyntheticDatasetGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepresentationPreparerTest {
  @TempDir Path tmp;

  /** Baselines only: no executor or preparer from the class path (adapters) joins the test. */
  static final ExecutorRegistry BASELINES = new ExecutorRegistry(List.of(new BaselineExecutor()));

  /** Provides "emb" as a marker file; fails when told to. */
  static final class MarkerPreparer implements RepresentationPreparer {
    final AtomicInteger prepared = new AtomicInteger();
    final boolean fail;

    MarkerPreparer(boolean fail) {
      this.fail = fail;
    }

    @Override
    public Set<String> representations() {
      return Set.of("emb");
    }

    @Override
    public boolean isPresent(Path dir, String repr) {
      return Files.exists(dir.resolve("emb.marker"));
    }

    @Override
    public void prepare(Path dir, String repr, Consumer<String> log) throws IOException {
      prepared.incrementAndGet();
      if (fail) {
        throw new IOException("No space left on device");
      }
      Files.writeString(dir.resolve("emb.marker"), "x");
    }
  }

  private GridSummary run(ExecutorRegistry reg, String yaml) throws IOException {
    return new GridRunner(reg, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8)).run(new SpecParser(reg.models()).parse(yaml, tmp),
        tmp.resolve("bench"));
  }

  private static final String GRID = "models: [{name: scripted, representations: [id, emb]}]\n"
      + "seeds: [1, 2]\ncost: {latency_repeats: 2, warmup: 0, throughput_users: 4}\n";

  @Test
  void preparesEachRepresentationOncePerDatasetBeforeItsRuns() throws IOException {
    MarkerPreparer prep = new MarkerPreparer(false);
    ExecutorRegistry reg = BASELINES
        .with(new ScriptedExecutor(s -> ScriptedExecutor.Behaviour.OK)).with(prep);
    GridSummary s = run(reg, "datasets: [{name: tiny, synth: {users: 60, items: 200}}]\n" + GRID);
    assertEquals(4, s.succeeded());
    assertEquals(1, prep.prepared.get());
    assertTrue(Files.exists(tmp.resolve("bench/datasets/tiny/emb.marker")));
  }

  @Test
  void aFailedPreparationFailsOnlyTheRunsThatNeedIt() throws IOException {
    MarkerPreparer prep = new MarkerPreparer(true);
    ExecutorRegistry reg = BASELINES
        .with(new ScriptedExecutor(s -> ScriptedExecutor.Behaviour.OK)).with(prep);
    GridSummary s = run(reg, "datasets: [{name: tiny, synth: {users: 60, items: 200}}]\n" + GRID);
    assertEquals(2, s.succeeded());
    assertEquals(2, s.failed());
    List<RunRecord> failed = BenchIndex.open(tmp.resolve("bench")).all().stream()
        .filter(r -> r.status() == RunStatus.FAILED).toList();
    assertEquals("representation emb of tiny failed: IOException: No space left on device",
        failed.getFirst().reason());
    assertEquals(1, prep.prepared.get(), "not retried within one grid");
  }

  @Test
  void neverWritesIntoAUsersPreparedDirectory() throws IOException {
    Path mine = tmp.resolve("mine");
    SyntheticDatasetGenerator.generate(SynthConfig.of(60, 200, 1), mine, false);
    dev.recompose.data.split.Splits.apply(dev.recompose.data.store.Dataset.open(mine),
        "leave-one-out", java.util.Map.of(), 42);
    MarkerPreparer prep = new MarkerPreparer(false);
    ExecutorRegistry reg = BASELINES
        .with(new ScriptedExecutor(s -> ScriptedExecutor.Behaviour.OK)).with(prep);
    GridSummary s = run(reg, "datasets: [{name: mine, path: " + mine + "}]\n" + GRID);
    assertEquals(2, s.failed());
    assertEquals(0, prep.prepared.get());
    assertFalse(Files.exists(mine.resolve("emb.marker")));
    RunRecord r = BenchIndex.open(tmp.resolve("bench")).all().stream()
        .filter(x -> x.status() == RunStatus.FAILED).findFirst().orElseThrow();
    assertTrue(r.reason().startsWith("dataset mine lacks representation emb and is the user's"
        + " directory"), r.reason());
  }
}
