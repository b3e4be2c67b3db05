package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.ctr.train.SimpleCtrTrainer;
import dev.recompose.models.train.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CTR checkpoints: a run stopped after an epoch and resumed ends with the same best weights and
 * test metrics as an uninterrupted run (in-process stop, and a real SIGKILL of a child JVM), and
 * {@code evaluateRun} reproduces the training run's test metrics from {@code best.safetensors}.
 */
class CtrResumeTest {
  @TempDir static Path tmp;
  static Dataset news;

  @BeforeAll
  static void data() throws IOException {
    news = Dataset.open(TinyDatasets.news(tmp.resolve("news"), 24, 48, 400, true, 3));
  }

  private static CtrRecipe recipe(String name) throws IOException {
    Map<String, String> m = CtrModelTest.small(name);
    m.put("train.epochs", "4");
    m.put("train.patience", "9");
    return CtrRecipe.load(name).with(m);
  }

  /** deepfm: dropout + embedding tables; lstur: GRU user masking; nrms: text + attention. */
  @ParameterizedTest
  @ValueSource(strings = {"deepfm", "lstur", "nrms"})
  void stoppedAndResumedEqualsUninterrupted(String name) throws IOException {
    Path full = tmp.resolve(name + "-full");
    Path cut = tmp.resolve(name + "-cut");
    CtrRun.Outcome a = CtrRun.trainInto(news, recipe(name), full, s -> { }, e -> false);
    CtrRun.Outcome stopped = CtrRun.trainInto(news, recipe(name), cut, s -> { }, e -> e == 2);
    assertNull(stopped.report(), "the stop hook ends the run after epoch 2");
    CtrRun.Outcome b = CtrRun.resume(cut, s -> { }, e -> false);
    assertEquals(4, b.report().epochs().size());
    assertEquals(a.report().bestEpoch(), b.report().bestEpoch());
    assertEquals(a.report().test(), b.report().test());
    for (int e = 0; e < 4; e++) {
      assertEquals(a.report().epochs().get(e).loss(), b.report().epochs().get(e).loss());
      assertEquals(a.report().epochs().get(e).valid(), b.report().epochs().get(e).valid());
    }
    assertArrayEquals(Files.readAllBytes(full.resolve("best.safetensors")),
        Files.readAllBytes(cut.resolve("best.safetensors")));
    assertEquals(a.report().test(), CtrRun.evaluateRun(full).metrics(),
        "eval from best.safetensors reproduces the training run's test metrics");
  }

  @Test
  void withoutRunDirectoryTrainsTheSame() throws IOException {
    CtrRun.Outcome a = CtrRun.trainInto(news, recipe("deepfm"), tmp.resolve("plain-dir"),
        s -> { }, e -> false);
    CtrRun.Outcome b = CtrRun.train(news, recipe("deepfm"), s -> { }, new SimpleCtrTrainer());
    assertEquals(a.report().test(), b.report().test());
  }

  @Test
  void resumingAFinishedRunOnlyEvaluates() throws IOException {
    Path dir = tmp.resolve("finished");
    CtrRun.Outcome a = CtrRun.trainInto(news, recipe("dnn"), dir, s -> { }, e -> false);
    CtrRun.Outcome again = CtrRun.resume(dir, s -> { }, e -> false);
    assertEquals(a.report().test(), again.report().test());
  }

  @Test
  void resumeWithoutCheckpointSaysSo() throws IOException {
    Path dir = tmp.resolve("empty");
    CtrRun.trainInto(news, recipe("dnn").with(Map.of("train.epochs", "1")), dir, s -> { },
        e -> false);
    Files.delete(dir.resolve("checkpoint.safetensors"));
    var ex = assertThrows(IllegalStateException.class, () -> CtrRun.resume(dir, s -> { },
        e -> false));
    assertTrue(ex.getMessage().contains("no checkpoint"), ex.getMessage());
  }

  @Test
  void killedChildResumesToTheSameResult() throws Exception {
    List<String> settings = new ArrayList<>();
    CtrModelTest.small("deepfm").forEach((k, v) -> settings.add(k + "=" + v));
    settings.add("train.epochs=6");
    settings.add("train.patience=9");
    Path cut = tmp.resolve("killed");
    List<String> args = new ArrayList<>(List.of(news.dir().toString(), cut.toString(), "deepfm"));
    args.addAll(settings);
    // SIGKILL at epoch 2's log line, usually while its checkpoint is written
    List<String> seen = ChildJvm.killAt(CtrTrainChild.class, args, "epoch 2:");
    assertTrue(Files.exists(cut.resolve("checkpoint.safetensors")), "output: " + seen);
    CtrRun.Outcome resumed = CtrRun.resume(cut, s -> { }, e -> false);
    Map<String, String> o = new java.util.LinkedHashMap<>(); // later settings win, as in the child
    for (String s : settings) {
      o.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    CtrRun.Outcome full = CtrRun.trainInto(news, CtrRecipe.load("deepfm").with(o),
        tmp.resolve("unkilled"), s -> { }, e -> false);
    assertEquals(full.report().test(), resumed.report().test());
    assertEquals(6, resumed.report().epochs().size());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("unkilled").resolve("best.safetensors")),
        Files.readAllBytes(cut.resolve("best.safetensors")));
  }
}
