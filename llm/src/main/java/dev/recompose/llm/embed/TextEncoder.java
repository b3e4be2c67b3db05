package dev.recompose.llm.embed;

import java.io.IOException;
import java.util.List;

/**
 * Maps texts to fixed-size float vectors (a sentence embedding model).
 *
 * <p>It exists so that the "semantic embedding" item representation of RecBench can come from the
 * bundled MiniLM ({@link MiniLmEncoder}) or from any OpenAI-compatible endpoint
 * ({@link OpenAiEmbeddingClient}) and be written to the dataset by one {@link ItemEmbedder}.
 * Implementations return one vector of {@link #dimension()} floats per text, in input order.
 */
public interface TextEncoder extends AutoCloseable {
  /** A short name used in column names ({@code emb_<name>}), e.g. {@code minilm}. */
  String name();

  /** The vector width. */
  int dimension();

  /**
   * Embeds a batch of texts.
   *
   * @throws EmbeddingException when the encoder fails or answers something unusable
   */
  float[][] embed(List<String> texts) throws IOException;

  @Override
  default void close() throws IOException {}
}
