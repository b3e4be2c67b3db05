package dev.recompose.models.repr;

import dev.recompose.data.store.ColumnKind;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreFormatException;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.data.store.TextColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chosen text fields of every item of a dataset, read from the {@code items} table.
 *
 * <p>It exists so that tokenisers and text encoders agree on how an item becomes text: the
 * non-empty fields in the order given, joined as {@code "title. abstract"} (no second full stop
 * when a field already ends with punctuation). Row i is item id i; an item without any text gives
 * the empty string.
 */
public final class ItemTexts {
  private final List<String> fields;
  private final List<TextColumn> columns;
  private final int rows;

  private ItemTexts(List<String> fields, List<TextColumn> columns, int rows) {
    this.fields = List.copyOf(fields);
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  /** Opens {@code fields} of the items table; fails naming the text columns there are. */
  public static ItemTexts of(Dataset dataset, List<String> fields) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(fields, "fields");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("no text fields given");
    }
    Table items = dataset.table(StoreLayout.ITEMS);
    List<String> textCols = new ArrayList<>();
    for (String c : items.columns()) {
      if (items.column(c).kind() == ColumnKind.TEXT) {
        textCols.add(c);
      }
    }
    List<TextColumn> cols = new ArrayList<>();
    for (String f : fields) {
      if (!textCols.contains(f)) {
        throw new StoreFormatException(
            dataset.dir() + ": items table has no text column '" + f + "'; text columns: "
                + textCols);
      }
      cols.add(items.text(f));
    }
    if (items.rows() > Integer.MAX_VALUE) {
      throw new StoreFormatException("items table too large: " + items.rows());
    }
    return new ItemTexts(fields, cols, (int) items.rows());
  }

  public List<String> fields() {
    return fields;
  }

  /** Number of items. */
  public int rows() {
    return rows;
  }

  /** The text of field number {@code f} (in {@link #fields()} order) of item {@code row}. */
  public String field(int f, int row) {
    return columns.get(f).get(row);
  }

  /** The fields of item {@code row} joined as "title. abstract"; empty when it has none. */
  public String joined(int row) {
    StringBuilder sb = new StringBuilder();
    for (TextColumn c : columns) {
      String t = c.get(row).strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        char last = sb.charAt(sb.length() - 1);
        if (Character.isLetterOrDigit(last) || last == ')' || last == '"' || last == '\'') {
          sb.append('.');
        }
        sb.append(' ');
      }
      sb.append(t);
    }
    return sb.toString();
  }
}
