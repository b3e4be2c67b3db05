package dev.recompose.data.log;

import dev.recompose.data.store.DType;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.NpyWriter;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.util.Arrays;

/**
 * Collects logged impressions (MIND style): who, when, the click history before, and the shown
 * candidates with their click labels.
 *
 * <p>It exists so that impressions are kept as impressions, with their logged negatives, rather
 * than flattened into interactions; evaluation groups by impression.
 */
public final class ImpressionLogBuilder {
  private final IntList users = new IntList();
  private long[] times = new long[256];
  private final IntList histValues = new IntList();
  private final IntList histEnds = new IntList();
  private final IntList candValues = new IntList();
  private byte[] labelValues = new byte[1024];
  private final IntList candEnds = new IntList();
  private final IntList sourceIds = new IntList();
  private final java.util.Map<String, byte[]> byteColumns = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, String> byteDescriptions = new java.util.HashMap<>();

  /**
   * Adds an extra int8 column (one value per impression, in insertion order), written with the
   * table so the dataset never exists without it (e.g. MIND's train/dev {@code source_part}).
   */
  public void byteColumn(String name, String description, byte[] values) {
    byteColumns.put(java.util.Objects.requireNonNull(name, "name"), values.clone());
    byteDescriptions.put(name, description);
  }

  /** Appends an impression; {@code labels} aligns with {@code candidates}. */
  public void add(int user, long time, int[] history, int[] candidates, byte[] labels, int sourceId) {
    if (candidates.length != labels.length) {
      throw new IllegalArgumentException("candidates and labels differ in length");
    }
    int row = users.size();
    users.add(user);
    if (row == times.length) {
      times = Arrays.copyOf(times, row * 2);
    }
    times[row] = time;
    for (int h : history) {
      histValues.add(h);
    }
    histEnds.add(histValues.size());
    int start = candValues.size();
    if (start + labels.length > labelValues.length) {
      labelValues = Arrays.copyOf(labelValues, Math.max(labelValues.length * 2, start + labels.length));
    }
    for (int i = 0; i < candidates.length; i++) {
      candValues.add(candidates[i]);
      labelValues[start + i] = labels[i];
    }
    candEnds.add(candValues.size());
    sourceIds.add(sourceId);
  }

  public int size() {
    return users.size();
  }

  /** Total candidate rows over all impressions. */
  public int candidateCount() {
    return candValues.size();
  }

  /** Writes the impressions table, items recoded through {@code itemMap} (old code -> new). */
  public void write(TableWriter t, int[] userMap, int[] itemMap) throws IOException {
    int n = users.size();
    for (var e : byteColumns.entrySet()) {
      if (e.getValue().length != n) {
        throw new IllegalStateException("impressions column " + e.getKey() + " has "
            + e.getValue().length + " values for " + n + " impressions");
      }
    }
    NpyWriter id = t.scalar("impression_id", DType.INT32, null, "impression id in the source");
    NpyWriter u = t.scalar(StoreLayout.USER, DType.INT32, StoreLayout.USER, "user code");
    NpyWriter ts = t.scalar(StoreLayout.TIMESTAMP, DType.INT64, null, "Unix seconds");
    ListWriter h = t.list(StoreLayout.HISTORY, DType.INT32, StoreLayout.ITEM, "clicked before");
    ListWriter c = t.list(StoreLayout.CANDIDATES, DType.INT32, StoreLayout.ITEM, "items shown");
    ListWriter l = t.list(StoreLayout.LABELS, DType.INT8, null, "1 = clicked, 0 = not");
    int hs = 0;
    int cs = 0;
    for (int r = 0; r < n; r++) {
      id.writeInt(sourceIds.get(r));
      u.writeInt(userMap == null ? users.get(r) : userMap[users.get(r)]);
      ts.writeLong(times[r]);
      for (int k = hs; k < histEnds.get(r); k++) {
        h.add(itemMap == null ? histValues.get(k) : itemMap[histValues.get(k)]);
      }
      h.endRow();
      hs = histEnds.get(r);
      for (int k = cs; k < candEnds.get(r); k++) {
        c.add(itemMap == null ? candValues.get(k) : itemMap[candValues.get(k)]);
        l.addByte(labelValues[k]);
      }
      c.endRow();
      l.endRow();
      cs = candEnds.get(r);
    }
    for (var e : byteColumns.entrySet()) {
      t.bytes(e.getKey(), e.getValue(), byteDescriptions.get(e.getKey()));
    }
  }
}
