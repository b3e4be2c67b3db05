package dev.recompose.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recompose.bench.spec.BenchSpec;
import dev.recompose.bench.spec.SpecParser;
import dev.recompose.models.results.ResultsFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during a grid: the run becomes a FAILED row whose reason says so, nothing of it is
 * left that a rerun would take for finished, the index keeps its last complete content, and a
 * rerun retries only that run.
 *
 * <p>The disk is full for real, without root: writes go to Linux's {@code /dev/full}, on which
 * every write fails with {@code ENOSPC} ("No space left on device"), through a symbolic link at
 * the path being written. One test mounts a 1 MiB tmpfs as the bench directory where that is
 * permitted (root in a container that allows mounts) and skips with a message where it is not.
 */
class FullDiskTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private static final String COST = "cost: {latency_repeats: 3, warmup: 0, throughput_users: 8}\n";

  private static void assumeDevFull() {
    assumeTrue(Files.isWritable(ScriptedExecutor.DEV_FULL),
        "no writable /dev/full (not Linux?): skipping the full-disk tests");
  }

  private GridSummary run(ScriptedExecutor ex, String yaml, Path benchDir) throws IOException {
    ExecutorRegistry reg = GridRunnerTest.BASELINES.with(ex);
    BenchSpec spec = new SpecParser(reg.models()).parse(yaml, tmp);
    return new GridRunner(reg, new PrintStream(log, true, StandardCharsets.UTF_8))
        .run(spec, benchDir);
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private static RunRecord find(Path benchDir, long seed) throws IOException {
    return BenchIndex.open(benchDir).all().stream().filter(r -> r.spec().seed() == seed)
        .findFirst().orElseThrow();
  }

  @Test
  void aRunWhoseOwnWriteHitsAFullDiskFailsWithTheReasonAndARerunRetriesOnlyIt()
      throws IOException {
    assumeDevFull();
    ScriptedExecutor ex = new ScriptedExecutor(seed -> seed == 1
        ? ScriptedExecutor.Behaviour.FULL_DISK_LOG : ScriptedExecutor.Behaviour.OK);
    String yaml = GridRunnerTest.SYNTH + "models: [scripted]\nseeds: [1, 2]\n" + COST;
    Path bench = tmp.resolve("bench");
    GridSummary s = run(ex, yaml, bench);
    assertEquals(1, s.failed(), log());
    assertEquals(1, s.succeeded(), "the grid goes on after the full disk");
    RunRecord r = find(bench, 1);
    assertEquals(RunStatus.FAILED, r.status());
    assertTrue(r.reason().startsWith("IOException: No space left on device [disk full at "),
        r.reason());
    assertTrue(r.reason().endsWith("only failed runs are retried]"), r.reason());
    Path dir = bench.resolve(r.dir());
    assertFalse(Files.exists(dir.resolve(ResultsFile.NAME)));
    assertFalse(Files.exists(dir.resolve(GridRunner.RUN_JSON)));
    assertTrue(Files.readString(dir.resolve(GridRunner.ERROR)).contains("No space left"));

    Files.delete(dir.resolve("train-log.jsonl")); // space freed
    ex.script = seed -> ScriptedExecutor.Behaviour.OK;
    GridSummary again = run(ex, yaml, bench);
    assertEquals(1, again.alreadyDone());
    assertEquals(1, again.succeeded());
    assertEquals(2, ex.calls(1));
    assertEquals(1, ex.calls(2));
    assertEquals(RunStatus.OK, find(bench, 1).status());
    assertFalse(Files.exists(dir.resolve(GridRunner.ERROR)), "the old stack trace is gone");
  }

  @Test
  void resultsThatCannotBeSavedLeaveNothingThatLooksFinished() throws IOException {
    assumeDevFull();
    ScriptedExecutor ex = new ScriptedExecutor(seed -> seed == 1
        ? ScriptedExecutor.Behaviour.FULL_DISK_RESULTS : ScriptedExecutor.Behaviour.OK);
    String yaml = GridRunnerTest.SYNTH + "models: [scripted]\nseeds: [1, 2]\n" + COST;
    Path bench = tmp.resolve("bench");
    GridSummary s = run(ex, yaml, bench);
    assertEquals(1, s.failed(), log());
    RunRecord r = find(bench, 1);
    assertTrue(r.reason().startsWith("IOException: cannot write "), r.reason());
    assertTrue(r.reason().contains("results.json: No space left on device [disk full at "),
        r.reason());
    Path dir = bench.resolve(r.dir());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("results.json") || n.startsWith("run.json")
              || n.endsWith(".partial")).toList();
      assertEquals(List.of(), names, "no results.json, run.json or partial file");
    }
    ex.script = seed -> ScriptedExecutor.Behaviour.OK;
    GridSummary again = run(ex, yaml, bench);
    assertEquals(1, again.succeeded());
    assertEquals(1, again.alreadyDone());
    assertEquals(RunStatus.OK, find(bench, 1).status());
    assertEquals(1, ResultsFile.read(dir.resolve(ResultsFile.NAME)).size());
    assertTrue(Files.exists(dir.resolve(GridRunner.RUN_JSON)));
  }

  @Test
  void theIndexKeepsItsLastCompleteContentWhenAWriteFails() throws IOException {
    assumeDevFull();
    Path bench = tmp.resolve("bench");
    BenchIndex index = BenchIndex.open(bench);
    RunSpec a = new RunSpec("d", "sha", "loo/42", "pop", "id", Map.of(), 1, "full", true);
    RunSpec b = new RunSpec("d", "sha", "loo/42", "pop", "id", Map.of(), 2, "full", true);
    index.put(new RunRecord(a.id(), a, RunStatus.FAILED, "x", "runs/a", "t0", "t1", null, null));
    String before = Files.readString(bench.resolve(BenchIndex.NAME));
    Path partial = bench.resolve(BenchIndex.NAME + ".partial");
    Files.createSymbolicLink(partial, ScriptedExecutor.DEV_FULL);
    IOException e = assertThrows(IOException.class, () -> index.put(new RunRecord(b.id(), b,
        RunStatus.RUNNING, null, "runs/b", "t0", null, null, null)));
    assertEquals("cannot save the bench index " + bench.resolve(BenchIndex.NAME)
        + ": No space left on device; the previous index is unchanged", e.getMessage());
    assertEquals(before, Files.readString(bench.resolve(BenchIndex.NAME)));
    assertFalse(Files.exists(partial, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertTrue(index.dirty());
    assertEquals(1, BenchIndex.open(bench).all().size(), "a reader sees the old index");
    index.flush(); // space again
    assertFalse(index.dirty());
    assertEquals(List.of(RunStatus.FAILED, RunStatus.RUNNING),
        BenchIndex.open(bench).all().stream().map(RunRecord::status).toList());
  }

  @Test
  void theGridGoesOnWhenTheIndexCannotBeSavedAndSavesItWhenItCan() throws IOException {
    assumeDevFull();
    ScriptedExecutor ex = new ScriptedExecutor(seed -> ScriptedExecutor.Behaviour.OK);
    String yaml = GridRunnerTest.SYNTH + "models: [scripted]\nseeds: [1, 2]\n" + COST;
    Path bench = tmp.resolve("bench");
    Files.createDirectories(bench);
    // the first index write (seed 1 RUNNING) hits the full disk; later ones find space
    Files.createSymbolicLink(bench.resolve(BenchIndex.NAME + ".partial"),
        ScriptedExecutor.DEV_FULL);
    GridSummary s = run(ex, yaml, bench);
    assertEquals(2, s.succeeded(), log());
    assertTrue(log().contains("    index not saved: cannot save the bench index "), log());
    assertTrue(log().contains("No space left on device; the previous index is unchanged [disk"
        + " full at "), log());
    assertEquals(List.of(RunStatus.OK, RunStatus.OK),
        BenchIndex.open(bench).all().stream().map(RunRecord::status).toList());
  }

  @Test
  void aTinyFileSystemThatFillsUpFailsTheRunAndTheGridGoesOn() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs needs Linux");
    // a prepared dataset outside the small file system
    ScriptedExecutor ex = new ScriptedExecutor(seed -> ScriptedExecutor.Behaviour.OK);
    run(ex, GridRunnerTest.SYNTH + "models: [pop]\n" + COST, tmp.resolve("prep"));
    Path dataset = tmp.resolve("prep").resolve(GridRunner.DATASETS).resolve("tiny");
    Path mnt = Files.createDirectories(tmp.resolve("small-disk"));
    String why = mount(mnt);
    assumeTrue(why == null, "cannot mount a 1 MiB tmpfs here (" + why + "): skipping the"
        + " real full-disk test; the /dev/full tests cover the same paths");
    try {
      String yaml = "datasets: [{name: tiny, path: " + dataset + "}]\n"
          + "models: [scripted]\nseeds: [1, 2]\n" + COST;
      ex.script = seed -> seed == 1 ? ScriptedExecutor.Behaviour.FILL
          : ScriptedExecutor.Behaviour.OK;
      GridSummary s = run(ex, yaml, mnt);
      assertEquals(1, s.failed(), log());
      assertEquals(1, s.succeeded(), "the half-written file was removed: room for the next run");
      RunRecord r = find(mnt, 1);
      assertTrue(r.reason().startsWith("IOException: No space left on device [disk full at "
          + mnt.resolve(r.dir()) + " ("), r.reason());
      assertFalse(Files.exists(mnt.resolve(r.dir()).resolve("model.bin.partial")));
      assertFalse(Files.exists(mnt.resolve(r.dir()).resolve(ResultsFile.NAME)));
      ex.script = seed -> ScriptedExecutor.Behaviour.OK;
      GridSummary again = run(ex, yaml, mnt);
      assertEquals(1, again.succeeded());
      assertEquals(1, again.alreadyDone());
      assertEquals(RunStatus.OK, find(mnt, 1).status());
    } finally {
      Process p = new ProcessBuilder("umount", mnt.toString()).redirectErrorStream(true).start();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Mounts a 1 MiB tmpfs at {@code dir}; null when done, else why not. */
  private static String mount(Path dir) {
    try {
      Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs",
          dir.toString()).redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "mount did not return";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 ? null : "mount: exit " + p.exitValue() + ", " + out;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
