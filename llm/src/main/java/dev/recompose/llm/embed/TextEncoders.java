package dev.recompose.llm.embed;

import java.io.IOException;
import java.util.Locale;

/**
 * Opens a {@link TextEncoder} by the name a user types after {@code --encoder}.
 *
 * <p>It exists so that the CLI and recipes name encoders the same way: {@code minilm} (the
 * default, bundled float32 all-MiniLM-L6-v2), {@code minilm-q} (its int8 build), and
 * {@code openai} (any OpenAI-compatible endpoint described by an {@link OpenAiEmbeddingConfig}).
 */
public final class TextEncoders {
  /** The default encoder name. */
  public static final String DEFAULT = "minilm";

  private TextEncoders() {}

  /**
   * Opens encoder {@code name}.
   *
   * @param threads parallel ONNX workers for the bundled models
   * @param http the endpoint for {@code openai}; ignored otherwise
   */
  public static TextEncoder open(String name, int threads, OpenAiEmbeddingConfig http)
      throws IOException {
    String n = name == null ? DEFAULT : name.strip().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "minilm" -> MiniLmEncoder.load(MiniLmVariant.FULL, threads, 256, 32);
      case "minilm-q" -> MiniLmEncoder.load(MiniLmVariant.QUANTIZED, threads, 256, 32);
      case "openai" -> {
        if (http == null) {
          throw new IllegalArgumentException(
              "encoder 'openai' needs a base URL and a model (an OpenAiEmbeddingConfig)");
        }
        yield OpenAiEmbeddingClient.create(http);
      }
      default -> throw new IllegalArgumentException(
          "unknown encoder '" + name + "': expected minilm, minilm-q or openai");
    };
  }
}
