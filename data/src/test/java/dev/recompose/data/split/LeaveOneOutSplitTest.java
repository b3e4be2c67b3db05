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

class LeaveOneOutSplitTest {
  static final byte TR = 0;
  static final byte VA = 1;
  static final byte TE = 2;
  static final byte NO = -1;

  @TempDir Path tmp;

  /**
   * Users stored interleaved and out of time order. User 0: times 30, 10, 20, 40 (rows 0, 2, 4,
   * 6); user 1: two rows (1, 3); user 2: three equal timestamps (rows 5, 7, 8).
   */
  Dataset sample(byte[] labels) throws IOException {
    int[] users = {0, 1, 0, 1, 0, 2, 0, 2, 2};
    long[] ts = {30, 5, 10, 6, 20, 7, 40, 7, 7};
    return TinyData.interactions(tmp.resolve("ds"), users, ts, labels, null);
  }

  @Test
  void lastIsTestSecondToLastValidShortUsersTrainTiesByRow() throws IOException {
    SplitResult r = Splits.compute(sample(null), "leave-one-out", Map.of(), 1);
    // user 0 by time: rows 2 (10), 4 (20), 0 (30), 6 (40); user 2 ties broken by row: 5, 7, 8
    assertArrayEquals(new byte[] {VA, TR, TR, TR, TR, TR, TE, VA, TE}, r.codes());
    assertEquals("interactions", r.table());
    assertEquals("3", r.params().get("min-len"));
    assertEquals("false", r.params().get("positive-only"));
    assertEquals("2", r.params().get("users-split"));
    assertEquals(
        "1 (fewer than min-len items: all kept in train)", r.params().get("users-train-only"));
    assertEquals(Map.of("train", 5L, "valid", 2L, "test", 2L, "none", 0L), r.sizes());
  }

  @Test
  void minLenFourKeepsTheThreeItemUserInTrain() throws IOException {
    SplitResult r = Splits.compute(sample(null), "leave-one-out", Map.of("min-len", "4"), 1);
    assertArrayEquals(new byte[] {VA, TR, TR, TR, TR, TR, TE, TR, TR}, r.codes());
  }

  @Test
  void positiveOnlyIgnoresNegativesAndIsOnByDefaultWithLabels() throws IOException {
    // row 6 (user 0's latest) and row 8 (user 2's last tie) are negatives
    byte[] labels = {1, 1, 1, 1, 1, 1, 0, 1, 0};
    SplitResult r = Splits.compute(sample(labels), "leave-one-out", Map.of(), 1);
    // user 0 positives by time: 2, 4, 0 -> train, valid, test; user 2: 5, 7 -> short -> train
    assertArrayEquals(new byte[] {TE, TR, TR, TR, VA, TR, NO, TR, NO}, r.codes());
    assertEquals("true", r.params().get("positive-only"));
    SplitResult all = Splits.compute(sample(labels), "leave-one-out",
        Map.of("positive-only", "false"), 1);
    assertArrayEquals(new byte[] {VA, TR, TR, TR, TR, TR, TE, VA, TE}, all.codes());
  }

  @Test
  void positiveOnlyWithoutLabelsFails() throws IOException {
    Dataset ds = sample(null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.compute(ds, "leave-one-out", Map.of("positive-only", "true"), 1));
    assertEquals("split scheme leave-one-out: positive-only=true needs a 'label' column; table"
        + " interactions has [user, item, timestamp]", e.getMessage());
  }

  @Test
  void badParametersFailClearly() throws IOException {
    Dataset ds = sample(null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.compute(ds, "leave-one-out", Map.of("min-len", "2"), 1));
    assertEquals(
        "split scheme leave-one-out: option min-len: expected an integer >= 3, found '2'",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Splits.compute(ds, "leave-one-out", Map.of("minlen", "3"), 1));
    assertEquals("unknown option 'minlen' for split scheme leave-one-out; valid: [min-len,"
        + " positive-only]", e.getMessage());
  }
}
