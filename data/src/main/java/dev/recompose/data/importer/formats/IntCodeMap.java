package dev.recompose.data.importer.formats;

import dev.recompose.data.log.IdIndex;
import java.util.Arrays;

/**
 * Assigns dense codes 0, 1, 2... to int ids in order of first appearance, without boxing.
 *
 * <p>It exists for the large MovieLens CSV releases, whose user and movie ids are integers:
 * an open-addressing table of primitive ints looks them up with no allocation per row, where an
 * {@link IdIndex} would build a string per field. Ids in {@code [0, 2^22)} (every MovieLens id)
 * are looked up in a direct array, others in an open-addressing table. {@link #toIdIndex()} turns
 * the result into the usual string vocabulary (ids in decimal form).
 */
final class IntCodeMap {
  private static final int EMPTY = Integer.MIN_VALUE;
  private static final int DENSE_LIMIT = 1 << 22;
  private int[] dense = new int[0];
  private int[] keys;
  private int[] values;
  private int mask;
  private int[] idsByCode = new int[1024];
  private int size;
  private boolean hasMinValue;
  private int minValueCode;

  IntCodeMap() {
    keys = new int[1 << 12];
    Arrays.fill(keys, EMPTY);
    values = new int[keys.length];
    mask = keys.length - 1;
  }

  private static int slot(int key, int mask) {
    int h = key * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The code of {@code id}, assigning the next free one when it is new. */
  int code(int id) {
    if (id >= 0 && id < DENSE_LIMIT) {
      if (id < dense.length) {
        int c = dense[id];
        if (c >= 0) {
          return c;
        }
      } else {
        int old = dense.length;
        dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT, Math.max(id + 1, old * 2)));
        Arrays.fill(dense, old, dense.length, -1);
      }
      int c = append(id);
      dense[id] = c;
      return c;
    }
    if (id == EMPTY) {
      if (!hasMinValue) {
        hasMinValue = true;
        minValueCode = append(id);
      }
      return minValueCode;
    }
    int i = slot(id, mask);
    while (true) {
      int k = keys[i];
      if (k == id) {
        return values[i];
      }
      if (k == EMPTY) {
        int c = append(id);
        keys[i] = id;
        values[i] = c;
        if (size * 2 > keys.length) {
          rehash();
        }
        return c;
      }
      i = (i + 1) & mask;
    }
  }

  /** The code of {@code id}, or -1 when it has none. */
  int find(int id) {
    if (id >= 0 && id < DENSE_LIMIT) {
      return id < dense.length ? dense[id] : -1;
    }
    if (id == EMPTY) {
      return hasMinValue ? minValueCode : -1;
    }
    int i = slot(id, mask);
    while (true) {
      int k = keys[i];
      if (k == id) {
        return values[i];
      }
      if (k == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  private int append(int id) {
    if (size == idsByCode.length) {
      idsByCode = Arrays.copyOf(idsByCode, size * 2);
    }
    idsByCode[size] = id;
    return size++;
  }

  private void rehash() {
    int[] oldKeys = keys;
    int[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new int[keys.length];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      int k = oldKeys[j];
      if (k != EMPTY) {
        int i = slot(k, mask);
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
      }
    }
  }

  int size() {
    return size;
  }

  /** The id of {@code code}. */
  int id(int code) {
    return idsByCode[code];
  }

  /** A string vocabulary with the same codes (ids in decimal form). */
  IdIndex toIdIndex() {
    IdIndex index = new IdIndex();
    for (int c = 0; c < size; c++) {
      index.code(Integer.toString(idsByCode[c]));
    }
    return index;
  }
}
