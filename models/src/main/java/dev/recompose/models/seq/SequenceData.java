package dev.recompose.models.seq;

import dev.recompose.data.store.DType;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.NpyArray;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.util.Arrays;
import java.util.Objects;

/**
 * A split interaction log seen as sequences: per user the chronological train sequence, the
 * validation target and the test target (leave-one-out), plus train popularity per item.
 *
 * <p>It exists so that every sequential model and evaluator reads the same inputs in the same
 * way: for {@link Stage#VALID} the input is the train sequence, for {@link Stage#TEST} it is the
 * train sequence followed by the validation item (REFERENCES-seqrec §0). It is built in one pass
 * over the store's memory-mapped {@code user}, {@code item} and {@code split} columns (the store
 * keeps rows grouped by user and in time order, so row order within a user is time order); rows
 * with split code -1 are ignored. Memory is O(interactions): one CSR array of train items.
 *
 * <p>Only splits with at most one validation and one test row per user are supported (leave-one-
 * out); any other split fails with a message naming the user.
 */
public final class SequenceData {
  private final DatasetRef ref;
  private final int numItems;
  private final int[] offsets;
  private final int[] items;
  private final int[] valid;
  private final int[] test;
  private final int[] trainCounts;
  private final Dataset dataset;

  private SequenceData(DatasetRef ref, int numItems, int[] offsets, int[] items, int[] valid,
      int[] test, Dataset dataset) {
    this.ref = ref;
    this.dataset = dataset;
    this.numItems = numItems;
    this.offsets = offsets;
    this.items = items;
    this.valid = valid;
    this.test = test;
    this.trainCounts = new int[numItems];
    for (int it : items) {
      trainCounts[it]++;
    }
  }

  /** Reads the split interactions of {@code ds}; fails when it has no {@code split} column. */
  public static SequenceData load(Dataset ds) {
    Objects.requireNonNull(ds, "ds");
    Manifest m = ds.manifest();
    Table t = ds.table(StoreLayout.INTERACTIONS);
    if (!t.has(StoreLayout.SPLIT)) {
      throw new IllegalArgumentException(ds.dir() + ": interactions have no '" + StoreLayout.SPLIT
          + "' column; split the dataset first (e.g. leave-one-out)");
    }
    NpyArray user = column(t, StoreLayout.USER, DType.INT32);
    NpyArray item = column(t, StoreLayout.ITEM, DType.INT32);
    NpyArray split = column(t, StoreLayout.SPLIT, DType.INT8);
    int numUsers = Math.toIntExact(m.counts().users());
    int numItems = Math.toIntExact(m.counts().items());
    long rows = t.rows();
    int[] counts = new int[numUsers + 1];
    int[] valid = new int[numUsers];
    int[] test = new int[numUsers];
    Arrays.fill(valid, -1);
    Arrays.fill(test, -1);
    for (long r = 0; r < rows; r++) {
      int u = user.getInt(r);
      int i = item.getInt(r);
      if (u < 0 || u >= numUsers) {
        throw new IllegalArgumentException(ds.dir() + ": interactions row " + r + ": user " + u
            + " outside [0, " + numUsers + ")");
      }
      if (i < 0 || i >= numItems) {
        throw new IllegalArgumentException(ds.dir() + ": interactions row " + r + ": item " + i
            + " outside [0, " + numItems + ")");
      }
      byte s = split.getByte(r);
      switch (s) {
        case StoreLayout.SPLIT_TRAIN -> counts[u + 1]++;
        case StoreLayout.SPLIT_VALID -> valid[u] = single(valid[u], i, u, "validation");
        case StoreLayout.SPLIT_TEST -> test[u] = single(test[u], i, u, "test");
        case StoreLayout.SPLIT_NONE -> { }
        default -> throw new IllegalArgumentException(ds.dir() + ": interactions row " + r
            + ": unknown split code " + s + " (expected 0, 1, 2 or -1)");
      }
    }
    for (int u = 0; u < numUsers; u++) {
      counts[u + 1] += counts[u];
    }
    int[] offsets = counts.clone();
    int[] seq = new int[offsets[numUsers]];
    int[] fill = Arrays.copyOf(offsets, numUsers);
    for (long r = 0; r < rows; r++) {
      if (split.getByte(r) == StoreLayout.SPLIT_TRAIN) {
        int u = user.getInt(r);
        seq[fill[u]++] = item.getInt(r);
      }
    }
    SplitInfo info = m.split();
    DatasetRef ref = new DatasetRef(m.name() == null ? ds.dir().getFileName().toString() : m.name(),
        m.contentSha256(), info == null ? "unknown" : info.scheme(), info == null ? 0 : info.seed());
    return new SequenceData(ref, numItems, offsets, seq, valid, test, ds);
  }

  private static int single(int previous, int item, int user, String part) {
    if (previous >= 0) {
      throw new IllegalArgumentException("user " + user + " has more than one " + part
          + " interaction; SequenceData needs a leave-one-out split (one validation and one test"
          + " item per user)");
    }
    return item;
  }

  private static NpyArray column(Table t, String name, DType want) {
    NpyArray a = t.scalar(name);
    if (a.dtype() != want) {
      throw new IllegalArgumentException("interactions." + name + " is " + a.dtype() + ", expected "
          + want);
    }
    return a;
  }

