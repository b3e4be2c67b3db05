package dev.recompose.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainJobTest {
  @TempDir Path tmp;

  private static Map<String, String> tinySasRec() {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("max_len", "12");
    o.put("hidden_size", "16");
    o.put("epochs", "3");
    o.put("batch_size", "16");
    o.put("threads", "2");
    o.put("patience", "5");
    o.put("checkpoint_every_steps", "2");
    return o;
  }

  @Test
  void sasrecOneEpochBeatsRandomAndPop() throws Exception {
    Path data = SeqFixtures.ring(tmp.resolve("ring"), 200, 60, 24, 0.05, 1);
    Map<String, String> o = tinySasRec();
    o.put("epochs", "1");
    o.put("batch_size", "8");
    o.put("lr", "0.01");
    List<String> log = new ArrayList<>();
    TrainJob.Result sas = TrainJob.run(data, "sasrec", o, tmp.resolve("runs/sasrec"),
        ProgressFactory.NONE, log::add);
    TrainJob.Result pop = TrainJob.run(data, "pop", Map.of(), tmp.resolve("runs/pop"),
        ProgressFactory.NONE, log::add);
    double hr = sas.results().get(0).metrics().get("HR@10");
    double popHr = pop.results().get(0).metrics().get("HR@10");
    // random ranking of ~60 candidates (history masked) puts the target in the top 10 w.p. < 0.3
    assertTrue(hr > 0.6, "sasrec HR@10 " + hr + " after one epoch; log " + log);
    assertTrue(hr > popHr + 0.3, "sasrec " + hr + " vs pop " + popHr);
    EvalResult r = sas.results().get(0);
    assertEquals("full", r.protocol());
    assertEquals("test", r.stage());
    assertTrue(r.historyMasked());
    assertEquals(2020, r.seed());
    assertTrue(Files.exists(sas.run().config()));
    assertEquals(1, Files.readAllLines(sas.run().log()).size());
    // eval reloads best.safetensors and reproduces the number exactly
    assertEquals(r.metrics(), EvalJob.run(sas.run().dir(), "full", true).metrics());
  }

  @Test
  void resumeAfterInterruptionEndsWithTheSameMetricsAndWeights() throws Exception {
    Path data = SeqFixtures.ring(tmp.resolve("ring"), 60, 30, 16, 0.2, 2);
    Map<String, String> o = tinySasRec();
    TrainJob.Result full = TrainJob.run(data, "sasrec", o, tmp.resolve("runs/full"),
        ProgressFactory.NONE, s -> { });
    // 60 users with >= 2 train items -> 4 steps/epoch; checkpoints at steps 2, 4, 6, 8, 10, 12.
    TrainJob.Result cut = TrainJob.run(data, "sasrec", o, tmp.resolve("runs/cut"),
        ProgressFactory.NONE, s -> { }, step -> step == 7);
    assertTrue(cut.outcome().interrupted());
    assertTrue(cut.results().isEmpty());
    assertFalse(Files.exists(cut.run().results()));
    // a second crash right after resuming, then a clean resume
    TrainJob.Result again = TrainJob.resume(cut.run().dir(), ProgressFactory.NONE, s -> { },
        step -> step == 9);
    assertTrue(again.outcome().interrupted());
    TrainJob.Result resumed = TrainJob.resume(cut.run().dir(), ProgressFactory.NONE, s -> { });
    assertFalse(resumed.outcome().interrupted());
    assertEquals(full.results().get(0).metrics(), resumed.results().get(0).metrics());
    assertEquals(full.outcome().state().bestMetric(), resumed.outcome().state().bestMetric());
    assertArrayEquals(Files.readAllBytes(full.run().best()),
        Files.readAllBytes(resumed.run().best()));
    assertEquals(losses(full.run()), losses(resumed.run()));
    List<EvalResult> rows = ResultsFile.read(resumed.run().results());
    assertEquals(1, rows.size());
  }

  private static List<String> losses(RunDir run) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.log())) {
      var node = dev.recompose.data.store.Json.mapper().readTree(line);
      out.add(node.get("epoch") + " " + node.get("loss") + " " + node.get("valid"));
    }
    return out;
  }

  @Test
  void evalJobAddsARowPerProtocol() throws Exception {
    Path data = SeqFixtures.ring(tmp.resolve("ring"), 40, 150, 12, 0.2, 3);
    TrainJob.run(data, "itemknn", Map.of("k", "20"), tmp.resolve("runs/knn"),
        ProgressFactory.NONE, s -> { });
    EvalResult s = EvalJob.run(tmp.resolve("runs/knn"), "sampled-100-uniform", true);
    assertEquals("sampled-100-uniform", s.protocol());
    EvalResult kept = EvalJob.run(tmp.resolve("runs/knn"), "full", false);
    assertFalse(kept.historyMasked());
    List<EvalResult> rows = ResultsFile.read(tmp.resolve("runs/knn/results.json"));
    assertEquals(3, rows.size());
    assertEquals(20, rows.get(0).config().get("k"));
  }
}
