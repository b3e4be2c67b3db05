package dev.recompose.bench.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.bench.run.BudgetExceededException;
import dev.recompose.bench.run.Deadline;
import dev.recompose.bench.run.RunContext;
import dev.recompose.bench.run.RunOutcome;
import dev.recompose.bench.run.RunSpec;
import dev.recompose.bench.spec.CostOptions;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.synth.SynthConfig;
import dev.recompose.data.synth.SyntheticDatasetGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CTR bench run stopped by its budget continues from its last checkpoint on rerun. */
class CtrExecutorResumeTest {
  @TempDir Path tmp;

  @Test
  void aRunStoppedByItsBudgetResumesToTheUninterruptedResult() throws Exception {
    Path data = tmp.resolve("synth");
    SyntheticDatasetGenerator.generate(SynthConfig.of(150, 120, 3), data, false);
    RunSpec spec = new RunSpec("synth", null, "recipe", "lr", "id",
        Map.of("train.epochs", "3", "train.patience", "0"), 5, "ctr-logged", false);
    CtrExecutor ctr = new CtrExecutor();
    CostOptions cost = new CostOptions(3, 1, 16, 8);

    List<String> wholeLog = new ArrayList<>();
    RunOutcome whole = ctr.execute(spec, context(data, tmp.resolve("whole"), Duration.ofHours(1),
        cost, wholeLog));
    assertTrue(wholeLog.stream().anyMatch(l -> l.startsWith("epoch 3:")), wholeLog.toString());

    Path run = tmp.resolve("stopped");
    // an already expired budget: the first epoch ends, is checkpointed, and the run stops there
    List<String> stoppedLog = new ArrayList<>();
    assertThrows(BudgetExceededException.class,
        () -> ctr.execute(spec, context(data, run, Duration.ZERO, cost, stoppedLog)));
    assertTrue(stoppedLog.stream().anyMatch(l -> l.startsWith("epoch 1:")), stoppedLog.toString());
    assertTrue(stoppedLog.stream().noneMatch(l -> l.startsWith("epoch 2:")), stoppedLog.toString());
    List<String> log = new ArrayList<>();
    RunOutcome resumed = ctr.execute(spec, context(data, run, Duration.ofHours(1), cost, log));

    assertTrue(log.stream().anyMatch(l -> l.startsWith("resuming from")), log.toString());
    assertTrue(log.stream().noneMatch(l -> l.startsWith("epoch 1:")), "epoch 1 is not retrained");
    assertEquals(3, resumed.train().epochs());
    assertEquals(whole.result().metrics(), resumed.result().metrics());
  }

  @Test
  void aBudgetStopsAtAMidEpochCheckpointWhenThereAreSome() throws Exception {
    Path data = tmp.resolve("synth-mid");
    SyntheticDatasetGenerator.generate(SynthConfig.of(150, 120, 3), data, false);
    RunSpec spec = new RunSpec("synth", null, "recipe", "lr", "id",
        Map.of("train.epochs", "2", "train.patience", "0", "train.batch_size", "64",
            "train.checkpoint_every", "2"), 5, "ctr-logged", false);
    CtrExecutor ctr = new CtrExecutor();
    CostOptions cost = new CostOptions(3, 1, 16, 8);
    RunOutcome whole = ctr.execute(spec, context(data, tmp.resolve("whole-mid"),
        Duration.ofHours(1), cost, new ArrayList<>()));

    Path run = tmp.resolve("stopped-mid");
    List<String> stoppedLog = new ArrayList<>();
    assertThrows(BudgetExceededException.class,
        () -> ctr.execute(spec, context(data, run, Duration.ZERO, cost, stoppedLog)));
    assertTrue(stoppedLog.stream().noneMatch(l -> l.startsWith("epoch 1:")),
        "stopped at step 2 of epoch 1: " + stoppedLog);
    List<String> log = new ArrayList<>();
    RunOutcome resumed = ctr.execute(spec, context(data, run, Duration.ofHours(1), cost, log));
    assertTrue(log.stream().anyMatch(l -> l.startsWith("resumed at epoch 1 step 2 of ")),
        log.toString());
    assertEquals(whole.result().metrics(), resumed.result().metrics());
  }

  private static RunContext context(Path data, Path run, Duration budget, CostOptions cost,
      List<String> log) {
    return new RunContext(data, run, Deadline.after(budget), cost, log::add, ProgressFactory.NONE);
  }
}
