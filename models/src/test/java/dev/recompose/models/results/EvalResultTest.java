package dev.recompose.models.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recompose.data.BuildInfo;
import dev.recompose.data.store.Json;
import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.FullRankingEvaluator;
import dev.recompose.models.seq.DatasetRef;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.testutil.MatrixScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalResultTest {
  @TempDir Path tmp;

  @Test
  void configHashIsCanonical() {
    assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        ConfigHash.of(Map.of()), "sha256 of '{}'");
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("k", 100);
    a.put("model", "itemknn");
    a.put("nested", Map.of("z", 1, "a", 2));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("nested", Map.of("a", 2, "z", 1));
    b.put("model", "itemknn");
    b.put("k", 100);
    assertEquals("{\"k\":100,\"model\":\"itemknn\",\"nested\":{\"a\":2,\"z\":1}}",
        ConfigHash.canonicalJson(b));
    assertEquals(ConfigHash.of(a), ConfigHash.of(b));
    b.put("k", 50);
    assertNotEquals(ConfigHash.of(a), ConfigHash.of(b));
  }

  @Test
  void resultsJsonCarriesTheProtocolAndRoundTrips() throws IOException {
    SequenceData data = SequenceData.of(
        new DatasetRef("toy", "ab".repeat(32), "leave-one-out", 3), 3,
        new int[][] {{0}, {1}}, new int[] {-1, -1}, new int[] {1, 2});
    MatrixScorer s = new MatrixScorer(new float[][] {{0f, 1f, 0.5f}, {0f, 1f, 0.5f}});
    EvalOutcome o = new FullRankingEvaluator(EvalOptions.defaults()).evaluate(s, data, Stage.TEST);
    EvalResult r = EvalResult.of(o, data.ref(), "matrix", Map.of("model", "matrix"), 42);
    Path file = tmp.resolve("run/results.json");
    ResultsFile.write(file, List.of(r));
    JsonNode row = Json.mapper().readTree(Files.readString(file)).get(0);
    assertEquals("full", row.get("protocol").asText());
    assertEquals("test", row.get("stage").asText());
    assertTrue(row.get("historyMasked").asBoolean());
    assertTrue(row.get("samplingSeed").isNull(), "full ranking samples nothing");
    assertEquals("pessimistic", row.get("tiePolicy").asText());
    assertEquals("leave-one-out", row.get("splitScheme").asText());
    assertEquals(3, row.get("splitSeed").asLong());
    assertEquals("ab".repeat(32), row.get("datasetSha256").asText());
    assertEquals(ConfigHash.of(Map.of("model", "matrix")), row.get("configHash").asText());
    assertEquals(42, row.get("seed").asLong());
    assertEquals(BuildInfo.version(), row.get("codeVersion").asText());
    assertEquals(2, row.get("users").asInt());
    // u0: masked {0}, target 1 ranks first; u1: masked {1}, target 2 (0.5) -> 1
    assertEquals(1.0, row.get("metrics").get("HR@1").asDouble(), 1e-12);
    assertEquals(List.of(r).get(0), ResultsFile.read(file).get(0));
    String table = ResultTable.format(List.of(r));
    assertTrue(table.lines().findFirst().orElseThrow().startsWith("model   protocol"), table);
    assertTrue(table.contains("matrix  full      test   masked"), table);
    assertTrue(table.contains("1.0000"), table);
    assertTrue(table.contains("split leave-one-out seed 3, ties pessimistic"), table);
    EvalResult other = new EvalResult("full", "test", false, null, "pessimistic", "temporal", 1, "b",
        null, "pop", Map.of(), ConfigHash.of(Map.of()), 1, "x", 5, Map.of("HR@10", 0.25), 1, 5);
    String two = ResultTable.format(List.of(r, other, r));
    assertEquals(2, two.lines().filter(l -> l.startsWith("dataset ")).count(), two);
    assertTrue(two.contains("pop     full      test   kept         5  0.2500        -"), two);
  }
}