  /**
   * Builds sequence data in memory (tests, synthetic benchmarks).
   *
   * @param train per user the train items, oldest first
   * @param valid per user the validation item or -1
   * @param test per user the test item or -1
   */
  public static SequenceData of(DatasetRef ref, int numItems, int[][] train, int[] valid,
      int[] test) {
    Objects.requireNonNull(ref, "ref");
    if (numItems <= 0) {
      throw new IllegalArgumentException("numItems must be positive, got " + numItems);
    }
    if (valid.length != train.length || test.length != train.length) {
      throw new IllegalArgumentException("train, valid and test must have one entry per user: "
          + train.length + ", " + valid.length + ", " + test.length);
    }
    int[] offsets = new int[train.length + 1];
    for (int u = 0; u < train.length; u++) {
      offsets[u + 1] = offsets[u] + train[u].length;
    }
    int[] seq = new int[offsets[train.length]];
    for (int u = 0; u < train.length; u++) {
      for (int i : train[u]) {
        checkItem(i, numItems, u);
      }
      System.arraycopy(train[u], 0, seq, offsets[u], train[u].length);
      if (valid[u] >= 0) {
        checkItem(valid[u], numItems, u);
      }
      if (test[u] >= 0) {
        checkItem(test[u], numItems, u);
      }
    }
    return new SequenceData(ref, numItems, offsets, seq, valid.clone(), test.clone(), null);
  }

  private static void checkItem(int i, int numItems, int u) {
    if (i < 0 || i >= numItems) {
      throw new IllegalArgumentException("user " + u + ": item " + i + " outside [0, " + numItems
          + ")");
    }
  }

  /** Which dataset and split this came from. */
  public DatasetRef ref() {
    return ref;
  }

  /**
   * The store this was loaded from, for models that read item columns (the {@code item.repr}
   * representations); empty for data built in memory.
   */
  public java.util.Optional<Dataset> dataset() {
    return java.util.Optional.ofNullable(dataset);
  }

  public int numUsers() {
    return valid.length;
  }

  public int numItems() {
    return numItems;
  }

  /** The number of train interactions over all users. */
  public int numTrainInteractions() {
    return items.length;
  }

  public int trainLength(int user) {
    return offsets[user + 1] - offsets[user];
  }

  /** The users with at least {@code min} train items, ascending (the users a model trains on). */
  public int[] usersWithTrainLength(int min) {
    return java.util.stream.IntStream.range(0, numUsers())
        .filter(u -> trainLength(u) >= min).toArray();
  }

  /** The {@code pos}-th train item of {@code user}, oldest first. */
  public int trainItem(int user, int pos) {
    if (pos < 0 || pos >= trainLength(user)) {
      throw new IndexOutOfBoundsException("user " + user + " has " + trainLength(user)
          + " train items, asked for " + pos);
    }
    return items[offsets[user] + pos];
  }

  /** A copy of the train sequence of {@code user}, oldest first. */
  public int[] trainSequence(int user) {
    return Arrays.copyOfRange(items, offsets[user], offsets[user + 1]);
  }

  /** The validation item of {@code user}, or -1. */
  public int validTarget(int user) {
    return valid[user];
  }

  /** The test item of {@code user}, or -1. */
  public int testTarget(int user) {
    return test[user];
  }

  /** The item to predict at {@code stage}, or -1 when the user has none. */
  public int target(int user, Stage stage) {
    return stage == Stage.VALID ? valid[user] : test[user];
  }

  /**
   * The input sequence at {@code stage}, oldest first: the train sequence for validation, the
   * train sequence plus the validation item (when there is one) for test. These are also the
   * items masked under full ranking: what the user had seen before the target.
   */
  public int[] input(int user, Stage stage) {
    int from = offsets[user];
    int n = offsets[user + 1] - from;
    if (stage == Stage.TEST && valid[user] >= 0) {
      int[] out = Arrays.copyOfRange(items, from, from + n + 1);
      out[n] = valid[user];
      return out;
    }
    return Arrays.copyOfRange(items, from, from + n);
  }

  /**
   * Every item {@code user} interacted with in any part (train, validation, test), with
   * repeats; sampled protocols draw negatives outside this set.
   */
  public int[] allItems(int user) {
    int[] in = input(user, Stage.TEST);
    int extra = test[user] >= 0 ? 1 : 0;
    int[] out = Arrays.copyOf(in, in.length + extra);
    if (extra == 1) {
      out[in.length] = test[user];
    }
    return out;
  }

  /** Users that have a target at {@code stage}, ascending. */
  public int[] users(Stage stage) {
    int[] t = stage == Stage.VALID ? valid : test;
    int n = 0;
    for (int x : t) {
      n += x >= 0 ? 1 : 0;
    }
    int[] out = new int[n];
    int k = 0;
    for (int u = 0; u < t.length; u++) {
      if (t[u] >= 0) {
        out[k++] = u;
      }
    }
    return out;
  }

  /** How often {@code item} occurs in train sequences. */
  public int trainCount(int item) {
    return trainCounts[item];
  }

  /** A copy of the train count of every item. */
  public int[] trainCounts() {
    return trainCounts.clone();
  }
}
