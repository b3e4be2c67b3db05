package dev.recompose.models.repr.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.ListColumn;
import dev.recompose.data.store.Vocabulary;
import dev.recompose.models.repr.ItemTexts;
import dev.recompose.models.repr.ReprFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTokenizerTest {
  @TempDir Path tmp;

  @Test
  void splitsLowerCasesAndSeparatesPunctuation() {
    assertEquals(List.of("toy", "story", "(", "1995", ")", "—", "don", "'", "t", "!"),
        WordTokenizer.split("  Toy STORY (1995) — don't!"));
    assertEquals(List.of("café", "ünïcode"), WordTokenizer.split("Café\tÜnïcode\n"));
    assertEquals(List.of(), WordTokenizer.split(null));
  }

  @Test
  void vocabularyHonoursMinCountOrderAndMaxSize() {
    List<String> corpus = List.of("b a", "a c", "a b", "d");
    WordTokenizer t = WordTokenizer.build(corpus, 2, 0);
    assertEquals(List.of("[PAD]", "[UNK]", "a", "b"), t.vocabulary());
    assertArrayEquals(new int[] {2, 3, 1}, t.encode("A b C", 10));
    assertArrayEquals(new int[] {2}, t.encode("A b C", 1));
    assertEquals(List.of("[PAD]", "[UNK]", "a"), WordTokenizer.build(corpus, 1, 3).vocabulary());
    // ties broken alphabetically: c and d both once
    assertEquals(List.of("[PAD]", "[UNK]", "a", "b", "c", "d"),
        WordTokenizer.build(corpus, 1, 0).vocabulary());
    assertThrows(IllegalArgumentException.class, () -> WordTokenizer.build(corpus, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> t.encode("a", 0));
  }

  @Test
  void fieldSpecParses() {
    assertEquals(List.of(new TextField("title", 30), new TextField("abstract", 7)),
        TextField.parseList("title:30, abstract", 7));
    var e = assertThrows(IllegalArgumentException.class, () -> TextField.parseList("title:x", 7));
    assertTrue(e.getMessage().contains("NAME:MAX_TOKENS"), e.getMessage());
  }

  @Test
  void writesTruncatedTokenColumnsWithVocabulary() throws Exception {
    Dataset ds = ReprFixtures.items(tmp.resolve("d"),
        new String[] {"Toy Story", "Toy Soldiers of the Story", ""},
        new String[] {"a toy. a story.", "", "soldiers"});
    ItemTexts texts = ItemTexts.of(ds, List.of("title", "abstract"));
    assertEquals("Toy Story. a toy. a story.", texts.joined(0));
    assertEquals("soldiers", texts.joined(2));
    WordTokenizer tok = WordTokenizer.build(
        () -> java.util.stream.IntStream.range(0, texts.rows()).mapToObj(texts::joined).iterator(),
        2, 0);
    var reports = TokenColumns.write(ds, tok, List.of(new TextField("title", 3),
        new TextField("abstract", 10)), "tok_", "tokens_word", 1, ProgressFactory.NONE);
    assertEquals(1, reports.get(0).truncatedRows());
    Dataset re = Dataset.open(ds.dir());
    ListColumn title = re.table("items").list("tok_title");
    Vocabulary v = re.vocab("tokens_word");
    assertEquals(tok.vocabulary(), v.tokens());
    int toy = v.code("toy");
    int story = v.code("story");
    assertArrayEquals(new int[] {toy, story}, title.ints(0));
    // "soldiers" occurs twice in the corpus, "of" once (unknown); truncated at 3 tokens
    assertArrayEquals(new int[] {toy, v.code("soldiers"), 1}, title.ints(1));
    assertArrayEquals(new int[0], title.ints(2));
    assertEquals("tokens_word", re.table("items").column("tok_title").vocab());
    assertTrue(re.table("items").column("tok_title").description().contains("max 3"));
    assertTrue(re.manifest().provenance().notes().containsKey("repr.tokens.tok_abstract"));
    assertTrue(Files.exists(re.dir().resolve("vocab/tokens_word.tsv")));
    assertTrue(!Files.exists(re.dir().resolve("vocab/tokens_word.tsv.partial")));
  }

  @Test
  void missingFieldNamesTheTextColumns() throws Exception {
    Dataset ds = ReprFixtures.items(tmp.resolve("d"), new String[] {"x"}, null);
    var e = assertThrows(RuntimeException.class, () -> ItemTexts.of(ds, List.of("abstract")));
    assertTrue(e.getMessage().contains("text columns: [title]"), e.getMessage());
  }
}
