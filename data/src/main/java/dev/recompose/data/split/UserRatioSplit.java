package dev.recompose.data.split;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-user ratio split: each user's rows, in time order (or shuffled with {@code shuffle=true}),
 * are cut into train, validation and test by ratio.
 *
 * <p>This is RecBole's {@code RS} split grouped by user ({@code group_by: user}). Part sizes of a
 * user with {@code n} rows follow RecBole's rule: valid and test get
 * {@code floor(ratio * n)} rows, train the rest; then, while train keeps more than one row, a
 * part whose {@code ratio * n} lies strictly between 0 and 1 gets one row from train (test
 * first, then valid). {@code floor} uses a 1e-9 tolerance so that 0.1 * 30 counts as 3.
 * Chronological order is (timestamp, row index); with shuffle, each user's rows are permuted by
 * a generator seeded from (seed, user), so the result does not depend on other users.
 */
public final class UserRatioSplit implements SplitScheme {
  public static final String NAME = "user-ratio";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "per user: first rows by time -> train, then valid, last -> test, by ratio";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ratios", "train,valid,test fractions of each user's rows (default 0.8,0.1,0.1)");
    m.put("shuffle", "true: random order per user (seeded) instead of time order (default false)");
    return m;
  }

  /** Part sizes (train, valid, test) of a user with {@code n} rows, RecBole's rule. */
  static int[] partSizes(int n, double[] ratios) {
    int[] cnt = new int[3];
    cnt[1] = (int) Math.floor(ratios[1] * n + 1e-9);
    cnt[2] = (int) Math.floor(ratios[2] * n + 1e-9);
    cnt[0] = n - cnt[1] - cnt[2];
    for (int i = 2; i >= 1; i--) {
      if (cnt[0] <= 1) {
        break;
      }
      double x = ratios[i] * n;
      if (x > 0 && x < 1) {
        cnt[i]++;
        cnt[0]--;
      }
    }
    return cnt;
  }

  @Override
  public SplitResult compute(Dataset ds, Map<String, String> params, long seed) {
    SplitParams p = new SplitParams(NAME, options(), params);
    double[] ratios = p.ratios("ratios", "0.8,0.1,0.1");
    boolean shuffle = p.bool("shuffle", false);
    Table t = ds.table(StoreLayout.INTERACTIONS);
    int[] users = t.scalar(StoreLayout.USER).toIntArray();
    long[] ts = t.scalar(StoreLayout.TIMESTAMP).toLongArray();
    UserOrder order = UserOrder.of(users, ts);
    byte[] codes = new byte[users.length];
    Arrays.fill(codes, StoreLayout.SPLIT_NONE);
    for (int u = 0; u < order.users(); u++) {
      int from = order.start[u];
      int n = order.start[u + 1] - from;
      if (n == 0) {
        continue;
      }
      int[] rows = Arrays.copyOfRange(order.rows, from, from + n);
      if (shuffle) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, u));
        for (int i = n - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int x = rows[i];
          rows[i] = rows[j];
          rows[j] = x;
        }
      }
      int[] c = partSizes(n, ratios);
      for (int i = 0; i < n; i++) {
        codes[rows[i]] = i < c[0] ? StoreLayout.SPLIT_TRAIN
            : i < c[0] + c[1] ? StoreLayout.SPLIT_VALID : StoreLayout.SPLIT_TEST;
      }
    }
    p.note("order", shuffle ? "random per user, seeded from (seed, user)" : "time, then row");
    return new SplitResult(t.name(), codes, p.resolved());
  }
}
