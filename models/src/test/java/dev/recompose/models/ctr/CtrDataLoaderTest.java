package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.CtrDataLoader;
import dev.recompose.models.ctr.data.CtrDataOptions;
import dev.recompose.models.ctr.data.EntityFeatures;
import dev.recompose.models.ctr.data.TextTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtrDataLoaderTest {
  @TempDir Path tmp;

  @Test
  void impressionsGiveOneSamplePerCandidateGroupedByImpression() throws IOException {
    Dataset ds = Dataset.open(TinyDatasets.news(tmp.resolve("n"), 10, 40, 50, true, 1));
    CtrData d = CtrDataLoader.load(ds, CtrDataOptions.defaults());
    assertEquals(300, d.size());
    assertEquals("impression", d.groupKey());
    var t = ds.table(StoreLayout.IMPRESSIONS);
    int[] users = t.scalar(StoreLayout.USER).toIntArray();
    for (int i = 0; i < d.size(); i++) {
      int row = i / 6;
      assertEquals(row, d.group()[i]);
      assertEquals(users[row], d.user()[i]);
      assertEquals((byte) (row % 10 < 7 ? 0 : row % 10 < 9 ? 1 : 2), d.split()[i]);
      assertArrayEquals(t.list(StoreLayout.HISTORY).ints(row), d.history(i, 50));
    }
    assertArrayEquals(t.list(StoreLayout.CANDIDATES).ints(3),
        java.util.Arrays.copyOfRange(d.item(), 18, 24));
    assertEquals("dataset split column", d.notes().get("split"));
    assertTrue(d.notes().get("negatives").startsWith("logged"));
  }

  @Test
  void impressionsWithoutSplitAreSplitByTime() throws IOException {
    Dataset ds = Dataset.open(TinyDatasets.news(tmp.resolve("n"), 10, 40, 50, false, 1));
    CtrData d = CtrDataLoader.load(ds, CtrDataOptions.defaults());
    // timestamps grow with the row: the last 5 impressions test, the 5 before valid
    for (int i = 0; i < d.size(); i++) {
      int row = d.group()[i];
      byte want = row >= 45 ? StoreLayout.SPLIT_TEST : row >= 40 ? StoreLayout.SPLIT_VALID
          : StoreLayout.SPLIT_TRAIN;
      assertEquals(want, d.split()[i]);
    }
  }

  @Test
  void ratingsBecomeLabelsWithLoggedNegativesAndTimeAwareHistories() throws IOException {
    int[] u = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
    int[] i = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1};
    long[] t = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 5, 6};
    float[] r = {5, 4, 3, 1, 5, 2, 4, 5, 1, 3, 4, 1};
    Dataset ds = Dataset.open(TinyDatasets.interactions(tmp.resolve("i"), 2, 10, u, i, t, r, null,
        null));
    CtrData d = CtrDataLoader.load(ds, CtrDataOptions.defaults());
    assertEquals(12, d.size());
    assertEquals("user", d.groupKey());
    assertEquals("rating >= 4.0", d.notes().get("labels"));
    assertTrue(d.notes().get("negatives").contains("ratings below 4.0"));
    float[] want = {1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0};
    assertArrayEquals(want, d.label());
    // user 0's sample at time 50 (item 4) sees the positives before it: items 0 and 1
    assertArrayEquals(new int[] {0, 1}, d.history(4, 50));
    assertArrayEquals(new int[] {0, 1, 4, 6, 7}, d.history(9, 50));
    assertArrayEquals(new int[] {6, 7}, d.history(9, 2));
    assertArrayEquals(new int[0], d.history(0, 50));
    // per-user temporal split: 10 samples -> 1 test (last), 1 valid; user 1 has 2 -> train only
    byte[] split = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0};
    assertArrayEquals(split, d.split());
  }

  @Test
  void implicitFeedbackGetsSeededSampledNegativesTheUserNeverTouched() throws IOException {
    int[] u = {0, 0, 0, 1, 1};
    int[] i = {0, 1, 2, 3, 4};
    long[] t = {1, 2, 3, 4, 5};
    Path p = TinyDatasets.interactions(tmp.resolve("i"), 2, 50, u, i, t, null, null, null);
    CtrData a = CtrDataLoader.load(Dataset.open(p), CtrDataOptions.defaults());
    CtrData b = CtrDataLoader.load(Dataset.open(p), CtrDataOptions.defaults());
    CtrData c = CtrDataLoader.load(Dataset.open(p), CtrDataOptions.defaults().withSeed(7));
    assertEquals(10, a.size());
    assertArrayEquals(a.item(), b.item());
    assertNotEquals(java.util.Arrays.toString(a.item()), java.util.Arrays.toString(c.item()));
    int negatives = 0;
    for (int k = 0; k < a.size(); k++) {
      if (a.label()[k] == 0) {
        negatives++;
        Set<Integer> touched = a.user()[k] == 0 ? Set.of(0, 1, 2) : Set.of(3, 4);
        assertTrue(!touched.contains(a.item()[k]), "negative " + a.item()[k] + " was touched");
      }
    }
    assertEquals(5, negatives);
    assertTrue(a.notes().get("negatives").contains("sampled"));
  }

  @Test
  void countsReadAsImplicitFeedbackWhenAsked() throws IOException {
    int[] u = {0, 0, 1};
    int[] i = {0, 1, 2};
    long[] t = {1, 2, 3};
    float[] plays = {120, 1, 7};
    Path p = TinyDatasets.interactions(tmp.resolve("i"), 2, 30, u, i, t, plays, null, null);
    CtrData explicit = CtrDataLoader.load(Dataset.open(p), CtrDataOptions.defaults());
    assertEquals(3, explicit.size());
    assertArrayEquals(new float[] {1, 0, 1}, explicit.label());
    CtrData implicit = CtrDataLoader.load(Dataset.open(p),
        CtrDataOptions.defaults().withFeedback("implicit"));
    assertEquals(6, implicit.size());
    assertEquals("every interaction positive (implicit feedback)", implicit.notes().get("labels"));
    assertThrows(IllegalArgumentException.class,
        () -> CtrDataOptions.defaults().withFeedback("maybe"));
  }

  @Test
  void labelColumnIsUsedAndSplitColumnRespected() throws IOException {
    int[] u = {0, 0, 0, 0};
    int[] i = {0, 1, 2, 3};
    long[] t = {1, 2, 3, 4};
    byte[] label = {1, 0, 1, 0};
    byte[] split = {0, 1, 2, -1};
    Dataset ds = Dataset.open(TinyDatasets.interactions(tmp.resolve("i"), 1, 4, u, i, t,
        new float[] {1, 5, 1, 5}, label, split));
    CtrData d = CtrDataLoader.load(ds, CtrDataOptions.defaults());
    assertArrayEquals(new float[] {1, 0, 1, 0}, d.label());
    assertArrayEquals(split, d.split());
    assertEquals("dataset label column", d.notes().get("labels"));
    assertEquals(0, d.indices(StoreLayout.SPLIT_TEST)[0] - 2);
  }

  @Test
  void recbenchCapKeepsTenPositivesAndTenNegativesPerUser() throws IOException {
    int n = 55;
    int[] u = new int[n];
    int[] i = new int[n];
    long[] t = new long[n];
    float[] r = new float[n];
    for (int k = 0; k < n; k++) {
      i[k] = k;
      t[k] = k;
      r[k] = k < 30 ? 5 : 2;
    }
    Path p = TinyDatasets.interactions(tmp.resolve("i"), 1, n, u, i, t, r, null, null);
    CtrData d = CtrDataLoader.load(Dataset.open(p), CtrDataOptions.defaults().withRecbenchCap(true));
    assertEquals(20, d.size());
    int pos = 0;
    for (float y : d.label()) {
      pos += (int) y;
    }
    assertEquals(10, pos);
    assertTrue(d.notes().get("cap").contains("35 samples dropped"), d.notes().get("cap"));
    // histories still hold every logged positive before the sample, capped-out ones included
    int last = d.size() - 1;
    assertEquals(d.historyLength()[last], Math.min(30, (int) t[d.item()[last]]));
  }

  @Test
  void featuresAndTextAreReadFromSideTables() throws IOException {
    Dataset ds = Dataset.open(TinyDatasets.news(tmp.resolve("n"), 10, 40, 20, true, 1));
    EntityFeatures f = EntityFeatures.read(ds, StoreLayout.ITEMS, 40, List.of());
    Set<String> names = new HashSet<>();
    f.fields().forEach(x -> names.add(x.name()));
    assertEquals(Set.of("category", "subcategory", "year", "genres"), names);
    var cat = (EntityFeatures.Categorical) f.fields().stream()
        .filter(x -> x.name().equals("category")).findFirst().orElseThrow();
    assertEquals(5, cat.cardinality());
    assertEquals(3 + 1, cat.codes()[7]);
    var year = (EntityFeatures.Numeric) f.fields().stream()
        .filter(x -> x.name().equals("year")).findFirst().orElseThrow();
    assertEquals(0f, year.values()[0]);
    assertThrows(IllegalArgumentException.class,
        () -> EntityFeatures.read(ds, StoreLayout.ITEMS, 40, List.of("title")));
    TextTokens tt = TextTokens.read(ds, 40, List.of("title", "abstract"), new int[] {4, 3});
    assertEquals(List.of("breaking", "sports", "news", "number", "0", "!"),
        TextTokens.tokenize("Breaking sports news number 0!"));
    int[] title0 = java.util.Arrays.copyOfRange(tt.tokens().get(0), 0, 4);
    int[] title4 = java.util.Arrays.copyOfRange(tt.tokens().get(0), 16, 20);
    assertEquals(title0[0], title4[0]);
    assertEquals(title0[1], title4[1]);
    assertArrayEquals(new int[] {0, 0, 0}, java.util.Arrays.copyOfRange(tt.tokens().get(1), 0, 3));
  }
}
