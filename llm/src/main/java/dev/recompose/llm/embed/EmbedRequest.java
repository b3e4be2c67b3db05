package dev.recompose.llm.embed;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ItemEmbedder} should embed and where to put it.
 *
 * @param fields text columns of {@code items}, joined as "title. abstract"
 * @param batchSize texts per checkpointed batch (each finished batch survives a killed run)
 * @param column the VECTOR column to write; null means {@code emb_<encoder name>}
 * @param resume whether to continue a compatible earlier partial run (otherwise start over)
 */
public record EmbedRequest(List<String> fields, int batchSize, String column, boolean resume) {
  public EmbedRequest {
    Objects.requireNonNull(fields, "fields");
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("no text fields to embed");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
  }

  /** The column for {@code encoder}: {@link #column} or {@code emb_<name>} ('-' becomes '_'). */
  public String columnFor(TextEncoder encoder) {
    return column != null ? column : "emb_" + encoder.name().replace('-', '_');
  }
}
