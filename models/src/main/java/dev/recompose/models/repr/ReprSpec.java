package dev.recompose.models.repr;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code item.repr} setting: which representation a model uses and from which column.
 *
 * <p>It exists so that switching representation is one string in a recipe: {@code id},
 * {@code text} (column {@code tok_title}), {@code embedding} ({@code emb_minilm}), {@code sid}
 * ({@code sid}), or any of them with an explicit column, e.g. {@code embedding:emb_minilm_q}.
 *
 * @param column the {@code items} column, null for {@link Kind#ID}
 */
public record ReprSpec(Kind kind, String column) {
  /** The four forms of RecBench. */
  public enum Kind {
    ID,
    TEXT,
    EMBEDDING,
    SID
  }

  public ReprSpec {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.ID && (column == null || column.isBlank())) {
      throw new IllegalArgumentException("item.repr " + kind + " needs a column");
    }
  }

  /** Parses {@code id | text[:COL] | embedding[:COL] | sid[:COL]}. */
  public static ReprSpec parse(String s) {
    Objects.requireNonNull(s, "s");
    String t = s.strip();
    int colon = t.indexOf(':');
    String k = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
    String col = colon < 0 ? null : t.substring(colon + 1).strip();
    return switch (k) {
      case "id" -> {
        if (col != null) {
          throw new IllegalArgumentException("item.repr 'id' takes no column, got '" + s + "'");
        }
        yield new ReprSpec(Kind.ID, null);
      }
      case "text" -> new ReprSpec(Kind.TEXT, col != null ? col : "tok_title");
      case "embedding" -> new ReprSpec(Kind.EMBEDDING, col != null ? col : "emb_minilm");
      case "sid" -> new ReprSpec(Kind.SID, col != null ? col : "sid");
      default -> throw new IllegalArgumentException("item.repr must be id, text[:COLUMN],"
          + " embedding[:COLUMN] or sid[:COLUMN]; got '" + s + "'");
    };
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + (column == null ? "" : ":" + column);
  }
}
