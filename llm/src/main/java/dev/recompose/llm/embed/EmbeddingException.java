package dev.recompose.llm.embed;

import java.io.IOException;

/**
 * An embedding request failed for good: an HTTP error after retries, a malformed answer, a
 * vector of the wrong size, or a model that cannot be loaded.
 *
 * <p>It exists so that callers (the CLI) can tell "the encoder said no, here is why" from other
 * I/O errors and print the message as is; messages never contain API keys.
 */
public final class EmbeddingException extends IOException {
  public EmbeddingException(String message) {
    super(message);
  }

  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
