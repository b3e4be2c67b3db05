package dev.recompose.models.repr.text;

import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import dev.recompose.data.store.VocabSpec;
import dev.recompose.data.store.Vocabulary;
import dev.recompose.models.repr.ItemTexts;
import dev.recompose.models.repr.ManifestEdits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tokenizes text fields of the {@code items} table into LIST int32 columns of the same table.
 *
 * <p>It exists so that the "text" representation lives in the dataset directory like any other
 * column: field {@code title} becomes column {@code <prefix>title} (default {@code tok_title}),
 * whose ids index the vocabulary {@code <vocabName>} (a TSV in {@code vocab/}), truncated per
 * field. Everything is committed at once through {@link DatasetUpdater}: a failed run leaves the
 * dataset unchanged. A one-line summary per field goes into the column description and into
 * {@code provenance.notes["repr.tokens.<column>"]}.
 */
public final class TokenColumns {
  private TokenColumns() {}

  /** What was written for one field. */
  public record FieldReport(
      String column, int maxTokens, long tokens, int truncatedRows, long unknownTokens, int rows) {
    /** A readable one-line summary. */
    public String summary(String tokenizer, String vocab, int vocabSize) {
      return String.format(Locale.ROOT,
          "%s tokens (max %d per item), vocab %s with %d ids; %.2f tokens/item, %.2f%% items"
              + " truncated, %.2f%% unknown tokens",
          tokenizer, maxTokens, vocab, vocabSize, rows == 0 ? 0 : (double) tokens / rows,
          rows == 0 ? 0 : 100.0 * truncatedRows / rows,
          tokens == 0 ? 0 : 100.0 * unknownTokens / tokens);
    }
  }

  /**
   * Writes one token column per field.
   *
   * @param prefix column name prefix, e.g. {@code tok_}
   * @param vocabName the vocabulary to (re)write, e.g. {@code tokens_word}
   * @param unknownId the id counted as unknown in the report, or -1 for none
   */
  public static List<FieldReport> write(
      Dataset dataset,
      Tokenizer tokenizer,
      List<TextField> fields,
      String prefix,
      String vocabName,
      int unknownId,
      ProgressFactory progress)
      throws IOException {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(vocabName, "vocabName");
    if (vocabName.isBlank() || vocabName.contains("/")) {
      throw new IllegalArgumentException("bad vocabulary name '" + vocabName + "'");
    }
    List<String> names = fields.stream().map(TextField::column).toList();
    ItemTexts texts = ItemTexts.of(dataset, names);
    List<FieldReport> reports = new ArrayList<>();
    String vocabFile = StoreLayout.vocabFile(vocabName);
    Path vocabPartial = dataset.dir().resolve(vocabFile + ".partial");
    try (DatasetUpdater up = DatasetUpdater.open(dataset);
        Progress bar = progress.start("tokenize", (long) texts.rows() * fields.size(), "texts")) {
      TableWriter items = up.table(StoreLayout.ITEMS);
      for (int f = 0; f < fields.size(); f++) {
        TextField field = fields.get(f);
        String col = prefix + field.column();
        ListWriter w = items.list(col, DType.INT32, vocabName, "pending");
        long tokens = 0;
        long unknown = 0;
        int truncated = 0;
        for (int row = 0; row < texts.rows(); row++) {
          String text = texts.field(f, row);
          int[] ids = tokenizer.encode(text, Integer.MAX_VALUE);
          if (ids.length > field.maxTokens()) { // the tokenizer truncates (keeps e.g. [SEP])
            truncated++;
            ids = tokenizer.encode(text, field.maxTokens());
          }
          int n = Math.min(ids.length, field.maxTokens());
          for (int i = 0; i < n; i++) {
            if (ids[i] == unknownId) {
              unknown++;
            }
          }
          tokens += n;
          w.addRow(ids, 0, n);
          bar.advance(1);
        }
        reports.add(new FieldReport(col, field.maxTokens(), tokens, truncated, unknown,
            texts.rows()));
      }
      Vocabulary.write(vocabPartial, tokenizer.vocabulary());
      up.commit(m -> {
        Manifest next = m;
        var table = next.tables().get(StoreLayout.ITEMS);
        for (FieldReport r : reports) {
          String s = r.summary(tokenizer.name(), vocabName, tokenizer.vocabSize());
          var c = table.columns().get(r.column());
          table = table.withColumn(r.column(), new dev.recompose.data.store.ColumnSpec(
              c.kind(), c.dtype(), c.file(), c.offsets(), c.width(), c.vocab(), s));
          next = ManifestEdits.withNote(next, "repr.tokens." + r.column(), s);
        }
        var tables = new java.util.LinkedHashMap<>(next.tables());
        tables.put(StoreLayout.ITEMS, table);
        next = next.withTables(tables);
        try {
          Files.move(vocabPartial, dataset.dir().resolve(vocabFile),
              StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return ManifestEdits.withVocab(next, vocabName, new VocabSpec(vocabFile,
            tokenizer.vocabSize(), tokenizer.name() + " token vocabulary of "
                + String.join(", ", names)));
      });
    } finally {
      Files.deleteIfExists(vocabPartial);
    }
    return reports;
  }
}
