package dev.recompose.llm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfTokenizerTest {
  @TempDir Path tmp;

  private Path bertTokenizerFile() throws Exception {
    Path f = tmp.resolve("tokenizer.json");
    try (InputStream in = HfTokenizerTest.class.getResourceAsStream(
        "/all-minilm-l6-v2-tokenizer.json")) {
      Files.write(f, in.readAllBytes());
    }
    return f;
  }

  @Test
  void loadsWordPieceFromALocalFileOffline() throws Exception {
    try (HfTokenizer t = HfTokenizer.load(bertTokenizerFile(), "minilm", true)) {
      assertEquals(30522, t.vocabSize());
      assertEquals("[CLS]", t.vocabulary().get(101));
      assertArrayEquals(new int[] {101, 7592, 2088, 102}, t.encode("Hello world", 16));
      assertEquals(List.of("[CLS]", "token", "##izer", "[SEP]"), t.tokens("tokenizer"));
      // truncation keeps the final [SEP]
      assertArrayEquals(new int[] {101, 7592, 102}, t.encode("Hello world again", 3));
      assertEquals("hf:minilm", t.name());
    }
    try (HfTokenizer t = HfTokenizer.load(bertTokenizerFile(), "minilm", false)) {
      assertArrayEquals(new int[] {7592}, t.encode("Hello world", 1));
    }
  }

  @Test
  void writesHuggingFaceTokenColumns() throws Exception {
    var ds = dev.recompose.llm.LlmFixtures.items(tmp.resolve("d"),
        new String[] {"Hello world", "", "tokenizer tokenizer tokenizer"}, null);
    try (HfTokenizer t = HfTokenizer.load(bertTokenizerFile(), "minilm", true)) {
      var reports = dev.recompose.models.repr.text.TokenColumns.write(ds, t,
          List.of(new dev.recompose.models.repr.text.TextField("title", 5)), "wp_", "tokens_minilm",
          100, dev.recompose.data.progress.ProgressFactory.NONE);
      assertEquals(1, reports.get(0).truncatedRows());
    }
    var re = dev.recompose.data.store.Dataset.open(ds.dir());
    var col = re.table("items").list("wp_title");
    assertArrayEquals(new int[] {101, 7592, 2088, 102}, col.ints(0));
    assertArrayEquals(new int[0], col.ints(1));
    assertEquals(5, col.ints(2).length);
    assertEquals(102, col.ints(2)[4]);
    assertEquals(30522, re.vocab("tokens_minilm").size());
    assertEquals("[SEP]", re.vocab("tokens_minilm").token(102));
  }

  @Test
  void missingFileIsAClearError() {
    var e = assertThrows(java.io.IOException.class,
        () -> HfTokenizer.load(tmp.resolve("nope.json"), "x", true));
    assertEquals("tokenizer file " + tmp.resolve("nope.json") + " does not exist", e.getMessage());
  }
}
