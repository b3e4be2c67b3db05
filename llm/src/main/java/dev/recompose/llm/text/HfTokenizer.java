package dev.recompose.llm.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recompose.models.repr.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A HuggingFace {@code tokenizer.json} (WordPiece, BPE, Unigram) loaded from a local file through
 * DJL's Rust tokenizers binding, as a Recompose {@link Tokenizer}.
 *
 * <p>It exists so that item text can be tokenized exactly as a pretrained language model expects
 * (RecBench's text representation for LM-based recommenders). It lives in the {@code llm}
 * module because DJL brings a native library; that library is bundled in the DJL jar for
 * linux/macOS/Windows on x86-64 and aarch64 and is extracted to {@code ~/.djl.ai}, with DJL's
 * offline mode forced on so nothing is ever downloaded. The vocabulary (for the column's TSV) is
 * read from the file's {@code model.vocab} and {@code added_tokens}. Truncation keeps the first
 * {@code maxTokens} ids; with special tokens on, the final special token (e.g. {@code [SEP]}) is
 * kept as the last id.
 */
public final class HfTokenizer implements Tokenizer, AutoCloseable {
  private final String name;
  private final HuggingFaceTokenizer tokenizer;
  private final List<String> vocab;
  private final boolean addSpecialTokens;

  private HfTokenizer(String name, HuggingFaceTokenizer t, List<String> vocab, boolean special) {
    this.name = name;
    this.tokenizer = t;
    this.vocab = List.copyOf(vocab);
    this.addSpecialTokens = special;
  }

  /** Sets DJL's offline switch so that no native library or model is ever downloaded. */
  public static void forceOffline() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /**
   * Loads {@code tokenizer.json}.
   *
   * @param name short name for descriptions, e.g. {@code bert-base-uncased}
   * @param addSpecialTokens whether to add the model's special tokens ([CLS], [SEP]...)
   */
  public static HfTokenizer load(Path file, String name, boolean addSpecialTokens)
      throws IOException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new IOException("tokenizer file " + file + " does not exist");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, Files.readAllBytes(file), name, addSpecialTokens);
    }
  }

  /** Loads a {@code tokenizer.json} given as bytes (e.g. a class-path resource). */
  public static HfTokenizer load(byte[] json, String name, boolean addSpecialTokens)
      throws IOException {
    try (InputStream in = new java.io.ByteArrayInputStream(json)) {
      return load(in, json, name, addSpecialTokens);
    }
  }

  private static HfTokenizer load(InputStream in, byte[] json, String name, boolean special)
      throws IOException {
    forceOffline();
    List<String> vocab = vocabulary(json);
    Map<String, String> opts = new HashMap<>();
    opts.put("truncation", "false");
    opts.put("padding", "false");
    opts.put("addSpecialTokens", Boolean.toString(special));
    HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(in, opts);
    return new HfTokenizer("hf:" + name, t, vocab, special);
  }

  static List<String> vocabulary(byte[] json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode v = root.path("model").path("vocab");
    Map<Integer, String> byId = new HashMap<>();
    if (v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        byId.put(e.getValue().asInt(), e.getKey());
      }
    } else if (v.isArray()) { // Unigram: [[piece, score], ...]
      for (int i = 0; i < v.size(); i++) {
        byId.put(i, v.get(i).get(0).asText());
      }
    } else {
      throw new IOException("tokenizer.json has no model.vocab");
    }
    for (JsonNode a : root.path("added_tokens")) {
      byId.put(a.path("id").asInt(), a.path("content").asText());
    }
    int size = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<String> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(byId.getOrDefault(i, "[unused" + i + "]"));
    }
    return out;
  }

  @Override
  public String name() {
    return name;
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
    if (text == null || text.isEmpty()) {
      return new int[0];
    }
    long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
    int n = Math.min(ids.length, maxTokens);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    if (addSpecialTokens && ids.length > maxTokens && n > 1) {
      out[n - 1] = Math.toIntExact(ids[ids.length - 1]);
    }
    return out;
  }

  /** The word pieces of {@code text}, for display and tests. */
  public List<String> tokens(String text) {
    return Arrays.asList(tokenizer.encode(text, addSpecialTokens, false).getTokens());
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
