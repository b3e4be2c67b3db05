package dev.recompose.bench.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.bench.board.LeaderboardRow;
import dev.recompose.bench.run.BaselineExecutor;
import dev.recompose.bench.run.ExecutorRegistry;
import dev.recompose.bench.spec.BenchSpec;
import dev.recompose.bench.spec.SpecParser;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.synth.SynthConfig;
import dev.recompose.data.synth.SyntheticDatasetGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
  @TempDir Path tmp;

  /** Baselines only, so the test plans the same grid whether or not adapters are enabled. */
  private static final ExecutorRegistry BASELINES =
      new ExecutorRegistry(List.of(new BaselineExecutor()));

  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);

  @Test
  void runsTheBaselinesOnSyntheticDataAndPrintsLeaderboardAndReport() throws Exception {
    QuickstartOptions opts = QuickstartOptions.defaults(tmp.resolve("qs"))
        .withSynthOptions(Map.of("users", "150", "items", "200"));
    QuickstartResult r = Quickstart.run(opts, BASELINES, out);
    String text = buf.toString(StandardCharsets.UTF_8);
    assertEquals(2, r.summary().planned());
    assertEquals(2, r.summary().succeeded(), text);
    List<LeaderboardRow> rows = r.leaderboard().rows();
    assertEquals(List.of("itemknn", "pop").stream().sorted().toList(),
        rows.stream().map(LeaderboardRow::model).sorted().toList());
    assertTrue(text.contains("generating the synthetic dataset (150 users, 200 items)"), text);
    assertTrue(text.contains("[1/2] synthetic / pop (id) / full / seed 42 ..."), text);
    assertTrue(text.contains("dataset synthetic, protocol full, split leave-one-out/42"), text);
    assertTrue(text.contains("report: " + r.report().toAbsolutePath()), text);
    assertTrue(text.contains("(not in this build: sasrec, deepfm)"), text);
    assertTrue(Files.size(r.report()) > 1000);
    assertTrue(Files.exists(tmp.resolve("qs/leaderboard.csv")));
    assertTrue(Files.exists(tmp.resolve("qs/leaderboard.md")));
    BenchSpec spec = new SpecParser(BASELINES.models()).read(r.spec());
    assertEquals(2, spec.models().size());

    buf.reset();
    QuickstartResult again = Quickstart.run(opts, BASELINES, out);
    assertEquals(2, again.summary().alreadyDone(), "a second quickstart resumes");
  }

  @Test
  void onAPreparedDatasetSplitsACopyAndLeavesTheOriginalAlone() throws Exception {
    Path data = tmp.resolve("mydata");
    SyntheticDatasetGenerator.generate(SynthConfig.of(120, 200, 3), data, false);
    QuickstartResult r = Quickstart.run(QuickstartOptions.defaults(tmp.resolve("qs"))
        .withData(data), BASELINES, out);
    assertEquals(2, r.summary().succeeded(), buf.toString(StandardCharsets.UTF_8));
    assertNull(Dataset.open(data).manifest().split(), "the user's directory is not modified");
    assertEquals("mydata", r.leaderboard().rows().getFirst().dataset());
    assertEquals("leave-one-out",
        Dataset.open(tmp.resolve("qs/datasets/mydata")).manifest().split().scheme());
  }
}
