package dev.recompose.models.seq.nn;

import dev.recompose.models.seq.SequenceData;
import dev.recompose.tensor.Rng;
import java.util.Arrays;

/**
 * Per user, the sorted distinct items of the train sequence, and negative sampling outside it.
 *
 * <p>It exists because SASRec, Caser and BPR-MF all draw training negatives "uniformly from items
 * not in the user's train sequence" (kang205/SASRec util.py; REFERENCES-seqrec §1.1): rejection
 * sampling against a sorted array is exact, needs no per-step allocation and only O(interactions)
 * memory. Items are the data's 0-based ids.
 */
final class ItemSets {
  private final int[][] sorted;
  private final int numItems;

  ItemSets(SequenceData data) {
    this.numItems = data.numItems();
    this.sorted = new int[data.numUsers()][];
    for (int u = 0; u < data.numUsers(); u++) {
      int[] s = data.trainSequence(u);
      Arrays.sort(s);
      int k = 0;
      for (int i = 0; i < s.length; i++) {
        if (i == 0 || s[i] != s[i - 1]) {
          s[k++] = s[i];
        }
      }
      sorted[u] = Arrays.copyOf(s, k);
    }
  }

  boolean contains(int user, int item) {
    return Arrays.binarySearch(sorted[user], item) >= 0;
  }

  /** A uniform item outside {@code user}'s train items (any item when the user saw all). */
  int negative(int user, Rng rng) {
    if (sorted[user].length >= numItems) {
      return rng.nextInt(numItems);
    }
    while (true) {
      int j = rng.nextInt(numItems);
      if (!contains(user, j)) {
        return j;
      }
    }
  }
}
