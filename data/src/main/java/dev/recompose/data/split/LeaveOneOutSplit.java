package dev.recompose.data.split;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leave-one-out by time on the {@code interactions} table: per user, the last interaction is
 * test, the second to last validation, the rest train.
 *
 * <p>This is the protocol of SASRec (Kang &amp; McAuley, ICDM 2018, {@code data_partition} in
 * kang205/SASRec), BERT4Rec, S3Rec/ICLRec/TIGER and RecBole's sequential defaults. As in
 * SASRec, a user with fewer than {@code min-len} (default 3) sequence items keeps all of them in
 * train and contributes nothing to validation or test. "Last" is by (timestamp, row index), so
 * equal timestamps are broken by the stored row order.
 *
 * <p>With {@code positive-only} (default {@code auto}: on when the table has a {@code label}
 * column) only rows with label 1 are sequence items; label-0 rows (logged negatives) get
 * {@link StoreLayout#SPLIT_NONE}.
 */
public final class LeaveOneOutSplit implements SplitScheme {
  public static final String NAME = "leave-one-out";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "per user by time: last interaction -> test, second to last -> valid, rest -> train";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("min-len", "users with fewer sequence items keep all of them in train (default 3, >= 3)");
    m.put("positive-only", "true|false|auto: only label-1 rows are sequence items, label-0 rows"
        + " -> none (default auto = true when the table has a label column)");
    return m;
  }

  @Override
  public SplitResult compute(Dataset ds, Map<String, String> params, long seed) {
    SplitParams p = new SplitParams(NAME, options(), params);
    int minLen = p.integer("min-len", 3, 3);
    Table t = ds.table(StoreLayout.INTERACTIONS);
    String po = p.string("positive-only", "auto", "true", "false", "auto");
    boolean positiveOnly = po.equals("auto") ? t.has(StoreLayout.LABEL) : po.equals("true");
    if (positiveOnly && !t.has(StoreLayout.LABEL)) {
      throw new IllegalArgumentException("split scheme " + NAME + ": positive-only=true needs a '"
          + StoreLayout.LABEL + "' column; table " + t.name() + " has " + t.columns());
    }
    p.note("positive-only", positiveOnly);
    int[] users = t.scalar(StoreLayout.USER).toIntArray();
    long[] ts = t.scalar(StoreLayout.TIMESTAMP).toLongArray();
    byte[] labels = positiveOnly ? t.scalar(StoreLayout.LABEL).toByteArray() : null;
    UserOrder order = UserOrder.of(users, ts);
    byte[] codes = new byte[users.length];
    Arrays.fill(codes, StoreLayout.SPLIT_NONE);
    int[] seq = new int[16];
    long shortUsers = 0;
    long splitUsers = 0;
    for (int u = 0; u < order.users(); u++) {
      int len = 0;
      for (int k = order.start[u]; k < order.start[u + 1]; k++) {
        int row = order.rows[k];
        if (labels == null || labels[row] == 1) {
          if (len == seq.length) {
            seq = Arrays.copyOf(seq, len * 2);
          }
          seq[len++] = row;
        }
      }
      if (len == 0) {
        continue;
      }
      for (int i = 0; i < len; i++) {
        codes[seq[i]] = StoreLayout.SPLIT_TRAIN;
      }
      if (len < minLen) {
        shortUsers++;
      } else {
        codes[seq[len - 1]] = StoreLayout.SPLIT_TEST;
        codes[seq[len - 2]] = StoreLayout.SPLIT_VALID;
        splitUsers++;
      }
    }
    p.note("users-split", splitUsers);
    p.note("users-train-only", shortUsers + " (fewer than min-len items: all kept in train)");
    return new SplitResult(t.name(), codes, p.resolved());
  }
}
