package dev.recompose.models.ctr.data;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TextColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Item text fields (title, abstract...) tokenised into fixed-length word-id rows.
 *
 * <p>It exists for the content encoders of NRMS, NAML and LSTUR (Wu et al. EMNLP/IJCAI 2019, An et
 * al. ACL 2019), which read a news title as at most 30 word ids. Tokenisation is the MS
 * recommenders one in spirit: lower case, split into runs of letters/digits and single
 * punctuation marks. One vocabulary is shared by all fields; id 0 is padding, ids start at 1.
 * Items without text get an all-padding row.
 *
 * @param fields field names in order
 * @param lengths maximum tokens per field
 * @param tokens per field, {@code items x length} word ids (row-major)
 * @param vocabSize number of word ids including padding 0
 */
public record TextTokens(List<String> fields, int[] lengths, List<int[]> tokens, int vocabSize) {
  /** Tokenises {@code fields} of the items table, truncating field {@code i} to {@code lengths[i]}. */
  public static TextTokens read(Dataset ds, int items, List<String> fields, int[] lengths) {
    if (fields.size() != lengths.length) {
      throw new IllegalArgumentException("text fields " + fields + " and lengths "
          + java.util.Arrays.toString(lengths) + " differ in number");
    }
    if (!ds.hasTable(StoreLayout.ITEMS)) {
      throw new IllegalArgumentException(ds.dir() + " has no items table; text encoders need one");
    }
    var table = ds.table(StoreLayout.ITEMS);
    Map<String, Integer> vocab = new HashMap<>();
    List<int[]> out = new ArrayList<>();
    for (int f = 0; f < fields.size(); f++) {
      TextColumn col = table.text(fields.get(f));
      int len = lengths[f];
      if (len <= 0) {
        throw new IllegalArgumentException("length of text field " + fields.get(f) + " must be"
            + " positive, got " + len);
      }
      int[] ids = new int[items * len];
      long rows = Math.min(items, col.rows());
      for (int i = 0; i < rows; i++) {
        List<String> words = tokenize(col.get(i));
        for (int k = 0; k < Math.min(len, words.size()); k++) {
          ids[i * len + k] = vocab.computeIfAbsent(words.get(k), w -> vocab.size() + 1);
        }
      }
      out.add(ids);
    }
    return new TextTokens(List.copyOf(fields), lengths.clone(), out, vocab.size() + 1);
  }

  /** Lower-cased words and single punctuation marks. */
  public static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    String s = text.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (Character.isLetterOrDigit(c)) {
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.codePointAt(j))) {
          j += Character.charCount(s.codePointAt(j));
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        if (!Character.isWhitespace(c)) {
          out.add(new String(Character.toChars(c)));
        }
        i += Character.charCount(c);
      }
    }
    return out;
  }
}
