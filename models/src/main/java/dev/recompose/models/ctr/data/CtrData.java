package dev.recompose.models.ctr.data;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import java.util.Map;
import java.util.Objects;

/**
 * Click-through-rate samples drawn from a dataset: one row per (user, item, label), with the
 * group each sample is evaluated in, its split part, and a pointer to the user's click history.
 *
 * <p>It exists so that every CTR model, trainer and evaluator sees one flat, columnar view, no
 * matter whether the samples came from MIND-style impressions (group = impression) or from an
 * interaction log turned into labels (group = user). Histories are stored once per owner
 * ({@code histories[owner]}, oldest first); sample {@code i} may see the first
 * {@code historyLength[i]} items of {@code histories[historyOwner[i]]}, so a history never
 * contains what the user did after the sample.
 *
 * @param dataset the source dataset (side tables: text, features)
 * @param users number of users (codes 0..users-1)
 * @param items number of items (codes 0..items-1)
 * @param user user code per sample
 * @param item item code per sample
 * @param label 0/1 per sample
 * @param group evaluation group per sample (impression row or user code, see {@code groupKey})
 * @param split split code per sample ({@link StoreLayout#SPLIT_TRAIN} and siblings)
 * @param historyOwner row of {@code histories} per sample
 * @param historyLength visible prefix of that history per sample
 * @param histories click histories, oldest first
 * @param groupKey what {@code group} is: {@code impression} or {@code user}
 * @param notes how labels, negatives and splits were made (for the results record)
 */
public record CtrData(
    Dataset dataset,
    int users,
    int items,
    int[] user,
    int[] item,
    float[] label,
    int[] group,
    byte[] split,
    int[] historyOwner,
    int[] historyLength,
    int[][] histories,
    String groupKey,
    Map<String, String> notes) {
  public CtrData {
    Objects.requireNonNull(user, "user");
    int n = user.length;
    if (item.length != n || label.length != n || group.length != n || split.length != n
        || historyOwner.length != n || historyLength.length != n) {
      throw new IllegalArgumentException("CTR sample columns differ in length");
    }
    notes = Map.copyOf(notes);
  }

  /** Number of samples. */
  public int size() {
    return user.length;
  }

  /** Indices of the samples in split part {@code code}. */
  public int[] indices(byte code) {
    int c = 0;
    for (byte s : split) {
      c += s == code ? 1 : 0;
    }
    int[] out = new int[c];
    int k = 0;
    for (int i = 0; i < split.length; i++) {
      if (split[i] == code) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The visible history of sample {@code i}, truncated to its last {@code max} items. */
  public int[] history(int i, int max) {
    int[] h = histories[historyOwner[i]];
    int end = Math.min(historyLength[i], h.length);
    int start = Math.max(0, end - max);
    return java.util.Arrays.copyOfRange(h, start, end);
  }

  /** Count of samples per split part and label, for logs. */
  public String summary() {
    long[][] c = new long[3][2];
    for (int i = 0; i < size(); i++) {
      if (split[i] >= 0 && split[i] <= 2) {
        c[split[i]][label[i] > 0 ? 1 : 0]++;
      }
    }
    return String.format(java.util.Locale.ROOT,
        "%d samples (train %d+/%d-, valid %d+/%d-, test %d+/%d-), grouped by %s, %s",
        size(), c[0][1], c[0][0], c[1][1], c[1][0], c[2][1], c[2][0], groupKey, notes);
  }
}
