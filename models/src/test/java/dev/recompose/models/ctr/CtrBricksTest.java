package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.CtrDataLoader;
import dev.recompose.models.ctr.data.CtrDataOptions;
import dev.recompose.models.ctr.data.EntityFeatures;
import dev.recompose.models.ctr.layer.AttentionPool;
import dev.recompose.models.ctr.layer.FieldEmbedder;
import dev.recompose.models.ctr.layer.Masks;
import dev.recompose.models.ctr.user.DinUserEncoder;
import dev.recompose.models.ctr.user.GruUserEncoder;
import dev.recompose.models.ctr.user.TransformerUserEncoder;
import dev.recompose.models.ctr.user.UserEncoder;
import dev.recompose.models.ctr.user.UserInput;
import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtrBricksTest {
  @TempDir static Path tmp;
  static CtrData data;

  @BeforeAll
  static void load() throws IOException {
    data = CtrDataLoader.load(Dataset.open(TinyDatasets.news(tmp.resolve("n"), 6, 16, 20, true,
        1)), CtrDataOptions.defaults());
  }

  private static Tensor history(Rng rng, int rows, int len, int width) {
    return Tensor.randn(rng, rows, len, width);
  }

  /** Encodes the first {@code len} steps of {@code h}, padded to {@code padTo} with noise. */
  private static float[] encode(UserEncoder e, Tensor h, int len, int padTo, Tensor cand) {
    int width = h.size(2);
    Tensor real = h.slice(1, 0, len);
    Tensor noise = Tensor.randn(new Rng(99), 1, padTo - len, width).mul(5f);
    Tensor padded = padTo == len ? real : Tensor.concat(1, real, noise);
    try (var g = GradMode.noGrad()) {
      return e.encode(new UserInput(new int[] {2}, padded, Masks.padding(new int[] {len}, padTo),
          new int[] {len}, cand)).data();
    }
  }

  @Test
  void historyEncodersIgnorePadding() {
    Rng rng = new Rng(3);
    BrickContext ctx = new BrickContext(data, 8, rng, 1, 0);
    Tensor h = history(rng, 1, 3, 8);
    Tensor cand = Tensor.randn(rng, 1, 8);
    List<UserEncoder> encoders = List.of(
        new GruUserEncoder(new BrickConfig("gru", Map.of()), ctx),
        new TransformerUserEncoder(new BrickConfig("transformer", Map.of("heads", 2)), ctx),
        new DinUserEncoder(new BrickConfig("din", Map.of()), ctx),
        new DinUserEncoder(new BrickConfig("din", Map.of("softmax", true)), ctx));
    for (UserEncoder e : encoders) {
      e.eval();
      float[] a = encode(e, h, 3, 3, cand);
      float[] b = encode(e, h, 3, 7, cand);
      for (int k = 0; k < a.length; k++) {
        assertEquals(a[k], b[k], 1e-4f, e.getClass().getSimpleName() + " at " + k);
      }
    }
  }

  @Test
  void emptyRowsPoolToZerosNotNaN() {
    Rng rng = new Rng(4);
    AttentionPool pool = new AttentionPool(4, 3, rng);
    Tensor x = Tensor.zeros(2, 3, 4);
    Tensor pad = Tensor.ofInts(new int[] {1, 1, 1, 0, 1, 1}, 2, 3);
    float[] out = pool.forward(x, pad).data();
    for (float v : out) {
      assertTrue(Float.isFinite(v));
    }
    float[] mean = Masks.mean(Tensor.ones(2, 3, 4), pad).data();
    assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1, 1}, mean, 1e-6f);
  }

  @Test
  void fieldEmbedderAveragesMultiValuesAndZeroesMissing() {
    EntityFeatures f = new EntityFeatures(3, List.of(
        new EntityFeatures.Categorical("c", new int[] {1, 0, 2}, 3),
        new EntityFeatures.MultiCategorical("m", new int[][] {{1, 2}, {}, {2}}, 3),
        new EntityFeatures.Numeric("x", new float[] {2f, 0f, -1f})));
    FieldEmbedder e = new FieldEmbedder(f, true, 4, 1f, new Rng(5));
    assertEquals(List.of("id", "c", "m", "x"), e.names());
    Tensor out = e.forward(new int[] {0, 1, 2});
    assertArrayEquals(new int[] {3, 4, 4}, out.shape());
    float[] m = e.parameters().get("m.weight").data();
    float[] c = e.parameters().get("c.weight").data();
    float[] x = e.parameters().get("x").data();
    for (int k = 0; k < 4; k++) {
      // entity 0: multi-valued field = mean of rows 1 and 2; numeric = 2 * vector
      assertEquals((m[4 + k] + m[8 + k]) / 2, out.get(0, 2, k), 1e-6f);
      assertEquals(2 * x[k], out.get(0, 3, k), 1e-6f);
      // entity 1: missing category and empty list give zeros
      assertEquals(0f, out.get(1, 1, k));
      assertEquals(0f, out.get(1, 2, k));
      assertEquals(c[8 + k], out.get(2, 1, k), 1e-6f);
    }
  }

  @Test
  void brickConfigFailsWithTheBrickAndKeyNamed() {
    BrickConfig cfg = new BrickConfig("dnn", Map.of("hidden", "big", "dropout", 0.5));
    var e = assertThrows(IllegalArgumentException.class, () -> cfg.getInts("hidden", null));
    assertEquals("brick 'dnn': 'hidden' must be a list of integers, got big", e.getMessage());
    assertEquals(0.5f, cfg.getFloat("dropout", 0f));
    assertEquals(7, cfg.getInt("missing", 7));
    assertThrows(IllegalArgumentException.class, () -> BrickConfig.of(Map.of("hidden", 3), "x"));
  }
}
