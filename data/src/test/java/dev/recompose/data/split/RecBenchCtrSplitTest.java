package dev.recompose.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.data.store.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecBenchCtrSplitTest {
  static final byte TR = 0;
  static final byte VA = 1;
  static final byte TE = 2;
  static final byte NO = -1;

  @TempDir Path tmp;

  /** {@code users} users with 15 positives and 12 negatives each, alternating in time. */
  Dataset labelled(int users) throws IOException {
    int per = 27;
    int[] u = new int[users * per];
    long[] ts = new long[u.length];
    byte[] l = new byte[u.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = i / per;
      ts[i] = i;
      int k = i % per;
      l[i] = (byte) (k < 24 ? (k % 2 == 0 ? 1 : 0) : 1);
    }
    return TinyData.interactions(tmp.resolve("ds"), u, ts, l, null);
  }

  @Test
  void capsPerUserAndFillsTestThenFinetune() throws IOException {
    Dataset ds = labelled(30);
    Map<String, String> p = Map.of("test-rows", "60", "finetune-rows", "200");
    SplitResult r = Splits.compute(ds, "recbench-ctr", p, 11);
    byte[] label = ds.table("interactions").scalar("label").toByteArray();
    int[] users = ds.table("interactions").scalar("user").toIntArray();
    Map<Integer, int[]> perUser = new HashMap<>(); // selected positives, negatives, part
    for (int i = 0; i < users.length; i++) {
      byte code = r.codes()[i];
      if (code != NO) {
        int[] c = perUser.computeIfAbsent(users[i], k -> new int[] {0, 0, code});
        c[label[i] == 1 ? 0 : 1]++;
        assertEquals(c[2], r.codes()[i], "one part per user");
      }
    }
    // test: 3 users x 20 rows = 60; fine-tune: 10 users x 20 = 200, 1 of them valid
    assertEquals(13, perUser.size());
    long test = perUser.values().stream().filter(c -> c[2] == TE).count();
    long valid = perUser.values().stream().filter(c -> c[2] == VA).count();
    assertEquals(3, test);
    assertEquals(1, valid);
    for (int[] c : perUser.values()) {
      assertArrayEquals(new int[] {10, 10}, new int[] {c[0], c[1]});
    }
    assertEquals(Map.of("train", 180L, "valid", 20L, "test", 60L, "none", 30L * 27 - 260),
        r.sizes());
    assertEquals("3", r.params().get("users-test"));
    assertEquals("10 (1 of them valid)", r.params().get("users-finetune"));
  }

  @Test
  void deterministicForASeedAndDifferentAcrossSeeds() throws IOException {
    Dataset ds = labelled(30);
    Map<String, String> p = Map.of("test-rows", "60", "finetune-rows", "200");
    byte[] a = Splits.compute(ds, "recbench-ctr", p, 11).codes();
    assertArrayEquals(a, Splits.compute(ds, "recbench-ctr", p, 11).codes());
    assertFalse(Arrays.equals(a, Splits.compute(ds, "recbench-ctr", p, 12).codes()));
  }

  @Test
  void latestPicksTheMostRecentRows() throws IOException {
    Dataset ds = labelled(1);
    SplitResult r = Splits.compute(ds, "recbench-ctr",
        Map.of("pick", "latest", "max-pos", "2", "max-neg", "1"), 0);
    byte[] expected = new byte[27];
    Arrays.fill(expected, NO);
    expected[23] = TE; // last negative
    expected[25] = TE; // last two positives
    expected[26] = TE;
    assertArrayEquals(expected, r.codes());
  }

  @Test
  void ratingsDefinePolarityWithoutLabels() throws IOException {
    Dataset ds = TinyData.interactions(tmp.resolve("ds"), new int[] {0, 0, 1, 1, 1},
        new long[] {1, 2, 3, 4, 5}, null, new float[] {5, 3, 4, 1, 2});
    SplitResult r = Splits.compute(ds, "recbench-ctr",
        Map.of("test-rows", "0", "valid-ratio", "0"), 0);
    assertArrayEquals(new byte[] {TR, TR, TR, TR, TR}, r.codes());
    assertEquals("rating >= 4.0 positive, below negative", r.params().get("polarity"));
    SplitResult strict = Splits.compute(ds, "recbench-ctr",
        Map.of("test-rows", "0", "valid-ratio", "0", "positive-rating", "5", "max-neg", "1"), 0);
    // user 0: positive 5, one negative (3); user 1: no positive, one of three negatives
    long kept = 0;
    for (byte b : strict.codes()) {
      kept += b == TR ? 1 : 0;
    }
    assertEquals(3, kept);
    assertEquals(TR, strict.codes()[0]);
    assertEquals(TR, strict.codes()[1]);
  }

  @Test
  void needsNegatives() throws IOException {
    Dataset ds = TinyData.interactions(tmp.resolve("ds"), new int[] {0, 1},
        new long[] {1, 2}, new byte[] {1, 1}, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.compute(ds, "recbench-ctr", Map.of(), 0));
    assertEquals("split scheme recbench-ctr needs negatives (label 0, or a rating below"
        + " positive-rating); table interactions has none", e.getMessage());
  }
}
