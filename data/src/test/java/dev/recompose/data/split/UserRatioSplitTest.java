package dev.recompose.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.recompose.data.store.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRatioSplitTest {
  static final byte TR = 0;
  static final byte VA = 1;
  static final byte TE = 2;
  static final double[] R = {0.8, 0.1, 0.1};

  @TempDir Path tmp;

  @Test
  void partSizesFollowRecBoleRule() {
    assertArrayEquals(new int[] {8, 1, 1}, UserRatioSplit.partSizes(10, R));
    assertArrayEquals(new int[] {24, 3, 3}, UserRatioSplit.partSizes(30, R));
    assertArrayEquals(new int[] {1, 1, 1}, UserRatioSplit.partSizes(3, R));
    assertArrayEquals(new int[] {1, 0, 1}, UserRatioSplit.partSizes(2, R));
    assertArrayEquals(new int[] {1, 0, 0}, UserRatioSplit.partSizes(1, R));
    assertArrayEquals(new int[] {16, 2, 2}, UserRatioSplit.partSizes(20, R));
    assertArrayEquals(new int[] {71, 29, 0},
        UserRatioSplit.partSizes(100, new double[] {0.71, 0.29, 0}));
  }

  @Test
  void chronologicalPerUser() throws IOException {
    // user 0: 3 rows stored out of order (times 3, 1, 2); user 1: 2 rows
    Dataset ds = TinyData.interactions(tmp.resolve("ds"),
        new int[] {0, 1, 0, 0, 1}, new long[] {3, 9, 1, 2, 8}, null, null);
    SplitResult r = Splits.compute(ds, "user-ratio", Map.of(), 0);
    assertArrayEquals(new byte[] {TE, TE, TR, VA, TR}, r.codes());
    SplitResult r2 = Splits.compute(ds, "user-ratio", Map.of("ratios", "0.5,0.5,0"), 0);
    // user 0: floor(1.5)=1 valid, train 2; user 1: 1 valid, 1 train
    assertArrayEquals(new byte[] {VA, VA, TR, TR, TR}, r2.codes());
  }

  @Test
  void shuffleIsSeededPerUser() throws IOException {
    int n = 400;
    int[] users = new int[n];
    long[] ts = new long[n];
    for (int i = 0; i < n; i++) {
      users[i] = i % 20;
      ts[i] = i;
    }
    Dataset ds = TinyData.interactions(tmp.resolve("ds"), users, ts, null, null);
    Map<String, String> p = Map.of("shuffle", "true");
    byte[] a = Splits.compute(ds, "user-ratio", p, 1).codes();
    byte[] b = Splits.compute(ds, "user-ratio", p, 1).codes();
    byte[] c = Splits.compute(ds, "user-ratio", p, 2).codes();
    byte[] time = Splits.compute(ds, "user-ratio", Map.of(), 1).codes();
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
    assertFalse(Arrays.equals(a, time));
    // same sizes whatever the order: 20 users x (16, 2, 2)
    assertEquals(Map.of("train", 320L, "valid", 40L, "test", 40L, "none", 0L),
        Splits.compute(ds, "user-ratio", p, 2).sizes());
  }
}
