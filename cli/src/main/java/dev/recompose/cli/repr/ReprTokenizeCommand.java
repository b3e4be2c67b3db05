package dev.recompose.cli.repr;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.llm.text.HfTokenizer;
import dev.recompose.models.repr.ItemTexts;
import dev.recompose.models.repr.text.TextField;
import dev.recompose.models.repr.text.TokenColumns;
import dev.recompose.models.repr.text.Tokenizer;
import dev.recompose.models.repr.text.WordTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recompose repr tokenize}: stores item text fields as token-id list columns. */
@Command(
    name = "tokenize",
    mixinStandardHelpOptions = true,
    description = "Tokenise item text fields into LIST int32 columns tok_<field> with a vocabulary:"
        + " a word vocabulary built from the corpus (default) or a HuggingFace tokenizer.json.")
public final class ReprTokenizeCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory.")
  Path data;

  @Option(names = "--fields", defaultValue = "title:30", paramLabel = "FIELD[:MAX],...",
      description = "Fields and per-field token limits (default: ${DEFAULT-VALUE}).")
  String fields;

  @Option(names = "--tokenizer-json", paramLabel = "FILE",
      description = "A HuggingFace tokenizer.json (read offline) instead of the word vocabulary.")
  Path tokenizerJson;

  @Option(names = "--min-count", defaultValue = "2", description = "Word vocabulary: minimum count (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--max-vocab", defaultValue = "50000", description = "Word vocabulary: maximum size, 0 = no limit (default: ${DEFAULT-VALUE}).")
  int maxVocab;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Dataset ds = Dataset.open(data);
    List<TextField> tf = TextField.parseList(fields, 64);
    Tokenizer tok;
    String vocab;
    int unknown;
    if (tokenizerJson != null) {
      tok = HfTokenizer.load(tokenizerJson, tokenizerJson.getFileName().toString(), true);
      vocab = "tokens_hf";
      unknown = -1;
    } else {
      ItemTexts texts = ItemTexts.of(ds, tf.stream().map(TextField::column).toList());
      List<String> corpus = new ArrayList<>();
      for (int r = 0; r < texts.rows(); r++) {
        for (int f = 0; f < texts.fields().size(); f++) {
          corpus.add(texts.field(f, r));
        }
      }
      tok = WordTokenizer.build(corpus, minCount, maxVocab);
      vocab = "tokens_word";
      unknown = 1;
    }
    List<TokenColumns.FieldReport> reports =
        TokenColumns.write(ds, tok, tf, "tok_", vocab, unknown, ProgressFactory.CONSOLE);
    var out = spec.commandLine().getOut();
    int size = Dataset.open(data).vocab(vocab).size();
    for (TokenColumns.FieldReport r : reports) {
      out.println(r.column() + ": " + r.summary(tokenizerJson != null ? "HuggingFace" : "word",
          vocab, size));
    }
    out.flush();
    return 0;
  }
}
