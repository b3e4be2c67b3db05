package dev.recompose.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.bench.spec.BenchSpec;
import dev.recompose.bench.spec.SpecParser;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.results.ResultsFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridRunnerTest {
  @TempDir Path tmp;

  /** Baselines only: no executor or preparer from the class path (adapters) joins the test. */
  static final ExecutorRegistry BASELINES = new ExecutorRegistry(List.of(new BaselineExecutor()));

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  static final String SYNTH = "datasets: [{name: tiny, synth: {users: 80, items: 200, seed: 5}}]\n";

  private GridSummary run(ExecutorRegistry reg, String yaml) throws IOException {
    BenchSpec spec = new SpecParser(reg.models()).parse(yaml, tmp);
    return new GridRunner(reg, new PrintStream(log, true, StandardCharsets.UTF_8))
        .run(spec, tmp.resolve("bench"));
  }

  @Test
  void runsTheGridRecordsCostAndSkipsFinishedRunsOnRerun() throws IOException {
    String yaml = SYNTH + "models: [pop, {name: itemknn, overrides: {k: 10}}]\n"
        + "protocols: [full, sampled-100-uniform]\nseeds: [1, 2]\n"
        + "cost: {latency_repeats: 5, warmup: 1, throughput_users: 20, batch_users: 8}\n";
    ExecutorRegistry reg = BASELINES;
    GridSummary s = run(reg, yaml);
    assertEquals(8, s.planned());
    assertEquals(8, s.succeeded(), log.toString(StandardCharsets.UTF_8));
    assertEquals(0, s.failed());
    BenchIndex index = BenchIndex.open(tmp.resolve("bench"));
    List<RunRecord> all = index.all();
    assertEquals(8, all.size());
    for (RunRecord r : all) {
      assertEquals(RunStatus.OK, r.status(), r.reason());
      Path dir = tmp.resolve("bench").resolve(r.dir());
      List<EvalResult> rows = ResultsFile.read(dir.resolve(ResultsFile.NAME));
      assertEquals(r.spec().protocol(), rows.getFirst().protocol());
      assertEquals(r.spec().model(), rows.getFirst().model());
      assertEquals(r.spec().seed(), rows.getFirst().seed());
      assertTrue(Files.exists(dir.resolve("run.json")));
      assertTrue(r.metrics().get("NDCG@10") >= 0);
      assertTrue(r.cost().latencyP50Ms() > 0, "latency measured");
      assertTrue(r.cost().latencyP99Ms() >= r.cost().latencyP50Ms());
      assertTrue(r.cost().usersPerSecond() > 0);
      assertTrue(r.cost().peakHeapMiB() > 0);
      if (r.spec().model().equals("pop")) {
        assertNull(r.cost().samplesPerSecond());
      } else {
        assertTrue(r.cost().samplesPerSecond() > 0);
      }
      assertNull(r.cost().epochs());
    }
    assertTrue(Files.exists(tmp.resolve("bench/spec.yaml")));
    GridSummary again = run(reg, yaml);
    assertEquals(8, again.alreadyDone());
    assertEquals(0, again.succeeded());
  }

  @Test
  void failuresBecomeRowsTheGridGoesOnAndARerunRetriesOnlyThem() throws IOException {
    ScriptedExecutor ex = new ScriptedExecutor(seed -> seed == 1
        ? ScriptedExecutor.Behaviour.THROW
        : seed == 2 ? ScriptedExecutor.Behaviour.NAN : ScriptedExecutor.Behaviour.OK);
    ExecutorRegistry reg = BASELINES.with(ex);
    String yaml = SYNTH + "models: [scripted, pop]\nseeds: [1, 2, 3]\n"
        + "cost: {latency_repeats: 3, warmup: 0, throughput_users: 8}\n";
    GridSummary s = run(reg, yaml);
    assertEquals(6, s.planned());
    assertEquals(2, s.failed());
    assertEquals(4, s.succeeded(), log.toString(StandardCharsets.UTF_8));
    BenchIndex index = BenchIndex.open(tmp.resolve("bench"));
    RunRecord thrown = find(index, "scripted", 1);
    assertEquals(RunStatus.FAILED, thrown.status());
    assertEquals("IllegalStateException: loss is NaN at epoch 3", thrown.reason());
    assertTrue(Files.readString(tmp.resolve("bench").resolve(thrown.dir()).resolve("error.txt"))
        .contains("ScriptedExecutor.execute"));
    RunRecord nan = find(index, "scripted", 2);
    assertEquals(RunStatus.FAILED, nan.status());
    assertEquals("metric NDCG@10 is NaN", nan.reason());
    assertEquals(RunStatus.OK, find(index, "scripted", 3).status());
    assertEquals(RunStatus.OK, find(index, "pop", 3).status());

    ex.script = seed -> ScriptedExecutor.Behaviour.OK;
    GridSummary again = run(reg, yaml);
    assertEquals(4, again.alreadyDone());
    assertEquals(2, again.succeeded());
    assertEquals(2, ex.calls(1));
    assertEquals(2, ex.calls(2));
    assertEquals(1, ex.calls(3));
    assertEquals(RunStatus.OK, find(BenchIndex.open(tmp.resolve("bench")), "scripted", 1)
        .status());
  }

  @Test
  void aRunWhoseFilesCannotBeWrittenFailsAndTheGridGoesOn() throws IOException {
    ScriptedExecutor ex = new ScriptedExecutor(seed -> seed == 1
        ? ScriptedExecutor.Behaviour.BLOCK_RESULTS : ScriptedExecutor.Behaviour.OK);
    ExecutorRegistry reg = BASELINES.with(ex);
    String yaml = SYNTH + "models: [scripted]\nseeds: [1, 2]\n"
        + "cost: {latency_repeats: 3, warmup: 0, throughput_users: 8}\n";
    GridSummary s = run(reg, yaml);
    assertEquals(1, s.failed());
    assertEquals(1, s.succeeded());
    RunRecord r = find(BenchIndex.open(tmp.resolve("bench")), "scripted", 1);
    assertTrue(r.reason().startsWith("IOException: cannot write " + tmp.resolve("bench")
        .resolve(r.dir()).resolve("results.json") + ": "), r.reason());
    GridSummary again = run(reg, yaml);
    assertEquals(1, again.failed(), "the blocked directory cannot even be cleaned now");
    assertEquals("DirectoryNotEmptyException: " + tmp.resolve("bench").resolve(r.dir())
        .resolve("results.json"), find(BenchIndex.open(tmp.resolve("bench")), "scripted", 1)
        .reason());
  }

  @Test
  void aRunLeftRunningByAKilledGridIsRunAgain() throws IOException {
    ScriptedExecutor ex = new ScriptedExecutor(seed -> ScriptedExecutor.Behaviour.OK);
    ExecutorRegistry reg = BASELINES.with(ex);
    String yaml = SYNTH + "models: [scripted]\nseeds: [1, 2]\n"
        + "cost: {latency_repeats: 3, warmup: 0, throughput_users: 8}\n";
    run(reg, yaml);
    BenchIndex index = BenchIndex.open(tmp.resolve("bench"));
    RunRecord done = find(index, "scripted", 2);
    index.put(new RunRecord(done.id(), done.spec(), RunStatus.RUNNING, null, done.dir(),
        done.startedAt(), null, null, null));
    GridSummary again = run(reg, yaml);
    assertEquals(1, again.alreadyDone());
    assertEquals(1, again.succeeded());
    assertEquals(1, ex.calls(1));
    assertEquals(2, ex.calls(2));
    assertEquals(RunStatus.OK, find(BenchIndex.open(tmp.resolve("bench")), "scripted", 2)
        .status());
  }

  @Test
  void aRunOverItsBudgetFailsWithTheReason() throws IOException {
    ScriptedExecutor ex = new ScriptedExecutor(seed -> ScriptedExecutor.Behaviour.HANG);
    ExecutorRegistry reg = BASELINES.with(ex);
    GridSummary s = run(reg, SYNTH + "models: [scripted]\nbudget: 0.2s\n"
        + "cost: {latency_repeats: 3, warmup: 0, throughput_users: 8}\n");
    assertEquals(1, s.failed());
    RunRecord r = find(BenchIndex.open(tmp.resolve("bench")), "scripted", 42);
    assertEquals("time budget of 0.2 s exceeded", r.reason());
  }

  @Test
  void aDatasetThatCannotBePreparedFailsItsRunsOnly() throws IOException {
    ExecutorRegistry reg = BASELINES;
    GridSummary s = run(reg, "datasets: [{name: gone, path: " + tmp.resolve("nothing")
        + "}, {name: tiny, synth: {users: 60, items: 40}}]\nmodels: [pop]\n"
        + "cost: {latency_repeats: 3, warmup: 0, throughput_users: 8}\n");
    assertEquals(1, s.failed());
    assertEquals(1, s.succeeded());
    RunRecord r = find(BenchIndex.open(tmp.resolve("bench")), "pop", 42);
    List<RunRecord> failed = BenchIndex.open(tmp.resolve("bench")).all().stream()
        .filter(x -> x.status() == RunStatus.FAILED).toList();
    assertEquals(1, failed.size());
    assertEquals("gone", failed.getFirst().spec().dataset());
    assertTrue(failed.getFirst().reason().startsWith("dataset preparation failed: "
        + "IllegalArgumentException: dataset gone: "), failed.getFirst().reason());
    assertNotNull(r);
  }

  @Test
  void unsupportedCombinationsAreListedNotRun() throws IOException {
    ScriptedExecutor ex = new ScriptedExecutor(seed -> ScriptedExecutor.Behaviour.OK);
    ExecutorRegistry reg = BASELINES.with(ex);
    GridSummary s = run(reg, SYNTH + "representations: [id, emb]\nmodels: [pop, scripted]\n"
        + "protocols: [full, sampled-100-uniform]\n"
        + "cost: {latency_repeats: 3, warmup: 0, throughput_users: 8}\n");
    assertEquals(List.of("pop with representation emb (pop supports id)",
        "scripted under protocol sampled-100-uniform (scripted supports full)"), s.unsupported());
    assertEquals(4, s.planned());
    assertEquals(0, s.failed());
  }

  @Test
  void invalidSettingsFailBeforeAnythingRuns() {
    ExecutorRegistry reg = BASELINES;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(reg, SYNTH + "models: [pop, {name: itemknn, overrides: {kk: 3}}]\n"));
    assertEquals("models[1]: model itemknn: unknown setting 'kk'; valid: k, shrink, threads",
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("bench").resolve(BenchIndex.NAME)));
  }

  @Test
  void runIdsDependOnEveryFieldButNotOnOverrideOrder() {
    RunSpec a = new RunSpec("d", "sha", "loo/42", "itemknn", "id",
        java.util.Map.of("k", "5", "shrink", "1"), 1, "full", true);
    RunSpec b = new RunSpec("d", "sha", "loo/42", "itemknn", "id",
        new java.util.TreeMap<>(java.util.Map.of("shrink", "1", "k", "5")), 1, "full", true);
    assertEquals(a.id(), b.id());
    assertFalse(a.id().equals(new RunSpec("d", "sha", "loo/42", "itemknn", "id",
        java.util.Map.of("k", "5", "shrink", "1"), 2, "full", true).id()));
    assertFalse(a.id().equals(new RunSpec("d", "sha", "loo/42", "itemknn", "id",
        java.util.Map.of("k", "5", "shrink", "1"), 1, "full", false).id()));
  }

  private static RunRecord find(BenchIndex index, String model, long seed) {
    return index.all().stream().filter(r -> r.spec().model().equals(model)
        && r.spec().seed() == seed).findFirst().orElseThrow();
  }
}
