package dev.recompose.bench.spec;

import java.util.List;

/**
 * The item representation forms a benchmark can compare: {@code id} (a learned embedding per
 * item id), {@code text} (tokens of the item's text), {@code emb} (a frozen semantic embedding,
 * column {@code emb_minilm}) and {@code sid} (semantic ids, column {@code sid}).
 *
 * <p>They are the four forms of RecBench (Liu et al., "Can LLMs Outshine Conventional
 * Recommenders? A Comparative Evaluation", arXiv 2503.05493); it exists so that a spec naming any
 * other form fails with the list of valid ones.
 */
public final class Representations {
  /** Every form, in the order reports show them. */
  public static final List<String> NAMES = List.of("id", "text", "emb", "sid");

  private Representations() {}

  /** Fails naming {@code field} and listing the valid names when {@code name} is unknown. */
  public static String check(String field, String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(field + ": unknown representation '" + name
          + "'; valid: " + String.join(", ", NAMES));
    }
    return name;
  }
}
