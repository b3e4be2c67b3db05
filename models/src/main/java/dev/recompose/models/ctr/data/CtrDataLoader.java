package dev.recompose.models.ctr.data;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.ListColumn;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link CtrData} from a dataset of the store.
 *
 * <p>It exists because CTR samples come from two kinds of logs and both must end up in the same
 * shape, with every choice recorded in {@link CtrData#notes()}:
 * <ul>
 *   <li>An {@code impressions} table (MIND, Wu et al. ACL 2020): one sample per shown candidate,
 *       labelled by the click, grouped by impression; the impression's history is the user's
 *       history. Split: the table's {@code split} column when present, else the impressions in
 *       time order (ties by row), the last {@code testRatio} to test, the {@code validRatio}
 *       before them to validation.
 *   <li>An {@code interactions} table: the {@code label} column when present (negatives logged);
 *       else, for explicit feedback ({@link CtrDataOptions#feedback()}), {@code rating >=
 *       positiveRating} is positive and lower-rated rows are logged negatives; else (implicit
 *       feedback such as listening counts, or no rating) every row is positive and {@code sampledNegatives} per positive are drawn
 *       uniformly (seeded) from items the user never touched. Grouped by user. History of a sample
 *       = the user's positives strictly earlier in time. Optional RecBench cap (10 positives and 10
 *       negatives per user, Jyonn/RecBench). Split: the table's {@code split} column when present,
 *       else per user in time order: the last {@code testRatio} of the user's samples to test, the
 *       {@code validRatio} before them to validation (each rounded down; users with fewer than
 *       three samples stay in train).
 * </ul>
 */
public final class CtrDataLoader {
  private CtrDataLoader() {}

  /** Loads impressions when the dataset has them, else interactions. */
  public static CtrData load(Dataset ds, CtrDataOptions opt) {
    Objects.requireNonNull(ds, "dataset");
    Objects.requireNonNull(opt, "options");
    if (ds.hasTable(StoreLayout.IMPRESSIONS)) {
      return fromImpressions(ds, opt);
    }
    if (ds.hasTable(StoreLayout.INTERACTIONS)) {
      return fromInteractions(ds, opt);
    }
    throw new IllegalArgumentException(ds.dir() + " has neither an impressions nor an"
        + " interactions table; CTR needs one of them");
  }

  private static int vocabSize(Dataset ds, String name, int seenMax) {
    var v = ds.manifest().vocabs().get(name);
    return Math.max(v == null ? 0 : (int) v.size(), seenMax + 1);
  }

  /** Samples from a MIND-style impressions table. */
  public static CtrData fromImpressions(Dataset ds, CtrDataOptions opt) {
    Table t = ds.table(StoreLayout.IMPRESSIONS);
    int rows = Math.toIntExact(t.rows());
    int[] users = t.scalar(StoreLayout.USER).toIntArray();
    long[] time = t.has(StoreLayout.TIMESTAMP) ? t.scalar(StoreLayout.TIMESTAMP).toLongArray()
        : new long[rows];
    ListColumn hist = t.list(StoreLayout.HISTORY);
    ListColumn cand = t.list(StoreLayout.CANDIDATES);
    ListColumn labs = t.list(StoreLayout.LABELS);
    byte[] impSplit;
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("source", "impressions");
    notes.put("negatives", "logged (non-clicked candidates of the impression)");
    if (t.has(StoreLayout.SPLIT)) {
      impSplit = t.scalar(StoreLayout.SPLIT).toByteArray();
      notes.put("split", "dataset split column");
    } else {
      impSplit = temporal(time, opt);
      notes.put("split", "global temporal by impression time: last " + opt.testRatio()
          + " test, " + opt.validRatio() + " valid before it");
    }
    int total = Math.toIntExact(cand.values().size());
    int[] u = new int[total];
    int[] it = new int[total];
    float[] y = new float[total];
    int[] g = new int[total];
    byte[] s = new byte[total];
    int[] owner = new int[total];
    int[] hlen = new int[total];
    int[][] histories = new int[rows][];
    int maxUser = -1;
    int maxItem = -1;
    int k = 0;
    for (int r = 0; r < rows; r++) {
      histories[r] = hist.ints(r);
      for (int h : histories[r]) {
        maxItem = Math.max(maxItem, h);
      }
      int[] c = cand.ints(r);
      byte[] l = labs.bytes(r);
      if (c.length != l.length) {
        throw new IllegalArgumentException("impression row " + r + ": " + c.length
            + " candidates but " + l.length + " labels");
      }
      maxUser = Math.max(maxUser, users[r]);
      for (int j = 0; j < c.length; j++) {
        u[k] = users[r];
        it[k] = c[j];
        y[k] = l[j] > 0 ? 1f : 0f;
        g[k] = r;
        s[k] = impSplit[r];
        owner[k] = r;
        hlen[k] = histories[r].length;
        maxItem = Math.max(maxItem, c[j]);
        k++;
      }
    }
    return new CtrData(ds, vocabSize(ds, StoreLayout.USER, maxUser),
        vocabSize(ds, StoreLayout.ITEM, maxItem), u, it, y, g, s, owner, hlen, histories,
        "impression", notes);
  }

  private static byte[] temporal(long[] time, CtrDataOptions opt) {
    int n = time.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b])
        : Integer.compare(a, b));
    int nTest = (int) Math.floor(n * opt.testRatio());
    int nValid = (int) Math.floor(n * opt.validRatio());
    byte[] s = new byte[n];
    for (int r = 0; r < n; r++) {
      int i = order[r];
      s[i] = r >= n - nTest ? StoreLayout.SPLIT_TEST
          : r >= n - nTest - nValid ? StoreLayout.SPLIT_VALID : StoreLayout.SPLIT_TRAIN;
    }
    return s;
  }

  private record Row(int user, int item, float label, long time, byte split, int order) {}

  /** Samples from an interactions table (labels, ratings, or implicit positives). */
  public static CtrData fromInteractions(Dataset ds, CtrDataOptions opt) {
    Table t = ds.table(StoreLayout.INTERACTIONS);
    int n = Math.toIntExact(t.rows());
    int[] users = t.scalar(StoreLayout.USER).toIntArray();
    int[] items = t.scalar(StoreLayout.ITEM).toIntArray();
    long[] time = t.has(StoreLayout.TIMESTAMP) ? t.scalar(StoreLayout.TIMESTAMP).toLongArray()
        : new long[n];
    byte[] splitCol = t.has(StoreLayout.SPLIT) ? t.scalar(StoreLayout.SPLIT).toByteArray() : null;
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("source", "interactions");
    float[] label = new float[n];
    if (t.has(StoreLayout.LABEL)) {
      byte[] l = t.scalar(StoreLayout.LABEL).toByteArray();
      for (int i = 0; i < n; i++) {
        label[i] = l[i] > 0 ? 1f : 0f;
      }
      notes.put("labels", "dataset label column");
    } else if (t.has(StoreLayout.RATING) && !implicit(ds, opt)) {
      float[] r = t.scalar(StoreLayout.RATING).toFloatArray();
      for (int i = 0; i < n; i++) {
        label[i] = r[i] >= opt.positiveRating() ? 1f : 0f;
      }
      notes.put("labels", "rating >= " + opt.positiveRating());
    } else {
      Arrays.fill(label, 1f);
      notes.put("labels", "every interaction positive (implicit feedback)");
    }
    int maxUser = -1;
    int maxItem = -1;
    for (int i = 0; i < n; i++) {
      maxUser = Math.max(maxUser, users[i]);
      maxItem = Math.max(maxItem, items[i]);
    }
    int numUsers = vocabSize(ds, StoreLayout.USER, maxUser);
    int numItems = vocabSize(ds, StoreLayout.ITEM, maxItem);
    List<List<Row>> perUser = new ArrayList<>();
    for (int i = 0; i < numUsers; i++) {
      perUser.add(new ArrayList<>());
    }
    long negatives = 0;
    for (int i = 0; i < n; i++) {
      perUser.get(users[i]).add(new Row(users[i], items[i], label[i], time[i],
          splitCol == null ? 0 : splitCol[i], i));
      negatives += label[i] == 0f ? 1 : 0;
    }
    boolean needSampling = negatives == 0;
    Rng rng = new Rng(opt.seed());
    if (needSampling) {
      if (opt.sampledNegatives() == 0) {
        throw new IllegalArgumentException(ds.dir() + ": the interactions have no negatives and"
            + " sampledNegatives is 0; CTR needs both classes");
      }
      notes.put("negatives", opt.sampledNegatives() + " sampled uniformly per positive from items"
          + " the user never interacted with (seed " + opt.seed() + ")");
      for (List<Row> rows : perUser) {
        if (rows.isEmpty()) {
          continue;
        }
        Set<Integer> seen = new HashSet<>();
        for (Row r : rows) {
          seen.add(r.item());
        }
        if (seen.size() >= numItems) {
          continue;
        }
        int size = rows.size();
        for (int j = 0; j < size; j++) {
          Row p = rows.get(j);
          for (int q = 0; q < opt.sampledNegatives(); q++) {
            int cand;
            do {
              cand = rng.nextInt(numItems);
            } while (seen.contains(cand));
            rows.add(new Row(p.user(), cand, 0f, p.time(), p.split(), p.order()));
          }
        }
      }
    } else {
      notes.put("negatives", "logged (" + (t.has(StoreLayout.LABEL) ? "label 0 rows"
          : "ratings below " + opt.positiveRating()) + ")");
    }
    long dropped = 0;
    if (opt.recbenchCap()) {
      for (List<Row> rows : perUser) {
        int before = rows.size();
        List<Row> pos = new ArrayList<>();
        List<Row> neg = new ArrayList<>();
        for (Row r : rows) {
          (r.label() > 0 ? pos : neg).add(r);
        }
        shuffle(pos, rng);
        shuffle(neg, rng);
        rows.clear();
        rows.addAll(pos.subList(0, Math.min(opt.capPerClass(), pos.size())));
        rows.addAll(neg.subList(0, Math.min(opt.capPerClass(), neg.size())));
        dropped += before - rows.size();
      }
      notes.put("cap", "RecBench: at most " + opt.capPerClass() + " positives and "
          + opt.capPerClass() + " negatives per user (seed " + opt.seed() + "); " + dropped
          + " samples dropped");
    }
    notes.put("split", splitCol != null ? "dataset split column"
        : "per user temporal: last " + opt.testRatio() + " of the user's samples test, "
            + opt.validRatio() + " before them valid (rounded down; users with < 3 samples train"
            + " only)");
    int total = 0;
    for (List<Row> rows : perUser) {
      total += rows.size();
    }
    int[] u = new int[total];
    int[] it = new int[total];
    float[] y = new float[total];
    int[] g = new int[total];
    byte[] s = new byte[total];
    int[] owner = new int[total];
    int[] hlen = new int[total];
    int[][] histories = new int[numUsers][];
    int k = 0;
    for (int user = 0; user < numUsers; user++) {
      List<Row> rows = perUser.get(user);
      rows.sort((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time())
          : a.order() != b.order() ? Integer.compare(a.order(), b.order())
          : Float.compare(b.label(), a.label()));
      int m = rows.size();
      int nTest = m >= 3 ? (int) Math.floor(m * opt.testRatio()) : 0;
      int nValid = m >= 3 ? (int) Math.floor(m * opt.validRatio()) : 0;
      for (int j = 0; j < m; j++) {
        Row r = rows.get(j);
        u[k] = user;
        it[k] = r.item();
        y[k] = r.label();
        g[k] = user;
        s[k] = splitCol != null ? r.split()
            : j >= m - nTest ? StoreLayout.SPLIT_TEST
            : j >= m - nTest - nValid ? StoreLayout.SPLIT_VALID : StoreLayout.SPLIT_TRAIN;
        owner[k] = user;
        hlen[k] = 0;
        k++;
      }
    }
    // histories = every logged positive of the user (capped-out ones too), oldest first
    fillHistories(users, items, time, label, n, histories, hlen, numUsers, perUserTimes(perUser));
    return new CtrData(ds, numUsers, numItems, u, it, y, g, s, owner, hlen, histories, "user",
        notes);
  }

  private static boolean implicit(Dataset ds, CtrDataOptions opt) {
    if (!opt.feedback().equals("auto")) {
      return opt.feedback().equals("implicit");
    }
    var prov = ds.manifest().provenance();
    String note = prov == null ? "" : prov.notes().getOrDefault("feedback", "");
    note = note.toLowerCase(java.util.Locale.ROOT);
    return note.contains("implicit") || note.contains("count");
  }

  private static long[][] perUserTimes(List<List<Row>> perUser) {
    long[][] out = new long[perUser.size()][];
    for (int i = 0; i < out.length; i++) {
      List<Row> rows = perUser.get(i);
      out[i] = new long[rows.size()];
      for (int j = 0; j < rows.size(); j++) {
        out[i][j] = rows.get(j).time();
      }
    }
    return out;
  }

  /**
   * Histories = every logged positive of the user in time order; a sample at time {@code t} sees
   * the positives with time strictly below {@code t}.
   */
  private static void fillHistories(int[] users, int[] items, long[] time, float[] label, int n,
      int[][] histories, int[] hlen, int numUsers, long[][] sampleTimes) {
    List<List<long[]>> pos = new ArrayList<>();
    for (int i = 0; i < numUsers; i++) {
      pos.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      if (label[i] > 0) {
        pos.get(users[i]).add(new long[] {time[i], i, items[i]});
      }
    }
    long[][] posTimes = new long[numUsers][];
    for (int user = 0; user < numUsers; user++) {
      List<long[]> p = pos.get(user);
      p.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      histories[user] = new int[p.size()];
      posTimes[user] = new long[p.size()];
      for (int j = 0; j < p.size(); j++) {
        histories[user][j] = (int) p.get(j)[2];
        posTimes[user][j] = p.get(j)[0];
      }
    }
    int k = 0;
    for (int user = 0; user < numUsers; user++) {
      for (long t : sampleTimes[user]) {
        hlen[k++] = lowerBound(posTimes[user], t);
      }
    }
  }

  private static int lowerBound(long[] a, long key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static <T> void shuffle(List<T> list, Rng rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }
}
