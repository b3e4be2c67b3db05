package dev.recompose.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.SharedData;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.store.ContentDigest;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitsTest {
  @TempDir Path tmp;

  @Test
  void unknownSchemeListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Splits.scheme("loo"));
    assertEquals("unknown split scheme 'loo'; valid: leave-one-out, temporal, user-ratio,"
        + " impression, recbench-ctr", e.getMessage());
    for (SplitScheme s : Splits.schemes()) {
      assertEquals(s, Splits.scheme(s.name()));
      assertFalse(s.options().isEmpty(), s.name());
      assertFalse(s.description().isBlank(), s.name());
    }
  }

  @Test
  void applyWritesTheColumnAndManifestAndReplacesAPreviousSplit() throws IOException {
    Path dir = tmp.resolve("ds");
    Dataset ds = TinyData.interactions(dir, new int[] {0, 0, 0, 1}, new long[] {1, 2, 3, 4},
        null, null);
    String before = ds.manifest().contentSha256();
    SplitInfo info = Splits.apply(ds, "leave-one-out", Map.of(), 5);
    assertEquals(Map.of("train", 2L, "valid", 1L, "test", 1L, "none", 0L), info.sizes());
    Dataset after = Dataset.open(dir);
    assertEquals(info, after.manifest().split());
    assertEquals("interactions", after.manifest().split().table());
    assertArrayEquals(new byte[] {0, 1, 2, 0},
        after.table(StoreLayout.INTERACTIONS).scalar(StoreLayout.SPLIT).toByteArray());
    assertNotEquals(before, after.manifest().contentSha256());
    assertEquals(ContentDigest.ofDataset(dir, after.manifest()), after.manifest().contentSha256());

    SplitInfo again = Splits.apply(after, "temporal", Map.of("ratios", "0.5,0.25,0.25"), 9);
    Dataset third = Dataset.open(dir);
    assertEquals("temporal", third.manifest().split().scheme());
    assertEquals(9, third.manifest().split().seed());
    assertEquals(again, third.manifest().split());
    assertArrayEquals(new byte[] {0, 0, 1, 2},
        third.table(StoreLayout.INTERACTIONS).scalar(StoreLayout.SPLIT).toByteArray());
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".partial")));
    }
  }

  @Test
  void splittingAnotherTableRemovesTheOldColumn() throws IOException {
    Path dir = tmp.resolve("ds");
    Dataset ds = TinyData.impressions(dir, new int[] {0, 1, 2}, new long[] {1, 2, 3}, null);
    Splits.apply(ds, "temporal", Map.of(), 1);
    ds = Dataset.open(dir);
    assertTrue(ds.table(StoreLayout.INTERACTIONS).has(StoreLayout.SPLIT));
    Splits.apply(ds, "impression", Map.of("ratios", "0.34,0.33,0.33"), 1);
    ds = Dataset.open(dir);
    assertFalse(ds.table(StoreLayout.INTERACTIONS).has(StoreLayout.SPLIT));
    assertFalse(Files.exists(dir.resolve("interactions.split.npy")));
    assertArrayEquals(new byte[] {0, 1, 2},
        ds.table(StoreLayout.IMPRESSIONS).scalar(StoreLayout.SPLIT).toByteArray());
    assertEquals("impressions", ds.manifest().split().table());
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    int n = 300;
    int[] users = new int[n];
    long[] ts = new long[n];
    for (int i = 0; i < n; i++) {
      users[i] = i % 17;
      ts[i] = (i * 7919L) % 101;
    }
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    for (String scheme : new String[] {"leave-one-out", "temporal", "user-ratio"}) {
      Map<String, String> p = scheme.equals("user-ratio") ? Map.of("shuffle", "true") : Map.of();
      Splits.apply(TinyData.interactions(a, users, ts, null, null), scheme, p, 3);
      Splits.apply(TinyData.interactions(b, users, ts, null, null), scheme, p, 3);
      assertArrayEquals(Files.readAllBytes(a.resolve("interactions.split.npy")),
          Files.readAllBytes(b.resolve("interactions.split.npy")), scheme);
      assertEquals(Dataset.open(a).manifest().contentSha256(),
          Dataset.open(b).manifest().contentSha256(), scheme);
    }
  }

  @Test
  void movieLens100kLeaveOneOutHoldsOutOneRowPerUser() throws IOException {
    Path from = SharedData.require("ml-100k");
    Path dir = tmp.resolve("ml");
    new MovieLens100kImporter().run(ImportRequest.of(from, dir));
    Dataset ds = Dataset.open(dir);
    SplitInfo info = Splits.apply(ds, "leave-one-out", Map.of(), 42);
    assertEquals(Map.of("train", 100_000L - 2 * 943, "valid", 943L, "test", 943L, "none", 0L),
        info.sizes());
    assertEquals("943", info.params().get("users-split"));
    // the test row of every user is its latest by time
    Dataset split = Dataset.open(dir);
    var t = split.table(StoreLayout.INTERACTIONS);
    int[] users = t.scalar("user").toIntArray();
    long[] time = t.scalar("timestamp").toLongArray();
    byte[] codes = t.scalar("split").toByteArray();
    long[] latest = new long[943];
    long[] testTime = new long[943];
    for (int i = 0; i < users.length; i++) {
      latest[users[i]] = Math.max(latest[users[i]], time[i]);
      if (codes[i] == StoreLayout.SPLIT_TEST) {
        testTime[users[i]] = time[i];
      }
    }
    assertArrayEquals(latest, testTime);
    // RecBench CTR sample with ratings as polarity (>= 4 positive): at most 20 rows per user
    SplitResult ctr = Splits.compute(split, "recbench-ctr", Map.of("test-rows", "2000"), 42);
    int[] kept = new int[943];
    for (int i = 0; i < users.length; i++) {
      kept[users[i]] += ctr.codes()[i] == StoreLayout.SPLIT_NONE ? 0 : 1;
    }
    assertTrue(java.util.Arrays.stream(kept).allMatch(k -> k <= 20));
    Map<String, Long> cs = ctr.sizes();
    assertTrue(cs.get("test") >= 2000 && cs.get("test") < 2020, cs.toString());
    assertTrue(cs.get("train") > 10 * cs.get("valid") / 2 && cs.get("valid") > 0, cs.toString());
    System.out.println("ml-100k recbench-ctr (test-rows=2000): " + cs + " " + ctr.params());
    SplitInfo temporal = Splits.apply(split, "temporal", Map.of(), 42);
    long total = temporal.sizes().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(100_000L, total);
    assertTrue(temporal.sizes().get("train") >= 80_000L);
  }
}
