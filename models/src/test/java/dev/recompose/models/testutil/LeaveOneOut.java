package dev.recompose.models.testutil;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.store.StoreLayout;
import java.io.IOException;
import java.util.Map;

/**
 * Test helper: writes a leave-one-out {@code split} column (last interaction of each user test,
 * second to last validation, rest train; users with 2 interactions get train + test, with 1 only
 * train). Relies on the store's grouping by user in time order. The real split schemes live in
 * the data module.
 */
public final class LeaveOneOut {
  private LeaveOneOut() {}

  /** Splits {@code dir} in place and reopens it. */
  public static Dataset apply(Dataset ds) throws IOException {
    int[] users = ds.table(StoreLayout.INTERACTIONS).scalar(StoreLayout.USER).toIntArray();
    byte[] split = new byte[users.length];
    long[] sizes = new long[3];
    int start = 0;
    while (start < users.length) {
      int end = start;
      while (end < users.length && users[end] == users[start]) {
        end++;
      }
      int n = end - start;
      for (int r = start; r < end; r++) {
        int fromEnd = end - 1 - r;
        byte code = StoreLayout.SPLIT_TRAIN;
        if (fromEnd == 0 && n >= 2) {
          code = StoreLayout.SPLIT_TEST;
        } else if (fromEnd == 1 && n >= 3) {
          code = StoreLayout.SPLIT_VALID;
        }
        split[r] = code;
        sizes[code]++;
      }
      start = end;
    }
    try (DatasetUpdater up = DatasetUpdater.open(ds)) {
      up.table(StoreLayout.INTERACTIONS).bytes(StoreLayout.SPLIT, split,
          "0 train / 1 valid / 2 test (leave-one-out)");
      SplitInfo info = new SplitInfo("leave-one-out", StoreLayout.INTERACTIONS, 0, Map.of(),
          Map.of("train", sizes[0], "valid", sizes[1], "test", sizes[2]));
      up.commit(m -> m.withSplit(info));
    }
    return Dataset.open(ds.dir());
  }
}
