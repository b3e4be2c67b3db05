package dev.recompose.models.repr.text;

import java.util.List;

/**
 * Turns item text into int32 token ids over a fixed vocabulary.
 *
 * <p>It exists so that the "text" item representation of RecBench (Jiang et al. 2024) can be fed
 * by either the built-in {@link WordTokenizer} or a HuggingFace {@code tokenizer.json} (in the
 * {@code llm} module) without the writer of token columns knowing which.
 */
public interface Tokenizer {
  /** A short name recorded in column descriptions, e.g. {@code word} or {@code hf:bert-base}. */
  String name();

  /** The tokens, position = id; written as the column's vocabulary. */
  List<String> vocabulary();

  /** Number of ids. */
  default int vocabSize() {
    return vocabulary().size();
  }

  /**
   * The ids of {@code text}, at most {@code maxTokens} of them (the first ones).
   *
   * @param maxTokens a positive limit
   */
  int[] encode(String text, int maxTokens);
}
