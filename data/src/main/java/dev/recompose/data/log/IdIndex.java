package dev.recompose.data.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * Assigns dense codes 0, 1, 2... to string ids in order of first appearance.
 *
 * <p>It exists to turn a source's user and item ids (numbers, ASINs, hashes) into the store's
 * int32 codes while remembering the original id of every code for the vocabulary file.
 */
public final class IdIndex {
  private final HashMap<String, Integer> codes = new HashMap<>();
  private final ArrayList<String> ids = new ArrayList<>();

  /** The code of {@code id}, assigning the next free one when it is new. */
  public int code(String id) {
    Objects.requireNonNull(id, "id");
    Integer c = codes.get(id);
    if (c != null) {
      return c;
    }
    int next = ids.size();
    codes.put(id, next);
    ids.add(id);
    return next;
  }

  /** The code of {@code id}, or -1 when it has none. */
  public int find(String id) {
    Integer c = codes.get(id);
    return c == null ? -1 : c;
  }

  public int size() {
    return ids.size();
  }

  public String id(int code) {
    return ids.get(code);
  }

  /** The ids in code order (a copy). */
  public List<String> ids() {
    return List.copyOf(ids);
  }
}
