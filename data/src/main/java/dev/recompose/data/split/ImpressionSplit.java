package dev.recompose.data.split;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * MIND-style split of the {@code impressions} table (one row per logged impression).
 *
 * <p>When the table has the int8 column {@value #SOURCE_PART} (0 = the publisher's train
 * folder, 1 = its dev folder; written by the MIND importer), dev impressions are the test set,
 * as in Legommenders' {@code mind} processor (MIND-small dev is the test set, its test labels
 * were never released), and validation is carved out of the train part:
 * <ul>
 *   <li>{@code valid-by=users} (default, Legommenders): a seeded random {@code valid-fraction}
 *       (default 0.1) of the users that have train-part impressions; all their train-part
 *       impressions become validation;
 *   <li>{@code valid-by=time}: the latest {@code valid-fraction} of train-part impressions by
 *       (timestamp, row), with the tie rule of {@link TimeCuts}.
 * </ul>
 * Without that column (e.g. a synthetic dataset) impressions are cut globally by time with
 * {@code ratios} (default 0.8,0.1,0.1), same tie rule.
 */
public final class ImpressionSplit implements SplitScheme {
  public static final String NAME = "impression";

  /** The int8 impressions column naming the publisher's part: 0 train, 1 dev. */
  public static final String SOURCE_PART = "source_part";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "impressions: publisher's dev part -> test, train part -> train/valid"
        + " (or global time cuts when the parts are unknown)";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("valid-by", "users|time: how validation is taken from the train part (default users,"
        + " as Legommenders)");
    m.put("valid-fraction", "fraction of train-part users (or impressions, by time) for"
        + " validation (default 0.1)");
    m.put("ratios", "train,valid,test time fractions when the table has no " + SOURCE_PART
        + " column (default 0.8,0.1,0.1)");
    return m;
  }

  @Override
  public SplitResult compute(Dataset ds, Map<String, String> params, long seed) {
    SplitParams p = new SplitParams(NAME, options(), params);
    Table t = ds.table(StoreLayout.IMPRESSIONS);
    long[] ts = t.scalar(StoreLayout.TIMESTAMP).toLongArray();
    int n = ts.length;
    byte[] codes = new byte[n];
    if (!t.has(SOURCE_PART)) {
      double[] ratios = p.ratios("ratios", "0.8,0.1,0.1");
      p.note(SOURCE_PART, "absent: global time cuts, equal timestamps go to the earlier part");
      p.unused("valid-by", "no " + SOURCE_PART + " column");
      p.unused("valid-fraction", "no " + SOURCE_PART + " column");
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      TimeCuts.assign(ts, all, ratios, codes);
      return new SplitResult(t.name(), codes, p.resolved());
    }
    String validBy = p.string("valid-by", "users", "users", "time");
    double frac = p.number("valid-fraction", 0.1, 0.0, 1.0);
    p.note(SOURCE_PART, "present: dev part -> test");
    p.unused("ratios", "the table has a " + SOURCE_PART + " column");
    byte[] part = t.scalar(SOURCE_PART).toByteArray();
    int trainRows = 0;
    for (int i = 0; i < n; i++) {
      if (part[i] == 0) {
        trainRows++;
      } else if (part[i] == 1) {
        codes[i] = StoreLayout.SPLIT_TEST;
      } else {
        throw new IllegalArgumentException("split scheme " + NAME + ": impressions row " + i
            + ": " + SOURCE_PART + " must be 0 (train) or 1 (dev), found " + part[i]);
      }
    }
    int[] train = new int[trainRows];
    for (int i = 0, k = 0; i < n; i++) {
      if (part[i] == 0) {
        train[k++] = i;
      }
    }
    if (validBy.equals("time")) {
      TimeCuts.assign(ts, train, new double[] {1 - frac, frac, 0}, codes);
    } else {
      int[] users = t.scalar(StoreLayout.USER).toIntArray();
      int maxUser = 0;
      for (int i : train) {
        maxUser = Math.max(maxUser, users[i]);
      }
      boolean[] present = new boolean[maxUser + 1];
      int count = 0;
      for (int i : train) {
        count += present[users[i]] ? 0 : 1;
        present[users[i]] = true;
      }
      int[] distinct = new int[count];
      for (int u = 0, k = 0; u <= maxUser; u++) {
        if (present[u]) {
          distinct[k++] = u;
        }
      }
      SplittableRandom rng = new SplittableRandom(seed);
      for (int i = distinct.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int x = distinct[i];
        distinct[i] = distinct[j];
        distinct[j] = x;
      }
      int k = (int) Math.round(frac * distinct.length);
      int[] valid = Arrays.copyOf(distinct, k);
      Arrays.sort(valid);
      for (int i : train) {
        codes[i] = Arrays.binarySearch(valid, users[i]) >= 0
            ? StoreLayout.SPLIT_VALID : StoreLayout.SPLIT_TRAIN;
      }
      p.note("valid-users", k + " of " + distinct.length);
    }
    return new SplitResult(t.name(), codes, p.resolved());
  }
}
