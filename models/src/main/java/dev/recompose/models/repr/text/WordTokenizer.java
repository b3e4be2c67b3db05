package dev.recompose.models.repr.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A word-level tokenizer with a vocabulary built from the corpus: lower-cased, letters and digits
 * form words, every other visible character is a token of its own, whitespace separates.
 *
 * <p>It exists as the fast, dependency-free text representation (the "text" form of RecBench,
 * and the input of word-embedding news encoders such as NRMS). Id 0 is {@value #PAD} and id 1 is
 * {@value #UNK}; the other ids are the words seen at least {@code minCount} times, most frequent
 * first, ties broken alphabetically, so a vocabulary is a pure function of the corpus.
 */
public final class WordTokenizer implements Tokenizer {
  /** Padding token, id 0. */
  public static final String PAD = "[PAD]";

  /** Out-of-vocabulary token, id 1. */
  public static final String UNK = "[UNK]";

  private final List<String> vocab;
  private final Map<String, Integer> index;

  private WordTokenizer(List<String> vocab) {
    this.vocab = List.copyOf(vocab);
    this.index = new HashMap<>(vocab.size() * 2);
    for (int i = 0; i < vocab.size(); i++) {
      index.putIfAbsent(vocab.get(i), i);
    }
  }

  /** A tokenizer over a given vocabulary, which must start with {@link #PAD} and {@link #UNK}. */
  public static WordTokenizer of(List<String> vocab) {
    Objects.requireNonNull(vocab, "vocab");
    if (vocab.size() < 2 || !PAD.equals(vocab.get(0)) || !UNK.equals(vocab.get(1))) {
      throw new IllegalArgumentException("a word vocabulary starts with " + PAD + ", " + UNK);
    }
    return new WordTokenizer(vocab);
  }

  /**
   * Builds the vocabulary from {@code corpus}.
   *
   * @param minCount a word enters the vocabulary when it occurs at least this often (>= 1)
   * @param maxSize at most this many ids in all, including the two special ones ({@code <= 0}: no
   *     limit)
   */
  public static WordTokenizer build(Iterable<String> corpus, int minCount, int maxSize) {
    Objects.requireNonNull(corpus, "corpus");
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, was " + minCount);
    }
    if (maxSize > 0 && maxSize < 2) {
      throw new IllegalArgumentException("maxSize must be 0 (no limit) or >= 2, was " + maxSize);
    }
    Map<String, int[]> counts = new HashMap<>();
    for (String text : corpus) {
      for (String w : split(text)) {
        counts.computeIfAbsent(w, k -> new int[1])[0]++;
      }
    }
    List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
    entries.removeIf(e -> e.getValue()[0] < minCount);
    entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
        ? Integer.compare(b.getValue()[0], a.getValue()[0])
        : a.getKey().compareTo(b.getKey()));
    List<String> vocab = new ArrayList<>();
    vocab.add(PAD);
    vocab.add(UNK);
    for (Map.Entry<String, int[]> e : entries) {
      if (maxSize > 0 && vocab.size() >= maxSize) {
        break;
      }
      if (!e.getKey().equals(PAD) && !e.getKey().equals(UNK)) {
        vocab.add(e.getKey());
      }
    }
    return new WordTokenizer(vocab);
  }

  /** Splits {@code text} into lower-case words and single punctuation characters. */
  public static List<String> split(String text) {
    if (text == null || text.isEmpty()) {
      return Collections.emptyList();
    }
    List<String> out = new ArrayList<>();
    String s = text.toLowerCase(java.util.Locale.ROOT);
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        int j = i + len;
        while (j < n) {
          int c = s.codePointAt(j);
          if (!Character.isLetterOrDigit(c)) {
            break;
          }
          j += Character.charCount(c);
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        if (!Character.isWhitespace(cp) && !Character.isISOControl(cp) && !Character.isSpaceChar(cp)) {
          out.add(s.substring(i, i + len));
        }
        i += len;
      }
    }
    return out;
  }

  @Override
  public String name() {
    return "word";
  }

  @Override
  public List<String> vocabulary() {
    return vocab;
  }

  @Override
  public int[] encode(String text, int maxTokens) {
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be > 0, was " + maxTokens);
    }
    List<String> words = split(text);
    int n = Math.min(words.size(), maxTokens);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = index.getOrDefault(words.get(i), 1);
    }
    return ids;
  }
}
