package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.ctr.train.SimpleCtrTrainer;
import dev.recompose.models.train.ChildJvm;
import dev.recompose.tensor.io.SafeTensors;
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
 * CTR checkpoints: a run stopped after an epoch, or within one with {@code train.checkpoint_every},
 * and resumed ends with the same best weights and test metrics as an uninterrupted run (in-process
 * stop, and a real SIGKILL of a child JVM), and {@code evaluateRun} reproduces the training run's
 * test metrics from {@code best.safetensors}.
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

  /**
   * The resumed run {@code b} (in {@code cut}) ended as the uninterrupted run {@code a} (in
   * {@code full}): four epochs with equal losses and validation metrics, the same best epoch and
   * test metrics, and byte-identical best weights.
   */
  private static void assertSameFourEpochRun(CtrRun.Outcome a, Path full, CtrRun.Outcome b, Path cut)
      throws IOException {
    assertEquals(4, b.report().epochs().size());
    assertEquals(a.report().bestEpoch(), b.report().bestEpoch());
    assertEquals(a.report().test(), b.report().test());
    for (int e = 0; e < 4; e++) {
      assertEquals(a.report().epochs().get(e).loss(), b.report().epochs().get(e).loss());
      assertEquals(a.report().epochs().get(e).valid(), b.report().epochs().get(e).valid());
    }
    assertArrayEquals(Files.readAllBytes(full.resolve("best.safetensors")),
        Files.readAllBytes(cut.resolve("best.safetensors")));
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
    assertSameFourEpochRun(a, full, b, cut);
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
    // SIGKILL at epoch 2's log line, usually while its checkpoint is written
    Map<String, String> ckpt = killAndResume("killed", List.of(), "epoch 2:");
    assertEquals("0", ckpt.get("step_in_epoch"), "an epoch-end checkpoint");
  }

  @Test
  void childKilledMidEpochResumesToTheSameResult() throws Exception {
    // batch 16 gives about 110 steps an epoch; the child reports each checkpoint and idles 20 ms
    // after a mid-epoch one, so the kill lands within epoch 2: in a step, a pause or a write
    Map<String, String> ckpt = killAndResume("killed-mid",
        List.of("train.batch_size=16", "train.checkpoint_every=10"), "checkpoint 2 20/");
    assertEquals("1", ckpt.get("epoch"), "epoch 2 unfinished: " + ckpt);
    assertTrue(Integer.parseInt(ckpt.get("step_in_epoch")) >= 20, "mid-epoch: " + ckpt);
  }

  /**
   * Trains deepfm for 6 epochs with {@code extra} settings in a child JVM killed at the output line
   * starting {@code killAt}, resumes it here, checks it against an uninterrupted run and returns
   * the metadata of the checkpoint the kill left.
   */
  private static Map<String, String> killAndResume(String name, List<String> extra,
      String killAt) throws Exception {
    List<String> settings = new ArrayList<>();
    CtrModelTest.small("deepfm").forEach((k, v) -> settings.add(k + "=" + v));
    settings.add("train.epochs=6");
    settings.add("train.patience=9");
    settings.addAll(extra);
    Path cut = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of(news.dir().toString(), cut.toString(), "deepfm"));
    args.addAll(settings);
    List<String> seen = ChildJvm.killAt(CtrTrainChild.class, args, killAt);
    assertTrue(Files.exists(cut.resolve("checkpoint.safetensors")), "output: " + seen);
    Map<String, String> left = SafeTensors.readAll(cut.resolve("checkpoint.safetensors"))
        .metadata();
    CtrRun.Outcome resumed = CtrRun.resume(cut, s -> { }, e -> false);
    Map<String, String> o = new java.util.LinkedHashMap<>(); // later settings win, as in the child
    for (String s : settings) {
      o.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    Path unkilled = tmp.resolve(name + "-unkilled");
    CtrRun.Outcome full = CtrRun.trainInto(news, CtrRecipe.load("deepfm").with(o), unkilled,
        s -> { }, e -> false);
    assertEquals(full.report().test(), resumed.report().test());
    assertEquals(6, resumed.report().epochs().size());
    for (int e = 0; e < 6; e++) {
      assertEquals(full.report().epochs().get(e).loss(), resumed.report().epochs().get(e).loss());
    }
    assertArrayEquals(Files.readAllBytes(unkilled.resolve("best.safetensors")),
        Files.readAllBytes(cut.resolve("best.safetensors")));
    return left;
  }

  /**
   * deepfm: point-wise, dropout; nrms: list-wise negatives, word and attention dropout. Stopped at
   * step 3 of epoch 1, resumed and stopped again at step 6 of epoch 2, resumed to the end.
   */
  @ParameterizedTest
  @ValueSource(strings = {"deepfm", "nrms"})
  void stoppedMidEpochAndResumedEqualsUninterrupted(String name) throws IOException {
    CtrRecipe r = recipe(name).with(Map.of("train.batch_size", "32",
        "train.checkpoint_every", "3"));
    Path full = tmp.resolve(name + "-mid-full");
    Path cut = tmp.resolve(name + "-mid-cut");
    CtrRun.Outcome a = CtrRun.trainInto(news, r, full, s -> { }, e -> false);
    int[] perEpoch = new int[1];
    CtrRun.Outcome first = CtrRun.trainInto(news, r, cut, s -> { }, (e, step, steps) -> {
      perEpoch[0] = steps;
      return e == 1 && step == 3;
    });
    assertNull(first.report());
    int n = perEpoch[0];
    assertTrue(n > 7, "steps per epoch: " + n);
    Map<String, String> meta = SafeTensors.readAll(cut.resolve("checkpoint.safetensors"))
        .metadata();
    assertEquals("0", meta.get("epoch"));
    assertEquals("3", meta.get("step_in_epoch"));
    List<String> log1 = new ArrayList<>();
    assertNull(CtrRun.resume(cut, log1::add, (e, step, steps) -> e == 2 && step == 6).report());
    assertTrue(log1.contains("resumed at epoch 1 step 3 of " + n + " (best epoch 0)"),
        "log: " + log1);
    assertTrue(log1.stream().anyMatch(l -> l.startsWith("epoch 1: ")
        && l.contains("(resumed at epoch 1 step 3 of " + n + ")")), "log: " + log1);
    List<String> log2 = new ArrayList<>();
    CtrRun.Outcome b = CtrRun.resume(cut, log2::add, e -> false);
    assertTrue(log2.contains("resumed at epoch 2 step 6 of " + n + " (best epoch 1)"),
        "log: " + log2);
    assertSameFourEpochRun(a, full, b, cut);
  }

  /** Mid-epoch checkpoints that never fall inside an epoch leave the run as epoch-end-only. */
  @Test
  void checkpointEveryBeyondTheEpochTrainsAsEpochEndOnly() throws IOException {
    CtrRecipe r = recipe("deepfm").with(Map.of("train.epochs", "2"));
    CtrRun.Outcome a = CtrRun.train(news, r, s -> { }, new SimpleCtrTrainer());
    CtrRun.Outcome b = CtrRun.train(news, r.with(Map.of("train.checkpoint_every", "100000")),
        s -> { }, new SimpleCtrTrainer());
    assertEquals(a.report().epochs().get(1).loss(), b.report().epochs().get(1).loss());
    assertEquals(a.report().test(), b.report().test());
  }

  @Test
  void negativeCheckpointEveryIsRefusedByName() {
    var ex = assertThrows(IllegalArgumentException.class,
        () -> recipe("deepfm").with(Map.of("train.checkpoint_every", "-1")));
    assertTrue(ex.getMessage().contains("train.checkpoint_every"), ex.getMessage());
  }
}
