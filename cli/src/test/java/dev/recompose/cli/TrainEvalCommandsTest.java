package dev.recompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recompose.data.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvalCommandsTest {
  @TempDir Path tmp;
  Path data;

  @BeforeEach
  void synthAndSplit() {
    data = tmp.resolve("syn");
    assertEquals(0, CliRunner.run("data", "synth", "--users", "150", "--items", "300", "--out",
        data.toString()).code());
    assertEquals(0, CliRunner.run("data", "split", data.toString(), "--scheme", "leave-one-out")
        .code());
  }

  @Test
  void trainPopThenEvalSampledWritesBothRows() throws Exception {
    Path run = tmp.resolve("runs/pop");
    CliRunner t = CliRunner.run("train", "--data", data.toString(), "--model", "pop", "--out",
        run.toString(), "--quiet");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("full") && t.out().contains("masked"), t.out());
    CliRunner e = CliRunner.run("eval", "--run", run.toString(), "--protocol",
        "sampled-100-uniform", "--json");
    assertEquals(0, e.code(), e.err());
    JsonNode row = Json.mapper().readTree(e.out());
    assertEquals("sampled-100-uniform", row.get("protocol").asText());
    JsonNode all = Json.mapper().readTree(Files.readString(run.resolve("results.json")));
    assertEquals(2, all.size(), "full from train plus the sampled row");
  }

  @Test
  void ctrRunCheckpointsResumesAndReEvaluates() throws Exception {
    Path ctr = tmp.resolve("syn-ctr");
    assertEquals(0, CliRunner.run("data", "synth", "--users", "150", "--items", "300", "--out",
        ctr.toString()).code());
    assertEquals(0, CliRunner.run("data", "split", ctr.toString(), "--scheme", "user-ratio",
        "-p", "shuffle=true").code());
    Path run = tmp.resolve("runs/deepfm");
    CliRunner t = CliRunner.run("train", "--data", ctr.toString(), "--model", "deepfm", "--set",
        "train.epochs=2", "--set", "model.predictor.hidden=[16]", "--set", "train.batch_size=256",
        "--out", run.toString(), "--quiet");
    assertEquals(0, t.code(), t.err());
    assertTrue(Files.isRegularFile(run.resolve("checkpoint.safetensors")), t.out());
    assertTrue(Files.isRegularFile(run.resolve("best.safetensors")), t.out());
    JsonNode trained = Json.mapper().readTree(run.resolve("results.json").toFile());
    CliRunner e = CliRunner.run("eval", "--run", run.toString(), "--json");
    assertEquals(0, e.code(), e.err());
    JsonNode row = Json.mapper().readTree(e.out());
    assertEquals("ctr-logged", row.get("protocol").asText());
    assertEquals(trained.at("/metrics/auc").asDouble(), row.at("/metrics/auc").asDouble());
    assertEquals(trained.at("/metrics/logloss").asDouble(), row.at("/metrics/logloss").asDouble());
    assertTrue(row.get("matchesResultsJson").asBoolean(), e.out());
    CliRunner r = CliRunner.run("train", "--resume", run.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode resumed = Json.mapper().readTree(run.resolve("results.json").toFile());
    assertEquals(trained.get("metrics"), resumed.get("metrics"));
  }

  @Test
  void badTrainRequestsAreUserErrors() {
    CliRunner unknownModel = CliRunner.run("train", "--data", data.toString(), "--model", "nope");
    assertEquals(1, unknownModel.code());
    assertTrue(unknownModel.err().contains("sasrec") && unknownModel.err().contains("deepfm"),
        unknownModel.err());
    CliRunner badKey = CliRunner.run("train", "--data", data.toString(), "--model", "sasrec",
        "--set", "epoch=1", "--out", tmp.resolve("r").toString());
    assertEquals(1, badKey.code());
    assertTrue(badKey.err().contains("unknown key 'epoch'") && badKey.err().contains("epochs"),
        badKey.err());
    CliRunner noColumn = CliRunner.run("train", "--data", data.toString(), "--model", "sasrec",
        "--set", "item.repr=embedding", "--out", tmp.resolve("r").toString());
    assertEquals(1, noColumn.code(), noColumn.err());
    assertTrue(noColumn.err().contains("no VECTOR column 'emb_minilm'")
        && noColumn.err().contains("recompose repr embed"), noColumn.err());
    CliRunner badRepr = CliRunner.run("train", "--data", data.toString(), "--model", "sasrec",
        "--set", "item.repr=bert", "--out", tmp.resolve("r").toString());
    assertEquals(1, badRepr.code(), badRepr.err());
    assertTrue(badRepr.err().contains("embedding[:COLUMN]"), badRepr.err());
    CliRunner badProtocol = CliRunner.run("eval", "--run", tmp.resolve("r").toString(),
        "--protocol", "sampled-7");
    assertEquals(1, badProtocol.code(), badProtocol.err());
  }

  @Test
  void sasrecTrainsOnTokenisedTitlesWithOneSetting() throws Exception {
    assertEquals(0, CliRunner.run("repr", "tokenize", "--data", data.toString()).code());
    Path run = tmp.resolve("runs/sasrec-text");
    CliRunner t = CliRunner.run("train", "--data", data.toString(), "--model", "sasrec",
        "--set", "item.repr=text", "--set", "epochs=1", "--set", "max_len=10", "--set",
        "hidden_size=8", "--set", "threads=1", "--out", run.toString(), "--quiet");
    assertEquals(0, t.code(), t.err());
    assertTrue(Files.readString(run.resolve("config.yaml")).contains("item.repr: text"));
  }

  @Test
  void defaultRunDirectoryIsRunsSlashModel() throws Exception {
    Path cwdRuns = Path.of("runs", "pop");
    try {
      CliRunner t = CliRunner.run("train", "--data", data.toString(), "--model", "pop", "--quiet");
      assertEquals(0, t.code(), t.err());
      assertTrue(Files.isRegularFile(cwdRuns.resolve("results.json")), t.out());
    } finally {
      if (Files.exists(cwdRuns)) {
        try (var s = Files.walk(Path.of("runs"))) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
