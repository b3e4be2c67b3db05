package dev.recompose.bench.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.bench.run.BenchIndex;
import dev.recompose.bench.run.ExecutorRegistry;
import dev.recompose.bench.run.GridRunner;
import dev.recompose.bench.run.GridSummary;
import dev.recompose.bench.run.RunRecord;
import dev.recompose.bench.run.RunStatus;
import dev.recompose.bench.spec.SpecParser;
import dev.recompose.data.store.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters end to end on a small synthetic dataset, found through ServiceLoader. */
class AdaptersTest {
  @TempDir Path tmp;

  @Test
  void trainsSasrecAndLrOnIdEmbAndSidItems() throws Exception {
    ExecutorRegistry reg = ExecutorRegistry.defaults();
    assertTrue(reg.has("sasrec") && reg.has("deepfm"), reg.models().toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    GridSummary s = new GridRunner(reg, new PrintStream(buf, true, StandardCharsets.UTF_8)).run(
        new SpecParser(reg.models()).parse("""
            datasets: [{name: small, synth: {users: 200, items: 160}}]
            models:
              - {name: sasrec, representations: [id, emb, sid], overrides: {epochs: 2, max_len: 20}}
              - {name: lr, representations: [id, emb, sid], overrides: {train.epochs: 2}}
            protocols: [full, ctr-logged]
            cost: {latency_repeats: 5, warmup: 1, throughput_users: 64}
            """, tmp), tmp.resolve("bench"));
    String log = buf.toString(StandardCharsets.UTF_8);
    assertEquals(6, s.planned(), log);
    assertEquals(6, s.succeeded(), log);
    for (RunRecord r : BenchIndex.open(tmp.resolve("bench")).all()) {
      if (r.spec().model().equals("sasrec")) {
        String config = Files.readString(tmp.resolve("bench").resolve(r.dir()).resolve("config.yaml"));
        String want = switch (r.spec().representation()) {
          case "emb" -> "embedding:emb_minilm";
          case "sid" -> "sid:sid";
          default -> "id";
        };
        assertTrue(config.contains("item.repr: " + want), r.spec().label() + ": " + config);
      }
      // every cost column, for the sequential and the CTR runs alike
      assertEquals(2, r.cost().epochs(), r.spec().label());
      assertTrue(r.cost().parameters() > 0, r.spec().label());
      assertTrue(r.cost().trainSeconds() > 0, r.spec().label());
      assertTrue(r.cost().samplesPerSecond() > 0, r.spec().label());
      assertTrue(r.cost().latencyP50Ms() > 0, r.spec().label());
      assertTrue(r.cost().latencyP99Ms() >= r.cost().latencyP50Ms(), r.spec().label());
      assertTrue(r.cost().usersPerSecond() > 0, "throughput of " + r.spec().label());
      assertTrue(r.cost().peakHeapMiB() > 0, "peak heap of " + r.spec().label());
      assertTrue(r.cost().wallSeconds() > 0, r.spec().label());
      assertTrue(Files.exists(tmp.resolve("bench").resolve(r.dir()).resolve("train-log.jsonl")));
      assertNotNull(r.metrics().get(r.spec().protocol().equals("full") ? "NDCG@10" : "auc"));
    }
    Dataset ds = Dataset.open(tmp.resolve("bench/datasets/small"));
    assertTrue(ds.table("items").has("emb_minilm"));
    assertTrue(ds.table("items").has("sid"));
  }

  @Test
  void sequentialRepresentationsFollowTheRecipesItemReprSetting() {
    SeqTrainExecutor seq = new SeqTrainExecutor();
    assertEquals(java.util.Set.of("id", "emb", "sid"), seq.representations("sasrec"));
    assertEquals(java.util.Set.of("id"), seq.representations("caser"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> seq.validate("sasrec", java.util.Map.of("item.repr", "embedding")));
    assertTrue(e.getMessage().contains("representations"), e.getMessage());
  }

  @Test
  void aLossThatDivergesIsAFailedRowWithItsReasonAndTheGridGoesOn() throws Exception {
    ExecutorRegistry reg = ExecutorRegistry.defaults();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Path bench = tmp.resolve("bench");
    GridSummary s = new GridRunner(reg, new PrintStream(buf, true, StandardCharsets.UTF_8)).run(
        new SpecParser(reg.models()).parse("""
            datasets: [{name: small, synth: {users: 200, items: 160}}]
            models:
              - {name: sasrec, overrides: {epochs: 2, max_len: 20, lr: 1.0e30}}
              - {name: dnn, overrides: {train.epochs: 2, train.lr: 1.0e30}}
              - pop
            protocols: [full, ctr-logged]
            cost: {latency_repeats: 3, warmup: 0, throughput_users: 16}
            """, tmp), bench);
    String log = buf.toString(StandardCharsets.UTF_8);
    assertEquals(3, s.planned(), log);
    assertEquals(2, s.failed(), log);
    assertEquals(1, s.succeeded(), log);
    for (RunRecord r : BenchIndex.open(bench).all()) {
      if (r.spec().model().equals("pop")) {
        assertEquals(RunStatus.OK, r.status());
        continue;
      }
      assertEquals(RunStatus.FAILED, r.status(), r.spec().label());
      assertTrue(r.reason().matches("IllegalStateException: loss is (NaN|-?Infinity) at epoch .*"),
          r.reason());
      assertFalse(Files.exists(bench.resolve(r.dir()).resolve("results.json")), r.spec().label());
    }
  }
}
