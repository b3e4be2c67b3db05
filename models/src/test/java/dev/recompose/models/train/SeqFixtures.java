package dev.recompose.models.train;

import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.NpyWriter;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test data for the trainer: tiny stores already split leave-one-out (last item test, second to
 * last validation), written with the store's own writer.
 */
public final class SeqFixtures {
  private SeqFixtures() {}

  /**
   * A learnable dataset: user u walks the item ring from a random start, step +1 (mod items),
   * with probability {@code noise} of a random jump. The next item is predictable from the last
   * one, and popularity is flat, so a sequential model beats Pop and random by far.
   */
  public static Path ring(Path dir, int users, int items, int length, double noise, long seed)
      throws IOException {
    return ring(dir, users, items, length, noise, seed, null);
  }

  /** {@link #ring(Path, int, int, int, double, long)} with item titles (null: no items table). */
  public static Path ring(Path dir, int users, int items, int length, double noise, long seed,
      String[] titles) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] seqs = new int[users][];
    for (int u = 0; u < users; u++) {
      int n = length / 2 + r.nextInt(length / 2 + 1);
      seqs[u] = new int[n];
      int cur = r.nextInt(items);
      for (int p = 0; p < n; p++) {
        seqs[u][p] = cur;
        cur = r.nextDouble() < noise ? r.nextInt(items) : (cur + 1) % items;
      }
    }
    return write(dir, items, seqs, titles);
  }

  /** A dataset of the given per-user sequences, split leave-one-out. */
  public static Path write(Path dir, int numItems, int[][] seqs) throws IOException {
    return write(dir, numItems, seqs, null);
  }

  /**
   * As {@link #write(Path, int, int[][])}, plus an {@code items} table with a {@code title} text
   * column when {@code titles} (one per item) is not null.
   */
  public static Path write(Path dir, int numItems, int[][] seqs, String[] titles)
      throws IOException {
    long[] sizes = new long[3];
    try (DatasetWriter w = DatasetWriter.create(dir, false)) {
      TableWriter t = w.table(StoreLayout.INTERACTIONS, "fixture interactions");
      NpyWriter u = t.scalar(StoreLayout.USER, DType.INT32, StoreLayout.USER, "user");
      NpyWriter it = t.scalar(StoreLayout.ITEM, DType.INT32, StoreLayout.ITEM, "item");
      NpyWriter ts = t.scalar(StoreLayout.TIMESTAMP, DType.INT64, null, "time");
      List<Byte> split = new ArrayList<>();
      for (int user = 0; user < seqs.length; user++) {
        int n = seqs[user].length;
        for (int p = 0; p < n; p++) {
          u.writeInt(user);
          it.writeInt(seqs[user][p]);
          ts.writeLong(p + 1);
          byte code = p == n - 1 && n >= 2 ? StoreLayout.SPLIT_TEST
              : p == n - 2 && n >= 3 ? StoreLayout.SPLIT_VALID : StoreLayout.SPLIT_TRAIN;
          split.add(code);
          sizes[code]++;
        }
      }
      byte[] codes = new byte[split.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = split.get(i);
      }
      t.bytes(StoreLayout.SPLIT, codes, "0 train / 1 valid / 2 test (leave-one-out)");
      w.vocab(StoreLayout.USER, ids("u", seqs.length), "users");
      w.vocab(StoreLayout.ITEM, ids("i", numItems), "items");
      if (titles != null) {
        var title = w.table(StoreLayout.ITEMS, "fixture items").text("title", "title");
        for (String s : titles) {
          title.addText(s);
        }
      }
      SplitInfo info = new SplitInfo("leave-one-out", StoreLayout.INTERACTIONS, 0, Map.of(),
          Map.of("train", sizes[0], "valid", sizes[1], "test", sizes[2]));
      w.commit("fixture", null, new Provenance("fixture", "memory", null, null, null, null,
          null), info);
    }
    return dir;
  }

  private static List<String> ids(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }
}
