package dev.recompose.models.repr.text;

import java.util.Objects;

/**
 * One text column of the {@code items} table to tokenize, with its own token limit.
 *
 * <p>It exists because fields differ in length: a title fits in 30 tokens, an abstract needs 100
 * or more, and truncating their concatenation would starve the later field (Legommenders
 * truncates per field for the same reason).
 *
 * @param column the text column, e.g. {@code title}
 * @param maxTokens at most this many tokens are kept, the first ones
 */
public record TextField(String column, int maxTokens) {
  public TextField {
    Objects.requireNonNull(column, "column");
    if (column.isBlank()) {
      throw new IllegalArgumentException("field name is blank");
    }
    if (maxTokens <= 0) {
      throw new IllegalArgumentException(
          "field " + column + ": maxTokens must be > 0, was " + maxTokens);
    }
  }

  /**
   * Parses {@code title:30,abstract:100} (a field without {@code :N} gets {@code defaultMax}).
   */
  public static java.util.List<TextField> parseList(String spec, int defaultMax) {
    Objects.requireNonNull(spec, "spec");
    java.util.List<TextField> out = new java.util.ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      if (colon < 0) {
        out.add(new TextField(p, defaultMax));
      } else {
        String n = p.substring(colon + 1).strip();
        try {
          out.add(new TextField(p.substring(0, colon).strip(), Integer.parseInt(n)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "field spec '" + p + "': expected NAME or NAME:MAX_TOKENS, found '" + n + "'");
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no fields in '" + spec + "'");
    }
    return out;
  }
}
