package dev.recompose.data.log;

import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.NpyWriter;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects per-entity attributes (the {@code items} or {@code users} side table) keyed by code.
 *
 * <p>It exists because attributes arrive in any order and for only some entities (a MIND
 * history may name news that {@code news.tsv} lacks): fields are sparse while importing and are
 * written densely at the end, with empty text, code {@code -1}, an empty list or NaN where an
 * entity has no value.
 */
public final class EntityTableBuilder {
  private sealed interface Field permits Text, Category, Categories, Number {}

  private record Text(String description, ArrayList<String> values) implements Field {}

  private record Category(String description, IdIndex vocab, IntList codes) implements Field {}

  private record Categories(String description, IdIndex vocab, ArrayList<int[]> lists)
      implements Field {}

  private record Number(String description, ArrayList<Float> values) implements Field {}

  private final Map<String, Field> fields = new LinkedHashMap<>();

  /** Declares a text field (call before setting values so the column order is stable). */
  public EntityTableBuilder textField(String name, String description) {
    fields.putIfAbsent(name, new Text(description, new ArrayList<>()));
    return this;
  }

  /** Declares a single-valued categorical field with its own vocabulary named {@code name}. */
  public EntityTableBuilder categoryField(String name, String description) {
    fields.putIfAbsent(name, new Category(description, new IdIndex(), new IntList()));
    return this;
  }

  /** Declares a multi-valued categorical field with its own vocabulary named {@code name}. */
  public EntityTableBuilder categoriesField(String name, String description) {
    fields.putIfAbsent(name, new Categories(description, new IdIndex(), new ArrayList<>()));
    return this;
  }

  /** Declares a numeric (float32) field. */
  public EntityTableBuilder numberField(String name, String description) {
    fields.putIfAbsent(name, new Number(description, new ArrayList<>()));
    return this;
  }

  private Field field(String name) {
    Field f = fields.get(Objects.requireNonNull(name, "name"));
    if (f == null) {
      throw new IllegalArgumentException("undeclared field '" + name + "'; declared " + fields.keySet());
    }
    return f;
  }

  private static <T> void put(List<T> list, int code, T v) {
    while (list.size() <= code) {
      list.add(null);
    }
    list.set(code, v);
  }

  public void text(String field, int code, String value) {
    if (!(field(field) instanceof Text t)) {
      throw new IllegalArgumentException(field + " is not a text field");
    }
    put(t.values(), code, value);
  }

  public void category(String field, int code, String value) {
    if (!(field(field) instanceof Category c)) {
      throw new IllegalArgumentException(field + " is not a category field");
    }
    while (c.codes().size() <= code) {
      c.codes().add(-1);
    }
    c.codes().set(code, value == null || value.isEmpty() ? -1 : c.vocab().code(value));
  }

  public void categories(String field, int code, List<String> values) {
    if (!(field(field) instanceof Categories c)) {
      throw new IllegalArgumentException(field + " is not a multi-category field");
    }
    int[] codes = values.stream().filter(s -> !s.isEmpty()).mapToInt(c.vocab()::code).toArray();
    put(c.lists(), code, codes);
  }

  public void number(String field, int code, float value) {
    if (!(field(field) instanceof Number n)) {
      throw new IllegalArgumentException(field + " is not a number field");
    }
    put(n.values(), code, value);
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Number of entities that have a non-empty value of text field {@code field}. */
  public int textCount(String field) {
    if (!(field(field) instanceof Text t)) {
      throw new IllegalArgumentException(field + " is not a text field");
    }
    int n = 0;
    for (String s : t.values()) {
      n += s != null && !s.isEmpty() ? 1 : 0;
    }
    return n;
  }

  /**
   * Writes {@code rows} rows (codes 0..rows-1) into {@code table}; categorical vocabularies go to
   * {@code writer} named {@code vocabPrefix + field}.
   */
  public void write(DatasetWriter writer, TableWriter table, int rows, String vocabPrefix)
      throws IOException {
    for (Map.Entry<String, Field> e : fields.entrySet()) {
      String name = e.getKey();
      switch (e.getValue()) {
        case Text t -> {
          ListWriter w = table.text(name, t.description());
          for (int i = 0; i < rows; i++) {
            w.addText(i < t.values().size() ? t.values().get(i) : null);
          }
        }
        case Category c -> {
          NpyWriter w = table.scalar(name, DType.INT32, vocabPrefix + name, c.description());
          for (int i = 0; i < rows; i++) {
            w.writeInt(i < c.codes().size() ? c.codes().get(i) : -1);
          }
          writer.vocab(vocabPrefix + name, c.vocab().ids(), c.description());
        }
        case Categories c -> {
          ListWriter w = table.list(name, DType.INT32, vocabPrefix + name, c.description());
          for (int i = 0; i < rows; i++) {
            int[] v = i < c.lists().size() ? c.lists().get(i) : null;
            w.addRow(v == null ? new int[0] : v);
          }
          writer.vocab(vocabPrefix + name, c.vocab().ids(), c.description());
        }
        case Number n -> {
          NpyWriter w = table.scalar(name, DType.FLOAT32, null, n.description());
          for (int i = 0; i < rows; i++) {
            Float v = i < n.values().size() ? n.values().get(i) : null;
            w.writeFloat(v == null ? Float.NaN : v);
          }
        }
      }
    }
  }

  /** This table with entity codes renumbered: new code {@code k} takes old code {@code keep[k]}. */
  public EntityTableBuilder select(int[] keep) {
    EntityTableBuilder out = new EntityTableBuilder();
    for (Map.Entry<String, Field> e : fields.entrySet()) {
      String name = e.getKey();
      switch (e.getValue()) {
        case Text t -> {
          ArrayList<String> v = new ArrayList<>(keep.length);
          for (int old : keep) {
            v.add(old < t.values().size() ? t.values().get(old) : null);
          }
          out.fields.put(name, new Text(t.description(), v));
        }
        case Category c -> {
          IntList v = new IntList(keep.length);
          for (int old : keep) {
            v.add(old < c.codes().size() ? c.codes().get(old) : -1);
          }
          out.fields.put(name, new Category(c.description(), c.vocab(), v));
        }
        case Categories c -> {
          ArrayList<int[]> v = new ArrayList<>(keep.length);
          for (int old : keep) {
            v.add(old < c.lists().size() ? c.lists().get(old) : null);
          }
          out.fields.put(name, new Categories(c.description(), c.vocab(), v));
        }
        case Number n -> {
          ArrayList<Float> v = new ArrayList<>(keep.length);
          for (int old : keep) {
            v.add(old < n.values().size() ? n.values().get(old) : null);
          }
          out.fields.put(name, new Number(n.description(), v));
        }
      }
    }
    return out;
  }
}
