package dev.recompose.models.seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.recipe.Recipes;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.train.SeqFixtures;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SASRec's compacted training path (row-wise layers on real rows only) against the padded path:
 * same loss and gradients for the same step seed, dropout included.
 */
class SasRecCompactTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({"original,bce,0.5", "original,ce,0.3", "pre-ln,bce,0.2", "post-ln,bce,0.2",
      "original,bce,0"})
  void compactedLossAndGradientsEqualThePaddedPath(String layout, String loss, String dropout)
      throws Exception {
    // sequences of 8..16 items against max_len 10: some windows padded, some full
    Path data = SeqFixtures.ring(tmp.resolve("ring"), 60, 30, 16, 0.2, 5);
    SequenceData seq = SequenceData.load(Dataset.open(data));
    var r = Recipes.load("sasrec").with(Map.of("max_len", "10", "hidden_size", "12",
        "heads", layout.equals("original") ? "1" : "2", "block_layout", layout, "loss", loss,
        "dropout", dropout, "seed", "3"));
    SasRec net = new SasRec(r, seq);
    net.train();
    int[] batch = new int[net.numExamples()];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = i;
    }
    Map<String, float[]> padded = new LinkedHashMap<>();
    net.setCompact(false);
    float lp = step(net, batch, padded);
    Map<String, float[]> compact = new LinkedHashMap<>();
    net.setCompact(true);
    float lc = step(net, batch, compact);
    assertEquals(lp, lc, 0f, "the forward pass is bit-identical");
    assertTrue(lp > 0, "loss " + lp);
    for (var e : padded.entrySet()) {
      float[] a = e.getValue();
      float[] b = compact.get(e.getKey());
      double scale = 0;
      for (float v : a) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-5 * Math.max(scale, 1e-3), e.getKey() + "[" + i + "]");
      }
    }
  }

  private static float step(SasRec net, int[] batch, Map<String, float[]> grads) {
    for (Tensor p : net.parameters().values()) {
      p.zeroGrad();
    }
    Tensor l = net.loss(batch, new Rng(11));
    l.backward();
    for (var e : net.parameters().entrySet()) {
      Tensor g = e.getValue().grad();
      grads.put(e.getKey(), g == null ? new float[e.getValue().numel()] : g.data().clone());
    }
    return l.item();
  }
}
