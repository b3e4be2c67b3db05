package dev.recompose.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.data.store.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalSplitTest {
  static final byte TR = 0;
  static final byte VA = 1;
  static final byte TE = 2;

  @TempDir Path tmp;

  @Test
  void cutsByTimeAndTiesGoToTheEarlierPart() throws IOException {
    // sorted times 1 2 3 3 3 4 5 6 7 8; stored shuffled
    long[] ts = {8, 3, 1, 5, 3, 7, 2, 4, 3, 6};
    int[] users = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
    Dataset ds = TinyData.interactions(tmp.resolve("ds"), users, ts, null, null);
    SplitResult r = Splits.compute(ds, "temporal", Map.of("ratios", "0.4,0.3,0.3"), 7);
    // cut 1 at 4 rows falls inside the run of 3s -> moves to 5 (all 3s train);
    // cut 2 at 7 rows: times <= 5 valid, 6 7 8 test
    assertArrayEquals(new byte[] {TE, TR, TR, VA, TR, TE, TR, VA, TR, TE}, r.codes());
    assertEquals(Map.of("train", 5L, "valid", 2L, "test", 3L, "none", 0L), r.sizes());
  }

  @Test
  void allEqualTimestampsAllGoToTrain() throws IOException {
    Dataset ds = TinyData.interactions(
        tmp.resolve("ds"), new int[] {0, 1, 2, 3}, new long[] {5, 5, 5, 5}, null, null);
    SplitResult r = Splits.compute(ds, "temporal", Map.of(), 7);
    assertArrayEquals(new byte[] {TR, TR, TR, TR}, r.codes());
  }

  @Test
  void ratiosMustSumToOne() throws IOException {
    Dataset ds = TinyData.interactions(
        tmp.resolve("ds"), new int[] {0}, new long[] {5}, null, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.compute(ds, "temporal", Map.of("ratios", "0.8,0.1"), 7));
    assertEquals("split scheme temporal: option ratios: expected three comma-separated fractions"
        + " train,valid,test summing to 1, found '0.8,0.1'", e.getMessage());
  }
}
