package dev.recompose.data.split;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The RecBench CTR sample (Jyonn/RecBench {@code process/base_processor.py}; "Can LLMs Outshine
 * Conventional Recommenders? A Comparative Evaluation", arXiv 2503.05493) on the
 * {@code interactions} table.
 *
 * <ol>
 *   <li>Positives and negatives: with a {@code label} column, label 1 and label 0 (logged
 *       negatives); without one but with {@code rating}, rows rated at least
 *       {@code positive-rating} (default 4) are positive and rows rated below it negative.
 *   <li>Users are visited in a seeded random order (a Fisher-Yates shuffle of the user codes).
 *   <li>Each user keeps at most {@code max-pos} (10) positives and {@code max-neg} (10)
 *       negatives; with {@code pick=random} (default, RecBench samples) they are a uniform
 *       sample drawn with a generator seeded from (seed, user), with {@code pick=latest} the most
 *       recent ones by (timestamp, row). Users with no selected row are skipped.
 *   <li>Test takes users in visiting order until it holds at least {@code test-rows} (20,000)
 *       rows; then the fine-tune set takes the following users until it holds at least
 *       {@code finetune-rows} (100,000) rows; user sets are disjoint. A limit of 0 leaves that
 *       set empty.
 *   <li>Validation is {@code valid-ratio} (0.1) of the fine-tune users: the last
 *       {@code round(valid-ratio * users)} fine-tune users in visiting order (the order is
 *       already random); the other fine-tune users are train.
 *   <li>Every other row (over the caps, users after the fine-tune set, rows that are neither
 *       positive nor negative) is {@link StoreLayout#SPLIT_NONE}.
 * </ol>
 * The defaults are the reference's and suit datasets of 6,000+ users; on a small dataset the
 * test set swallows every user unless {@code test-rows} is lowered.
 */
public final class RecBenchCtrSplit implements SplitScheme {
  public static final String NAME = "recbench-ctr";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "RecBench CTR sample: users in seeded order, <= 10 positives + 10 negatives each,"
        + " test users first, then fine-tune users (10% of them valid)";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("max-pos", "positives kept per user (default 10)");
    m.put("max-neg", "negatives kept per user (default 10)");
    m.put("pick", "random|latest: which positives/negatives a user keeps (default random)");
    m.put("test-rows", "test takes users until it has at least this many rows (default 20000)");
    m.put("finetune-rows", "then fine-tune takes users until this many rows (default 100000)");
    m.put("valid-ratio", "fraction of fine-tune users used for validation (default 0.1)");
    m.put("positive-rating", "without a label column: rating >= this is positive, below is"
        + " negative (default 4)");
    return m;
  }

  @Override
  public SplitResult compute(Dataset ds, Map<String, String> params, long seed) {
    SplitParams p = new SplitParams(NAME, options(), params);
    int maxPos = p.integer("max-pos", 10, 0);
    int maxNeg = p.integer("max-neg", 10, 0);
    boolean latest = p.string("pick", "random", "random", "latest").equals("latest");
    int testRows = p.integer("test-rows", 20_000, 0);
    int finetuneRows = p.integer("finetune-rows", 100_000, 0);
    double validRatio = p.number("valid-ratio", 0.1, 0.0, 1.0);
    Table t = ds.table(StoreLayout.INTERACTIONS);
    int[] users = t.scalar(StoreLayout.USER).toIntArray();
    long[] ts = t.scalar(StoreLayout.TIMESTAMP).toLongArray();
    byte[] polarity = polarity(t, p);
    int negatives = 0;
    for (byte b : polarity) {
      negatives += b == 0 ? 1 : 0;
    }
    if (negatives == 0) {
      throw new IllegalArgumentException("split scheme " + NAME + " needs negatives (label 0, or"
          + " a rating below positive-rating); table " + t.name() + " has none");
    }
    UserOrder order = UserOrder.of(users, ts);
    int[] visit = new int[order.users()];
    for (int u = 0; u < visit.length; u++) {
      visit[u] = u;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = visit.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int x = visit[i];
      visit[i] = visit[j];
      visit[j] = x;
    }
    byte[] codes = new byte[users.length];
    Arrays.fill(codes, StoreLayout.SPLIT_NONE);
    int[] finetuneUsers = new int[visit.length];
    int nFinetune = 0;
    long inTest = 0;
    long inFinetune = 0;
    int testUsers = 0;
    for (int u : visit) {
      boolean toTest = inTest < testRows;
      if (!toTest && inFinetune >= finetuneRows) {
        break;
      }
      int[] chosen = choose(order, u, polarity, maxPos, maxNeg, latest, seed);
      if (chosen.length == 0) {
        continue;
      }
      if (toTest) {
        for (int r : chosen) {
          codes[r] = StoreLayout.SPLIT_TEST;
        }
        inTest += chosen.length;
        testUsers++;
      } else {
        for (int r : chosen) {
          codes[r] = StoreLayout.SPLIT_TRAIN;
        }
        inFinetune += chosen.length;
        finetuneUsers[nFinetune++] = u;
      }
    }
    int nValid = (int) Math.round(validRatio * nFinetune);
    for (int i = nFinetune - nValid; i < nFinetune; i++) {
      int u = finetuneUsers[i];
      for (int k = order.start[u]; k < order.start[u + 1]; k++) {
        int r = order.rows[k];
        if (codes[r] == StoreLayout.SPLIT_TRAIN) {
          codes[r] = StoreLayout.SPLIT_VALID;
        }
      }
    }
    p.note("users-test", testUsers);
    p.note("users-finetune", nFinetune + " (" + nValid + " of them valid)");
    return new SplitResult(t.name(), codes, p.resolved());
  }

  /** Per row: 1 positive, 0 negative, -1 neither. */
  private static byte[] polarity(Table t, SplitParams p) {
    if (t.has(StoreLayout.LABEL)) {
      byte[] l = t.scalar(StoreLayout.LABEL).toByteArray();
      byte[] out = new byte[l.length];
      for (int i = 0; i < l.length; i++) {
        out[i] = l[i] == 1 ? (byte) 1 : l[i] == 0 ? (byte) 0 : (byte) -1;
      }
      p.note("polarity", "label column (1 positive, 0 negative)");
      p.unused("positive-rating", "the table has a label column");
      return out;
    }
    if (!t.has(StoreLayout.RATING)) {
      throw new IllegalArgumentException("split scheme " + NAME + " needs a '" + StoreLayout.LABEL
          + "' or '" + StoreLayout.RATING + "' column; table " + t.name() + " has " + t.columns());
    }
    double thr = p.number("positive-rating", 4, -Double.MAX_VALUE, Double.MAX_VALUE);
    float[] r = t.scalar(StoreLayout.RATING).toFloatArray();
    byte[] out = new byte[r.length];
    for (int i = 0; i < r.length; i++) {
      out[i] = Float.isNaN(r[i]) ? (byte) -1 : r[i] >= thr ? (byte) 1 : (byte) 0;
    }
    p.note("polarity", "rating >= " + thr + " positive, below negative");
    return out;
  }

  /** The rows user {@code u} keeps, in (timestamp, row) order. */
  private static int[] choose(
      UserOrder order, int u, byte[] polarity, int maxPos, int maxNeg, boolean latest, long seed) {
    int from = order.start[u];
    int to = order.start[u + 1];
    int[] pos = new int[to - from];
    int[] neg = new int[to - from];
    int np = 0;
    int nn = 0;
    for (int k = from; k < to; k++) {
      int r = order.rows[k];
      if (polarity[r] == 1) {
        pos[np++] = k;
      } else if (polarity[r] == 0) {
        neg[nn++] = k;
      }
    }
    SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, u));
    int kp = pick(pos, np, maxPos, latest, rng);
    int kn = pick(neg, nn, maxNeg, latest, rng);
    int[] ks = new int[kp + kn];
    System.arraycopy(pos, 0, ks, 0, kp);
    System.arraycopy(neg, 0, ks, kp, kn);
    Arrays.sort(ks);
    int[] rows = new int[ks.length];
    for (int i = 0; i < ks.length; i++) {
      rows[i] = order.rows[ks[i]];
    }
    return rows;
  }

  /** Moves the chosen entries of {@code a[0..n)} to its front; returns how many. */
  private static int pick(int[] a, int n, int max, boolean latest, SplittableRandom rng) {
    int k = Math.min(n, max);
    if (latest) {
      System.arraycopy(a, n - k, a, 0, k);
      return k;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int x = a[i];
      a[i] = a[j];
      a[j] = x;
    }
    return k;
  }
}
