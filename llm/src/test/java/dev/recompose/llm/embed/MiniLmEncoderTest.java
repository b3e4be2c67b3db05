package dev.recompose.llm.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {
  static MiniLmEncoder full;

  @BeforeAll
  static void load() throws Exception {
    full = MiniLmEncoder.load(MiniLmVariant.FULL, 2, 256, 8);
  }

  @AfterAll
  static void close() {
    full.close();
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  @Test
  void helloWorldIsUnitNormAndParaphraseIsNearer() throws Exception {
    float[][] v = full.embed(List.of("hello world", "hi there, world",
        "The quarterly tax report is due in March."));
    assertEquals(384, v[0].length);
    assertEquals(1.0, Math.sqrt(dot(v[0], v[0])), 1e-4);
    double para = dot(v[0], v[1]);
    double unrelated = dot(v[0], v[2]);
    assertTrue(para > unrelated + 0.2, "paraphrase " + para + " vs unrelated " + unrelated);
  }

  @Test
  void similarTitlesAreNearerThanUnrelatedOnes() throws Exception {
    float[][] v = full.embed(List.of("Toy Story (1995)", "Toy Story 2 (1999)",
        "Schindler's List (1993)"));
    assertTrue(dot(v[0], v[1]) > dot(v[0], v[2]) + 0.1);
  }

  @Test
  void batchingAndOrderDoNotChangeVectorsAndEmptyIsZero() throws Exception {
    List<String> texts = List.of("a short one", "", "a much longer sentence about films and"
        + " television series that goes on for a while", "mid length text here");
    float[][] batch = full.embed(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] single = full.embed(List.of(texts.get(i)))[0];
      for (int d = 0; d < 384; d++) {
        assertEquals(single[d], batch[i][d], 2e-4f, "text " + i + " dim " + d);
      }
    }
    assertEquals(0.0, dot(batch[1], batch[1]));
  }

  @Test
  void at128WordPiecesItReproducesLangchain4jEmbedAllWhichTruncatesThere() throws Exception {
    // the jar's tokenizer.json truncates at 128 pieces, so embedAll never embeds more: the fair
    // comparison of EmbeddingBench runs the encoder at 128 too
    StringBuilder longText = new StringBuilder("Floods in the north.");
    for (int i = 0; i < 40; i++) {
      longText.append(i % 2 == 0 ? " Rivers rose across the valley overnight."
          : " Schools closed and residents were told to leave their homes.");
    }
    List<String> texts = List.of("Toy Story (1995)", "stock markets fell sharply on Monday",
        longText.toString());
    var lc = new dev.langchain4j.model.embedding.onnx.allminilml6v2
        .AllMiniLmL6V2EmbeddingModel();
    List<float[]> base = lc.embedAll(texts.stream()
        .map(dev.langchain4j.data.segment.TextSegment::from).toList()).content().stream()
        .map(dev.langchain4j.data.embedding.Embedding::vector).toList();
    try (MiniLmEncoder at128 = MiniLmEncoder.load(MiniLmVariant.FULL, 2, 128, 8)) {
      float[][] v = at128.embed(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(1.0, dot(v[i], base.get(i)), 1e-4, "text " + i);
      }
    }
    float[] at256 = full.embed(List.of(longText.toString()))[0];
    assertTrue(dot(at256, base.get(2)) < 0.9999, "256 pieces see more of the long text");
  }

  @Test
  void factoryNamesEncoders() throws Exception {
    try (TextEncoder q = TextEncoders.open("MiniLM-q", 1, null)) {
      assertEquals("minilm-q", q.name());
      assertEquals(384, q.dimension());
    }
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TextEncoders.open("bert", 1, null));
    assertEquals("unknown encoder 'bert': expected minilm, minilm-q or openai", e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TextEncoders.open("openai", 1, null));
  }

  @Test
  void quantizedAgreesWithFull() throws Exception {
    try (MiniLmEncoder q = MiniLmEncoder.load(MiniLmVariant.QUANTIZED, 2, 256, 8)) {
      List<String> t = List.of("hello world", "Toy Story (1995)", "stock markets fell sharply");
      float[][] a = full.embed(t);
      float[][] b = q.embed(t);
      for (int i = 0; i < t.size(); i++) {
        assertTrue(dot(a[i], b[i]) > 0.9, "cosine " + dot(a[i], b[i]));
      }
      assertEquals("minilm-q", q.name());
    }
  }
}
