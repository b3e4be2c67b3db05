package dev.recompose.llm.embed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A {@link TextEncoder} backed by any OpenAI-compatible {@code POST /v1/embeddings} endpoint,
 * over {@code java.net.http}.
 *
 * <p>It exists so that items can be embedded by a larger or domain-specific model served by
 * OpenAI, Ollama, vLLM or text-embeddings-inference, as RecBench compares LLM embeddings with
 * smaller encoders. Texts already in the {@link EmbeddingCache} are not sent; the rest go
 * {@code batchSize} per request. A 429, a 5xx or a timeout is retried with exponential back-off
 * (honouring {@code Retry-After}); other errors, malformed JSON, a wrong number of vectors or a
 * vector of the wrong width fail at once with an {@link EmbeddingException} that names the
 * endpoint and the problem. Nothing invalid is cached. The API key is read from the configured
 * environment variable, sent only as a bearer token and never included in a message or log.
 */
public final class OpenAiEmbeddingClient implements TextEncoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_BACKOFF_MS = 30_000;

  /** How the client waits between retries; replaced in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final OpenAiEmbeddingConfig config;
  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final EmbeddingCache cache;
  private final Sleeper sleeper;
  private int dimension;
  private long requests;

  /**
   * A client.
   *
   * @param env looks up environment variables ({@code System::getenv} outside tests)
   */
  public OpenAiEmbeddingClient(OpenAiEmbeddingConfig config, UnaryOperator<String> env,
      Sleeper sleeper) throws IOException {
    this.config = Objects.requireNonNull(config, "config");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    String base = config.baseUrl().toString();
    this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/embeddings");
    if (config.apiKeyEnv() != null) {
      String key = env.apply(config.apiKeyEnv());
      if (key == null || key.isBlank()) {
        throw new EmbeddingException("environment variable " + config.apiKeyEnv()
            + " (the API key for " + endpoint + ") is not set");
      }
      this.apiKey = key.strip();
    } else {
      this.apiKey = null;
    }
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    this.cache = config.cacheDir() == null ? null
        : EmbeddingCache.open(config.cacheDir(), config.model());
    this.dimension = config.dimension();
  }

  /** A client reading the key from the process environment and sleeping for real. */
  public static OpenAiEmbeddingClient create(OpenAiEmbeddingConfig config) throws IOException {
    return new OpenAiEmbeddingClient(config, System::getenv, Thread::sleep);
  }

  @Override
  public String name() {
    return config.encoderName();
  }

  /** The width; when not configured, learned from one probe request (cached like any text). */
  @Override
  public int dimension() {
    if (dimension == 0) {
      try {
        dimension = embed(List.of("dimension probe"))[0].length;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return dimension;
  }

  /** HTTP requests sent so far (attempts, including retries). */
  public long requests() {
    return requests;
  }

  @Override
  public float[][] embed(List<String> texts) throws IOException {
    Objects.requireNonNull(texts, "texts");
    float[][] out = new float[texts.size()][];
    String[] keys = new String[texts.size()];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      keys[i] = EmbeddingCache.sha256(texts.get(i));
      float[] hit = cache == null ? null : cache.get(keys[i]);
      if (hit != null && (dimension == 0 || hit.length == dimension)) {
        out[i] = hit;
      } else {
        missing.add(i);
      }
    }
    for (int from = 0; from < missing.size(); from += config.batchSize()) {
      List<Integer> part = missing.subList(from, Math.min(missing.size(),
          from + config.batchSize()));
      List<String> batch = new ArrayList<>(part.size());
      for (int i : part) {
        batch.add(texts.get(i));
      }
      float[][] vecs = request(batch);
      Map<String, float[]> fresh = new LinkedHashMap<>();
      for (int j = 0; j < part.size(); j++) {
        out[part.get(j)] = vecs[j];
        fresh.put(keys[part.get(j)], vecs[j]);
      }
      if (cache != null) {
        cache.putAll(fresh);
      }
    }
    return out;
  }

  private float[][] request(List<String> batch) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", config.model());
    ArrayNode input = body.putArray("input");
    batch.forEach(input::add);
    HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (apiKey != null) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    HttpRequest req = rb.build();
    long backoff = config.initialBackoff().toMillis();
    String last = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      if (attempt > 0) {
        try {
          sleeper.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EmbeddingException("interrupted while waiting to retry " + endpoint);
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
      requests++;
      HttpResponse<String> res;
      try {
        res = http.send(req, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        last = "timed out after " + config.timeout().toMillis() + " ms";
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EmbeddingException("interrupted while calling " + endpoint);
      } catch (IOException e) {
        last = "connection failed: " + e.getMessage();
        continue;
      }
      int code = res.statusCode();
      if (code == 200) {
        return parse(res.body(), batch.size());
      }
      last = "HTTP " + code + ": " + snippet(res.body());
      if (code == 429 || code >= 500) {
        long retryAfter = res.headers().firstValue("Retry-After").map(v -> {
          try {
            return Long.parseLong(v.strip()) * 1000;
          } catch (NumberFormatException e) {
            return 0L;
          }
        }).orElse(0L);
        backoff = Math.min(MAX_BACKOFF_MS, Math.max(backoff, retryAfter));
        continue;
      }
      String hint = code == 401 || code == 403
          ? (config.apiKeyEnv() == null ? " (no API key configured)"
              : " (check the key in " + config.apiKeyEnv() + ")")
          : "";
      throw new EmbeddingException(endpoint + " refused the request: " + last + hint);
    }
    throw new EmbeddingException(endpoint + " failed after " + (config.maxRetries() + 1)
        + " attempts; last: " + last);
  }

  private float[][] parse(String body, int expected) throws EmbeddingException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new EmbeddingException("malformed JSON from " + endpoint + ": "
          + e.getOriginalMessage() + " in " + snippet(body));
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !data.isArray()) {
      throw new EmbeddingException("answer from " + endpoint + " has no 'data' array: "
          + snippet(body));
    }
    if (data.size() != expected) {
      throw new EmbeddingException(endpoint + " returned " + data.size() + " embeddings for "
          + expected + " inputs");
    }
    float[][] out = new float[expected][];
    for (int j = 0; j < data.size(); j++) {
      JsonNode item = data.get(j);
      int index = item.path("index").isInt() ? item.get("index").asInt() : j;
      JsonNode emb = item.get("embedding");
      if (index < 0 || index >= expected || out[index] != null) {
        throw new EmbeddingException(endpoint + ": data[" + j + "] has a bad or repeated index "
            + index);
      }
      if (emb == null || !emb.isArray() || emb.isEmpty()) {
        throw new EmbeddingException(endpoint + ": data[" + j + "].embedding is not a non-empty"
            + " array of numbers (base64 answers are not supported)");
      }
      float[] v = new float[emb.size()];
      for (int t = 0; t < v.length; t++) {
        JsonNode x = emb.get(t);
        if (!x.isNumber()) {
          throw new EmbeddingException(endpoint + ": data[" + j + "].embedding[" + t
              + "] is not a number");
        }
        v[t] = x.floatValue();
      }
      if (dimension == 0) {
        dimension = v.length;
      }
      if (v.length != dimension) {
        throw new EmbeddingException(endpoint + " returned a vector of size " + v.length
            + " for model " + config.model() + ", expected " + dimension);
      }
      out[index] = v;
    }
    return out;
  }

  private String snippet(String s) {
    if (s == null) {
      return "(empty body)";
    }
    String t = s.strip().replaceAll("\\s+", " ");
    if (apiKey != null) {
      t = t.replace(apiKey, "***");
    }
    return t.length() <= 200 ? "'" + t + "'" : "'" + t.substring(0, 200) + "...'";
  }

  @Override
  public void close() throws IOException {
    if (cache != null) {
      cache.close();
    }
    http.close();
  }
}
