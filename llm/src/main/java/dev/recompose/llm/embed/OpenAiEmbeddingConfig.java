package dev.recompose.llm.embed;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how {@link OpenAiEmbeddingClient} calls an OpenAI-compatible {@code /v1/embeddings}
 * endpoint (OpenAI, Ollama, vLLM, text-embeddings-inference, llama.cpp server).
 *
 * <p>The API key is never part of the configuration: only the name of the environment variable
 * that holds it, so configs can be logged and committed.
 *
 * @param baseUrl the API root including the version, e.g. {@code http://127.0.0.1:11434/v1};
 *     requests go to {@code baseUrl + "/embeddings"}
 * @param model the model name sent in each request
 * @param apiKeyEnv environment variable with the key, or null for endpoints without one
 * @param batchSize texts per request
 * @param timeout per request
 * @param maxRetries retries after a 429, a 5xx or a timeout (0 = one attempt only)
 * @param initialBackoff first wait before a retry; doubles each time (a {@code Retry-After}
 *     header in seconds wins when larger), capped at 30 s
 * @param cacheDir directory of the on-disk cache (keyed by model and sha256 of the text), or null
 *     for none
 * @param dimension expected vector width, or 0 to take it from the first answer
 * @param name encoder name for the column ({@code emb_<name>}); null derives it from the model
 */
public record OpenAiEmbeddingConfig(
    URI baseUrl,
    String model,
    String apiKeyEnv,
    int batchSize,
    Duration timeout,
    int maxRetries,
    Duration initialBackoff,
    Path cacheDir,
    int dimension,
    String name) {
  public OpenAiEmbeddingConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("baseUrl must be http(s), was " + baseUrl);
    }
    if (model.isBlank()) {
      throw new IllegalArgumentException("model is blank");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (dimension < 0) {
      throw new IllegalArgumentException("dimension must be >= 0, was " + dimension);
    }
  }

  /** Defaults: no key, 64 texts per request, 60 s timeout, 5 retries from 1 s, no cache. */
  public static OpenAiEmbeddingConfig of(URI baseUrl, String model) {
    return new OpenAiEmbeddingConfig(baseUrl, model, null, 64, Duration.ofSeconds(60), 5,
        Duration.ofSeconds(1), null, 0, null);
  }

  public OpenAiEmbeddingConfig withApiKeyEnv(String env) {
    return new OpenAiEmbeddingConfig(baseUrl, model, env, batchSize, timeout, maxRetries,
        initialBackoff, cacheDir, dimension, name);
  }

  public OpenAiEmbeddingConfig withCache(Path dir) {
    return new OpenAiEmbeddingConfig(baseUrl, model, apiKeyEnv, batchSize, timeout, maxRetries,
        initialBackoff, dir, dimension, name);
  }

  public OpenAiEmbeddingConfig withBatching(int size) {
    return new OpenAiEmbeddingConfig(baseUrl, model, apiKeyEnv, size, timeout, maxRetries,
        initialBackoff, cacheDir, dimension, name);
  }

  public OpenAiEmbeddingConfig withRetries(int retries, Duration backoff, Duration timeoutEach) {
    return new OpenAiEmbeddingConfig(baseUrl, model, apiKeyEnv, batchSize, timeoutEach, retries,
        backoff, cacheDir, dimension, name);
  }

  public OpenAiEmbeddingConfig withDimension(int d) {
    return new OpenAiEmbeddingConfig(baseUrl, model, apiKeyEnv, batchSize, timeout, maxRetries,
        initialBackoff, cacheDir, d, name);
  }

  public OpenAiEmbeddingConfig withName(String n) {
    return new OpenAiEmbeddingConfig(baseUrl, model, apiKeyEnv, batchSize, timeout, maxRetries,
        initialBackoff, cacheDir, dimension, n);
  }

  /** The encoder name: {@link #name} or the model lower-cased with non-alphanumerics as '_'. */
  public String encoderName() {
    if (name != null) {
      return name;
    }
    String m = model.contains("/") ? model.substring(model.lastIndexOf('/') + 1) : model;
    return m.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}
