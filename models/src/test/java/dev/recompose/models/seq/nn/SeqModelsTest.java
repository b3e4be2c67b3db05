package dev.recompose.models.seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.models.train.SeqFixtures;
import dev.recompose.models.train.TrainJob;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeqModelsTest {
  @TempDir Path tmp;

  /** Tiny settings per model so that a few epochs run in about a second. */
  private static Map<String, String> tiny(String model) {
    return switch (model) {
      case "sasrec", "sasrec-ce" -> Map.of("max_len", "10", "hidden_size", "16", "epochs", "4",
          "batch_size", "16", "lr", "0.01", "threads", "1");
      case "bert4rec" -> Map.of("max_len", "10", "hidden_size", "16", "inner_size", "32",
          "epochs", "20", "batch_size", "16", "lr", "0.01", "threads", "1");
      case "gru4rec" -> Map.of("max_len", "10", "embedding_size", "16", "hidden_size", "16",
          "epochs", "4", "batch_size", "16", "lr", "0.01", "threads", "1");
      case "caser" -> Map.of("embedding_size", "16", "epochs", "4", "batch_size", "64", "lr",
          "0.01", "threads", "1", "dropout", "0.2");
      case "bprmf" -> Map.of("embedding_size", "16", "epochs", "4", "batch_size", "128", "lr",
          "0.01", "threads", "1");
      default -> Map.of();
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"sasrec", "sasrec-ce", "bert4rec", "gru4rec", "caser"})
  void sequentialModelsLearnTheRing(String model) throws Exception {
    Path data = SeqFixtures.ring(tmp.resolve("ring"), 120, 40, 16, 0.05, 7);
    var r = TrainJob.run(data, model, tiny(model), tmp.resolve(model), ProgressFactory.NONE,
        s -> { });
    double hr = r.results().get(0).metrics().get("HR@10");
    // random ranking of ~30 unmasked candidates: HR@10 about 0.33
    assertTrue(hr > 0.6, model + " HR@10 " + hr);
    assertEquals(model, r.results().get(0).model());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bprmf"})
  void bprMfLearnsCommunities(String model) throws Exception {
    // two communities of users: even users only use items 0..19, odd users items 20..39
    int users = 100;
    int[][] seqs = new int[users][];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int u = 0; u < users; u++) {
      seqs[u] = new int[12];
      for (int p = 0; p < 12; p++) {
        seqs[u][p] = (u % 2) * 20 + rnd.nextInt(20);
      }
    }
    Path data = SeqFixtures.write(tmp.resolve("two"), 40, seqs);
    var r = TrainJob.run(data, model, tiny(model), tmp.resolve(model), ProgressFactory.NONE,
        s -> { });
    double hr = r.results().get(0).metrics().get("HR@10");
    // random: 10 of ~33 unmasked candidates = 0.3; the right community gives 10 of ~13
    assertTrue(hr > 0.5, model + " HR@10 " + hr);
  }
}
