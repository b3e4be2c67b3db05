package dev.recompose.models.repr.sid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.ListColumn;
import dev.recompose.data.store.Provenance;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RqKMeansTest {
  @TempDir Path tmp;

  /** Items = A[a] + B[b] + noise: level 1 must find a, level 2 must find b. */
  static float[] planted(int na, int nb, int per, int d, int[] trueA, int[] trueB, long seed) {
    Random r = new Random(seed);
    float[][] a = new float[na][d];
    float[][] b = new float[nb][d];
    for (float[] v : a) {
      for (int t = 0; t < d; t++) {
        v[t] = (float) (r.nextGaussian() * 10);
      }
    }
    for (float[] v : b) {
      for (int t = 0; t < d; t++) {
        v[t] = (float) r.nextGaussian();
      }
    }
    int n = na * nb * per;
    float[] x = new float[n * d];
    int i = 0;
    for (int p = 0; p < per; p++) {
      for (int ia = 0; ia < na; ia++) {
        for (int ib = 0; ib < nb; ib++) {
          trueA[i] = ia;
          trueB[i] = ib;
          for (int t = 0; t < d; t++) {
            x[i * d + t] = a[ia][t] + b[ib][t] + (float) (r.nextGaussian() * 0.01);
          }
          i++;
        }
      }
    }
    return x;
  }

  /** Whether {@code got} equals {@code want} up to a one-to-one relabelling. */
  static void assertSamePartition(int[] want, int[] got) {
    Map<Integer, Integer> fw = new HashMap<>();
    Map<Integer, Integer> bw = new HashMap<>();
    for (int i = 0; i < want.length; i++) {
      Integer g = fw.putIfAbsent(want[i], got[i]);
      assertTrue(g == null || g == got[i], "item " + i + ": planted " + want[i] + " split");
      Integer w = bw.putIfAbsent(got[i], want[i]);
      assertTrue(w == null || w == want[i], "item " + i + ": code " + got[i] + " merges");
    }
  }

  static int[] level(SemanticIds s, int l) {
    int[] out = new int[s.items()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.raw()[i * s.levels() + l];
    }
    return out;
  }

  @Test
  void recoversPlantedHierarchyExactly() {
    int n = 6 * 5 * 20;
    int[] ta = new int[n];
    int[] tb = new int[n];
    float[] x = planted(6, 5, 20, 24, ta, tb, 7);
    RqKMeansConfig cfg = new RqKMeansConfig(2, 6, 30, 0, 1000, 0, 50, 1);
    SemanticIds s = new RqKMeans(cfg).fit(x, n, 24);
    assertSamePartition(ta, level(s, 0));
    // level 2 has 6 codes for 5 planted offsets: each planted offset must stay in one code
    int[] l2 = level(s, 1);
    Map<Integer, Set<Integer>> codesOfB = new HashMap<>();
    for (int i = 0; i < n; i++) {
      codesOfB.computeIfAbsent(tb[i], k -> new HashSet<>()).add(l2[i]);
    }
    cfg = cfg.withCodes(5);
    s = new RqKMeans(new RqKMeansConfig(2, 5, 30, 0, 1000, 0, 50, 1)).fit(x, n, 24);
    // with 5 codes per level, level 1 cannot be exact, so check level 2 on the 6-code run only
    assertTrue(codesOfB.values().stream().allMatch(c -> c.size() <= 2), codesOfB.toString());
    SemanticIds exact = new RqKMeans(new RqKMeansConfig(2, 6, 30, 0, 1000, 0, 50, 1))
        .fit(x, n, 24);
    assertTrue(exact.report().relativeError() < 1e-3, exact.report().summary());
  }

  @Test
  void levelTwoRecoversPlantedOffsetsWhenCodesMatch() {
    int n = 4 * 4 * 25;
    int[] ta = new int[n];
    int[] tb = new int[n];
    float[] x = planted(4, 4, 25, 16, ta, tb, 11);
    SemanticIds s = new RqKMeans(new RqKMeansConfig(2, 4, 30, 0, 1000, 0, 50, 3)).fit(x, n, 16);
    assertSamePartition(ta, level(s, 0));
    assertSamePartition(tb, level(s, 1));
    assertEquals(List.of(4, 4), List.of(s.report().codesUsed()[0], s.report().codesUsed()[1]));
  }

  @Test
  void deterministicForASeed() {
    Random r = new Random(5);
    int n = 3000;
    int d = 32;
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    RqKMeansConfig cfg = new RqKMeansConfig(3, 16, 10, 0, 4096, 0, 50, 99);
    SemanticIds a = new RqKMeans(cfg).fit(x, n, d);
    SemanticIds b = new RqKMeans(cfg).fit(x.clone(), n, d);
    assertArrayEquals(a.codes(), b.codes());
    assertArrayEquals(a.codebooks()[2], b.codebooks()[2]);
    SemanticIds c = new RqKMeans(cfg.withSeed(100)).fit(x, n, d);
    assertTrue(!java.util.Arrays.equals(a.raw(), c.raw()), "another seed, other codes");
  }

  @Test
  void collisionsAreResolvedToUniqueIds() {
    int n = 200;
    int d = 8;
    float[] x = new float[n * d];
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < d; t++) {
        x[i * d + t] = i % 50 == 0 && i > 0 ? x[t] : (float) r.nextGaussian(); // 3 copies of item 0
      }
    }
    SemanticIds s = new RqKMeans(new RqKMeansConfig(2, 4, 20, 0, 1000, 0, 50, 1)).fit(x, n, d);
    assertTrue(s.report().collisionRate() > 0);
    assertTrue(s.report().maxShared() >= 4, "item 0 and its 3 copies share a tuple");
    Set<List<Integer>> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      assertTrue(seen.add(java.util.Arrays.stream(s.of(i)).boxed().toList()), "duplicate id " + i);
    }
    // the copies of item 0 share the first two codes; within every tuple group the extra code
    // counts 0, 1, 2... in item order
    int w = s.levels() + 1;
    for (int copy : new int[] {50, 100, 150}) {
      assertEquals(s.codes()[0], s.codes()[copy * w]);
      assertEquals(s.codes()[1], s.codes()[copy * w + 1]);
    }
    Map<List<Integer>, Integer> next = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<Integer> key = List.of(s.codes()[i * w], s.codes()[i * w + 1]);
      int expect = next.merge(key, 1, Integer::sum) - 1;
      assertEquals(expect, s.codes()[i * w + 2], "item " + i);
    }
    assertEquals(new Collisions.Stats(0, 1), Collisions.stats(s.codes(), n, w));
  }

  @Test
  void nearDuplicatesSharePrefixes() {
    Random r = new Random(3);
    int pairs = 300;
    int d = 16;
    int n = 2 * pairs;
    float[] x = new float[n * d];
    for (int p = 0; p < pairs; p++) {
      for (int t = 0; t < d; t++) {
        float v = (float) r.nextGaussian();
        x[2 * p * d + t] = v;
        x[(2 * p + 1) * d + t] = v + (float) (r.nextGaussian() * 1e-3);
      }
    }
    SemanticIds s = new RqKMeans(new RqKMeansConfig(3, 16, 25, 0, 1000, 0, 50, 5)).fit(x, n, d);
    int sharedTwo = 0;
    for (int p = 0; p < pairs; p++) {
      int[] a = s.of(2 * p);
      int[] b = s.of(2 * p + 1);
      if (a[0] == b[0] && a[1] == b[1]) {
        sharedTwo++;
      }
    }
    assertTrue(sharedTwo >= pairs * 0.95, sharedTwo + " of " + pairs);
  }

  @Test
  void sinkhornBalancesSkewedData() {
    Random r = new Random(8);
    int n = 4000;
    int d = 8;
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      double shift = i < 3400 ? 0 : 6; // 85% of items in one blob
      for (int t = 0; t < d; t++) {
        x[i * d + t] = (float) (shift + r.nextGaussian() * (t == 0 ? 3 : 0.3));
      }
    }
    RqKMeansConfig plain = new RqKMeansConfig(1, 8, 30, 0, 4000, 0, 50, 2);
    SemanticIds p = new RqKMeans(plain).fit(x, n, d);
    SemanticIds b = new RqKMeans(plain.withSinkhorn(0.01, 50)).fit(x, n, d);
    int[] counts = new int[8];
    for (int i = 0; i < n; i++) {
      counts[b.raw()[i]]++;
    }
    for (int c : counts) {
      assertTrue(c > n / 8 * 0.7 && c < n / 8 * 1.3, java.util.Arrays.toString(counts));
    }
    assertTrue(b.report().perplexity()[0] > p.report().perplexity()[0],
        b.report().perplexity()[0] + " vs " + p.report().perplexity()[0]);
    assertTrue(b.report().perplexity()[0] > 7.8);
  }

  @Test
  void fewerItemsThanCodesStillGetUniqueIds() {
    float[] x = {0, 0, 1, 1, 0, 0, 5, 5};
    SemanticIds s = new RqKMeans(new RqKMeansConfig(2, 8, 10, 0, 100, 0, 50, 1)).fit(x, 4, 2);
    Set<List<Integer>> ids = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      ids.add(java.util.Arrays.stream(s.of(i)).boxed().toList());
    }
    assertEquals(4, ids.size());
    assertEquals(2, s.report().maxShared(), "items 0 and 2 are identical");
  }

  @Test
  void itemsWithoutEmbeddingGetMissingCodes() throws Exception {
    int n = 40;
    int d = 4;
    Random r = new Random(4);
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < d; t++) {
        x[i * d + t] = i % 10 == 3 ? 0f : (float) r.nextGaussian();
      }
    }
    Path dir = tmp.resolve("z");
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      w.table("items", "items").vectors("emb", x, d, "test vectors");
      w.commit("t", null, new Provenance("test", null, null, null, null, null, null), null);
    }
    SemanticIds s = SidColumns.writeRqKMeans(Dataset.open(dir), "emb", "sid",
        new RqKMeansConfig(2, 4, 20, 0, 1000, 0, 50, 1));
    assertEquals(36, s.report().items());
    assertTrue(s.report().maxShared() < 36, "the zero rows did not join the fit");
    ListColumn col = Dataset.open(dir).table("items").list("sid");
    Set<List<Integer>> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int[] row = col.ints(i);
      if (i % 10 == 3) {
        assertArrayEquals(new int[] {-1, -1, -1}, row);
      } else {
        assertTrue(row[0] >= 0);
        ids.add(java.util.Arrays.stream(row).boxed().toList());
      }
    }
    assertEquals(36, ids.size());
    assertTrue(Dataset.open(dir).table("items").column("sid").description()
        .endsWith("4 items without an embedding (zero vector, e.g. no text) get codes -1 and are"
            + " not counted above"));
    float[] zeros = new float[8];
    try (DatasetWriter w = DatasetWriter.create(tmp.resolve("zz"), true)) {
      w.table("items", "items").vectors("emb", zeros, 4, "zeros");
      w.commit("t", null, new Provenance("test", null, null, null, null, null, null), null);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> SidColumns.writeRqKMeans(
        Dataset.open(tmp.resolve("zz")), "emb", "sid", RqKMeansConfig.defaults()));
    assertEquals("items.emb has no non-zero vector: nothing to quantise", e.getMessage());
  }

  @Test
  void badInputsFailClearly() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new RqKMeans(RqKMeansConfig.defaults()).fit(new float[10], 3, 4));
    assertEquals("x has 10 values, expected 3 x 4", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new RqKMeansConfig(0, 256, 10, 0, 1000, 0, 50, 1));
    float[] nan = {1, Float.NaN};
    assertThrows(IllegalArgumentException.class,
        () -> new RqKMeans(RqKMeansConfig.defaults().withCodes(2)).fit(nan, 1, 2));
  }

  @Test
  void writesSidColumnWithReport() throws Exception {
    int n = 120;
    int d = 6;
    Random r = new Random(2);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    Path dir = tmp.resolve("d");
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      w.table("items", "items").vectors("emb", x, d, "test vectors");
      w.commit("t", null, new Provenance("test", null, null, null, null, null, null), null);
    }
    Dataset ds = Dataset.open(dir);
    SemanticIds s = SidColumns.writeRqKMeans(ds, "emb", "sid",
        new RqKMeansConfig(3, 4, 20, 0, 1000, 0, 50, 1));
    Dataset re = Dataset.open(dir);
    ListColumn col = re.table("items").list("sid");
    Set<List<Integer>> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int[] row = col.ints(i);
      assertEquals(4, row.length);
      assertArrayEquals(s.of(i), row);
      ids.add(java.util.Arrays.stream(row).boxed().toList());
    }
    assertEquals(n, ids.size());
    String note = re.manifest().provenance().notes().get("repr.sid.sid");
    assertTrue(note.startsWith("rq-kmeans 3x4 +1 disambiguation level over 120 items:"), note);
    assertTrue(note.contains("codebook use L1 4/4"), note);
    assertEquals(note, re.table("items").column("sid").description());
  }
}
