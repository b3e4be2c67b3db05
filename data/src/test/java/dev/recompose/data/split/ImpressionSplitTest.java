package dev.recompose.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpressionSplitTest {
  static final byte TR = 0;
  static final byte VA = 1;
  static final byte TE = 2;

  @TempDir Path tmp;

  @Test
  void withoutSourcePartCutsByTime() throws IOException {
    Dataset ds = TinyData.impressions(tmp.resolve("ds"),
        new int[] {0, 1, 2, 0, 1}, new long[] {50, 10, 40, 20, 30}, null);
    SplitResult r = Splits.compute(ds, "impression",
        Map.of("ratios", "0.6,0.2,0.2", "valid-by", "time"), 0);
    assertEquals("time (ignored: no source_part column)", r.params().get("valid-by"));
    assertEquals("impressions", r.table());
    assertArrayEquals(new byte[] {TE, TR, VA, TR, TR}, r.codes());
    assertTrue(r.params().get("source_part").startsWith("absent"));
  }

  @Test
  void devPartIsTestAndValidByTimeTakesTheLatestTrainImpressions() throws IOException {
    Dataset ds = TinyData.impressions(tmp.resolve("ds"),
        new int[] {0, 1, 2, 3, 4, 5},
        new long[] {100, 10, 20, 30, 40, 50},
        new byte[] {1, 0, 0, 0, 0, 0});
    SplitResult r = Splits.compute(ds, "impression",
        Map.of("valid-by", "time", "valid-fraction", "0.4"), 0);
    assertArrayEquals(new byte[] {TE, TR, TR, TR, VA, VA}, r.codes());
  }

  @Test
  void validByUsersTakesASeededFractionOfTrainUsers() throws IOException {
    int n = 200;
    int[] users = new int[n];
    long[] ts = new long[n];
    byte[] part = new byte[n];
    for (int i = 0; i < n; i++) {
      users[i] = i % 50;
      ts[i] = i;
      part[i] = (byte) (i >= 150 ? 1 : 0);
    }
    Dataset ds = TinyData.impressions(tmp.resolve("ds"), users, ts, part);
    SplitResult a = Splits.compute(ds, "impression", Map.of(), 3);
    SplitResult b = Splits.compute(ds, "impression", Map.of(), 3);
    SplitResult c = Splits.compute(ds, "impression", Map.of(), 4);
    assertArrayEquals(a.codes(), b.codes());
    assertFalse(Arrays.equals(a.codes(), c.codes()));
    assertEquals("5 of 50", a.params().get("valid-users"));
    assertEquals(Map.of("train", 135L, "valid", 15L, "test", 50L, "none", 0L), a.sizes());
    Set<Integer> validUsers = new HashSet<>();
    Set<Integer> trainUsers = new HashSet<>();
    for (int i = 0; i < 150; i++) {
      (a.codes()[i] == VA ? validUsers : trainUsers).add(users[i]);
    }
    assertEquals(5, validUsers.size());
    validUsers.retainAll(trainUsers);
    assertTrue(validUsers.isEmpty(), "a user is wholly valid or wholly train");
    for (int i = 150; i < n; i++) {
      assertEquals(TE, a.codes()[i]);
    }
  }

  @Test
  void unknownSourcePartValueFails() throws IOException {
    Dataset ds = TinyData.impressions(tmp.resolve("ds"),
        new int[] {0, 1}, new long[] {1, 2}, new byte[] {0, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.compute(ds, "impression", Map.of(), 0));
    assertEquals("split scheme impression: impressions row 1: source_part must be 0 (train) or 1"
        + " (dev), found 2", e.getMessage());
  }
}
