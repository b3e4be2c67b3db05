package dev.recompose.models.baseline;

import dev.recompose.models.util.TopKHeap;
import dev.recompose.models.util.Workers;
import dev.recompose.models.seq.Recommender;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.UserBatch;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item-based k-nearest-neighbour recommender with cosine similarity on binary co-occurrence in
 * users' train sequences.
 *
 * <p>Sarwar, Karypis, Konstan &amp; Riedl, "Item-based collaborative filtering recommendation
 * algorithms" (WWW 2001); Deshpande &amp; Karypis, "Item-based top-N recommendation algorithms"
 * (TOIS 2004). It follows RecBole's {@code ItemKNN} (recbole/model/general_recommender/itemknn.py;
 * defaults k = 100, shrink = 0, REFERENCES-seqrec §5):
 * <pre>
 *   sim(i, j) = |U(i) ∩ U(j)| / (sqrt|U(i)| * sqrt|U(j)| + shrink + 1e-6),   sim(i, i) = 0
 *   N(i)      = the k items j with the largest non-zero sim(i, j)
 *   score(u, i) = sum over j in input(u) with j in N(i) of sim(i, j)
 * </pre>
 * where U(i) is the set of users with i in their train sequence (repeats count once) and input(u)
 * is the distinct items of the user's input sequence. Ties in neighbour selection go to the lower
 * item id.
 *
 * <p>It scales by staying sparse: co-occurrences are accumulated per item over the users who
 * have it (never an items x items matrix), only the top k neighbours are kept, and scoring a user
 * touches only the neighbour lists of the items in their history. Fitting runs on a fixed thread
 * count and is deterministic.
 */
public final class ItemKNN implements Recommender {
  /** The recipe name. */
  public static final String NAME = "itemknn";

  private final int k;
  private final double shrink;
  private final int threads;

  /** RecBole's defaults: k = 100, shrink = 0, all cores. */
  public ItemKNN() {
    this(100, 0.0, 0);
  }

  /**
   * @param k neighbours kept per item (at least 1)
   * @param shrink added to the cosine denominator (at least 0); damps pairs with few users
   * @param threads fitting threads, 0 = all cores (does not change the result)
   */
  public ItemKNN(int k, double shrink, int threads) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (!(shrink >= 0) || Double.isInfinite(shrink)) {
      throw new IllegalArgumentException("shrink must be a finite number >= 0, got " + shrink);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
    }
    this.k = k;
    this.shrink = shrink;
    this.threads = threads;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model", NAME);
    c.put("k", k);
    c.put("shrink", shrink);
    c.put("similarity", "cosine");
    return c;
  }

  @Override
  public Scorer fit(SequenceData data) {
    int numItems = data.numItems();
    int numUsers = data.numUsers();
    // user -> distinct train items (CSR)
    int[] uOff = new int[numUsers + 1];
    int[] uItems = new int[data.numTrainInteractions()];
    for (int u = 0; u < numUsers; u++) {
      int[] seq = data.trainSequence(u);
      Arrays.sort(seq);
      int n = uOff[u];
      for (int p = 0; p < seq.length; p++) {
        if (p == 0 || seq[p] != seq[p - 1]) {
          uItems[n++] = seq[p];
        }
      }
      uOff[u + 1] = n;
    }
    // item -> users (CSR)
    int[] iOff = new int[numItems + 1];
    for (int e = 0; e < uOff[numUsers]; e++) {
      iOff[uItems[e] + 1]++;
    }
    for (int i = 0; i < numItems; i++) {
      iOff[i + 1] += iOff[i];
    }
    int[] iUsers = new int[iOff[numItems]];
    int[] fill = Arrays.copyOf(iOff, numItems);
    for (int u = 0; u < numUsers; u++) {
      for (int e = uOff[u]; e < uOff[u + 1]; e++) {
        iUsers[fill[uItems[e]]++] = u;
      }
    }
    double[] norm = new double[numItems];
    for (int i = 0; i < numItems; i++) {
      norm[i] = Math.sqrt(iOff[i + 1] - iOff[i]);
    }
    int[][] nbrIds = new int[numItems][];
    float[][] nbrSims = new float[numItems][];
    parallel(numItems, () -> {
      int[] co = new int[numItems];
      int[] touched = new int[numItems];
      TopKHeap heap = new TopKHeap(k);
      return i -> {
        int nt = 0;
        for (int e = iOff[i]; e < iOff[i + 1]; e++) {
          int u = iUsers[e];
          for (int f = uOff[u]; f < uOff[u + 1]; f++) {
            int j = uItems[f];
            if (j != i && co[j]++ == 0) {
              touched[nt++] = j;
            }
          }
        }
        heap.clear();
        for (int t = 0; t < nt; t++) {
          int j = touched[t];
          float s = (float) (co[j] / (norm[i] * norm[j] + shrink + 1e-6));
          co[j] = 0;
          if (s == 0f) {
            continue;
          }
          heap.offer(j, s);
        }
        nbrIds[i] = heap.ids();
        nbrSims[i] = heap.scores();
      };
    });
    // transpose: for each history item j, the items i that have j among their neighbours
    int[] rOff = new int[numItems + 1];
    for (int i = 0; i < numItems; i++) {
      for (int j : nbrIds[i]) {
        rOff[j + 1]++;
      }
    }
    for (int j = 0; j < numItems; j++) {
      rOff[j + 1] += rOff[j];
    }
    int[] rCol = new int[rOff[numItems]];
    float[] rVal = new float[rOff[numItems]];
    int[] rFill = Arrays.copyOf(rOff, numItems);
    for (int i = 0; i < numItems; i++) {
      for (int e = 0; e < nbrIds[i].length; e++) {
        int j = nbrIds[i][e];
        rCol[rFill[j]] = i;
        rVal[rFill[j]++] = nbrSims[i][e];
      }
    }
    return new Fitted(numItems, rOff, rCol, rVal);
  }

  private interface ItemTask {
    void run(int item);
  }

  private void parallel(int n, java.util.function.Supplier<ItemTask> tasks) {
    int workers = Math.max(1, Math.min(n,
        threads == 0 ? Runtime.getRuntime().availableProcessors() : threads));
    AtomicInteger next = new AtomicInteger();
    int chunk = 64;
    Workers.run(workers, "recompose-itemknn-", "ItemKNN fit", failure -> {
      ItemTask t = tasks.get();
      int from;
      while (failure.get() == null && (from = next.getAndAdd(chunk)) < n) {
        for (int i = from, end = Math.min(n, from + chunk); i < end; i++) {
          t.run(i);
        }
      }
    });
  }

  /**
   * The fitted model: for each item j, the items i with j among their neighbours and sim(i, j)
   * (CSR), so scoring a user costs the sum of these list lengths over the user's items.
   */
  private record Fitted(int numItems, int[] off, int[] col, float[] val) implements Scorer {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void score(UserBatch batch, float[] out) {
      for (int b = 0; b < batch.size(); b++) {
        int base = b * numItems;
        Arrays.fill(out, base, base + numItems, 0f);
        int[] in = batch.input(b).clone();
        Arrays.sort(in);
        for (int p = 0; p < in.length; p++) {
          int j = in[p];
          if (p > 0 && j == in[p - 1]) {
            continue;
          }
          for (int e = off[j]; e < off[j + 1]; e++) {
            out[base + col[e]] += val[e];
          }
        }
      }
    }
  }
}
