package dev.recompose.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.models.recipe.Recipes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM trains, is killed with SIGKILL during its second epoch (often in the
 * middle of a checkpoint write), and the run resumed in this JVM must end with the same best
 * weights and test metrics as an uninterrupted run.
 */
class SigkillResumeTest {
  @TempDir Path tmp;

  private static final List<String> SETTINGS = List.of("max_len=12", "hidden_size=16",
      "epochs=4", "batch_size=4", "threads=1", "patience=9", "checkpoint_every_steps=1");

  @Test
  void killedChildResumesToTheSameResult() throws Exception {
    Path data = SeqFixtures.ring(tmp.resolve("ring"), 60, 30, 16, 0.2, 5);
    Path cut = tmp.resolve("cut");
    List<String> args = new ArrayList<>(List.of(data.toString(), cut.toString(), "sasrec"));
    args.addAll(SETTINGS);
    List<String> seen = ChildJvm.killAt(TrainChild.class, args, "epoch   1");
    assertTrue(seen.stream().noneMatch(l -> l.equals("done")));
    assertTrue(seen.stream().anyMatch(l -> l.startsWith("epoch   1")), "child output: " + seen);
    assertTrue(Files.exists(cut.resolve("checkpoint.safetensors")));
    TrainJob.Result resumed = TrainJob.resume(cut, ProgressFactory.NONE, s -> { });

    Map<String, String> o = Recipes.overrides(SETTINGS);
    TrainJob.Result full = TrainJob.run(data, "sasrec", o, tmp.resolve("full"),
        ProgressFactory.NONE, s -> { });
    assertEquals(full.results().get(0).metrics(), resumed.results().get(0).metrics());
    assertArrayEquals(Files.readAllBytes(full.run().best()),
        Files.readAllBytes(resumed.run().best()));
    assertEquals(4, Files.readAllLines(resumed.run().log()).size());
  }
}
