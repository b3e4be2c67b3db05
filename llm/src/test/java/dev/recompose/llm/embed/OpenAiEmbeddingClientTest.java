package dev.recompose.llm.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.llm.LlmFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiEmbeddingClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-test-secret-123";

  @TempDir Path tmp;
  HttpServer server;
  final List<String> auth = Collections.synchronizedList(new ArrayList<>());
  final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger calls = new AtomicInteger();
  final List<Long> slept = new ArrayList<>();
  /** Per call number: status to answer instead of embeddings, or null. */
  volatile java.util.function.IntFunction<Object[]> failure = i -> null;
  volatile int width = 4;

  /** Vector of a text: (length, first code point, index-independent hash bits, 1). */
  static float[] vec(String t, int width) {
    float[] v = new float[width];
    v[0] = t.length();
    v[1] = t.codePointAt(0);
    v[2] = t.hashCode() % 97;
    for (int i = 3; i < width; i++) {
      v[i] = 1;
    }
    return v;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/embeddings", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    int call = calls.getAndIncrement();
    auth.add(ex.getRequestHeaders().getFirst("Authorization"));
    JsonNode req = JSON.readTree(ex.getRequestBody());
    Object[] f = failure.apply(call);
    String body;
    int status = 200;
    if (f != null) {
      status = (Integer) f[0];
      body = (String) f[1];
      if (f.length > 2) {
        ex.getResponseHeaders().add("Retry-After", (String) f[2]);
      }
    } else {
      JsonNode input = req.get("input");
      batchSizes.add(input.size());
      StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"model\":\"")
          .append(req.get("model").asText()).append("\",\"data\":[");
      for (int i = input.size() - 1; i >= 0; i--) { // reversed: clients must use "index"
        sb.append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":")
            .append(JSON.writeValueAsString(vec(input.get(i).asText(), width))).append('}');
        if (i > 0) {
          sb.append(',');
        }
      }
      body = sb.append("]}").toString();
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  private OpenAiEmbeddingConfig config() {
    return OpenAiEmbeddingConfig.of(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"), "test/Big-Model")
        .withApiKeyEnv("TEST_KEY").withBatching(2).withCache(tmp.resolve("cache"))
        .withRetries(3, Duration.ofMillis(10), Duration.ofSeconds(5));
  }

  private OpenAiEmbeddingClient client(OpenAiEmbeddingConfig c) throws IOException {
    return new OpenAiEmbeddingClient(c, k -> k.equals("TEST_KEY") ? KEY : null, slept::add);
  }

  @Test
  void batchesOrdersByIndexSendsKeyAndCaches() throws Exception {
    List<String> texts = List.of("alpha", "beta", "gamma", "delta", "epsilon");
    try (OpenAiEmbeddingClient c = client(config())) {
      float[][] v = c.embed(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(vec(texts.get(i), 4), v[i]);
      }
      assertEquals(List.of(2, 2, 1), batchSizes);
      assertTrue(auth.stream().allMatch(("Bearer " + KEY)::equals));
      assertEquals(4, c.dimension());
      assertEquals("big_model", c.name());
      c.embed(texts);
      assertEquals(3, calls.get(), "second run served from the cache");
    }
    try (OpenAiEmbeddingClient c = client(config())) {
      float[][] v = c.embed(List.of("gamma", "zeta"));
      assertArrayEquals(vec("gamma", 4), v[0]);
      assertEquals(4, calls.get(), "a new client reuses the on-disk cache: only 'zeta' is sent");
      assertEquals(List.of(2, 2, 1, 1), batchSizes);
    }
  }

  @Test
  void retries429And500WithBackoffAndRetryAfter() throws Exception {
    failure = i -> switch (i) {
      case 0 -> new Object[] {429, "{\"error\":\"slow down\"}", "2"};
      case 1 -> new Object[] {503, "busy"};
      default -> null;
    };
    try (OpenAiEmbeddingClient c = client(config())) {
      float[][] v = c.embed(List.of("alpha"));
      assertArrayEquals(vec("alpha", 4), v[0]);
      assertEquals(3, c.requests());
      assertEquals(List.of(2000L, 4000L), slept, "Retry-After 2 s, then doubled");
    }
  }

  @Test
  void persistent500FailsAfterRetriesWithoutLeakingTheKey() throws Exception {
    failure = i -> new Object[] {500, "internal error, your key " + KEY + " is fine"};
    try (OpenAiEmbeddingClient c = client(config())) {
      var e = assertThrows(EmbeddingException.class, () -> c.embed(List.of("alpha")));
      assertEquals(4, calls.get());
      assertTrue(e.getMessage().contains("failed after 4 attempts; last: HTTP 500"),
          e.getMessage());
      assertFalse(e.getMessage().contains(KEY), e.getMessage());
      assertEquals(List.of(10L, 20L, 40L), slept);
    }
  }

  @Test
  void unauthorizedIsNotRetriedAndNamesTheVariable() throws Exception {
    failure = i -> new Object[] {401, "{\"error\":\"bad key\"}"};
    try (OpenAiEmbeddingClient c = client(config())) {
      var e = assertThrows(EmbeddingException.class, () -> c.embed(List.of("alpha")));
      assertEquals(1, calls.get());
      assertTrue(e.getMessage().endsWith("HTTP 401: '{\"error\":\"bad key\"}' (check the key in"
          + " TEST_KEY)"), e.getMessage());
    }
  }

  @Test
  void missingKeyVariableIsAClearError() {
    var e = assertThrows(EmbeddingException.class,
        () -> new OpenAiEmbeddingClient(config(), k -> null, slept::add));
    assertTrue(e.getMessage().startsWith("environment variable TEST_KEY (the API key for http://"),
        e.getMessage());
  }

  @Test
  void malformedJsonFailsClearlyAndCachesNothing() throws Exception {
    failure = i -> new Object[] {200, "{\"data\": [ {\"embedding\": [1, 2,"};
    try (OpenAiEmbeddingClient c = client(config())) {
      var e = assertThrows(EmbeddingException.class, () -> c.embed(List.of("alpha")));
      assertTrue(e.getMessage().startsWith("malformed JSON from http://127.0.0.1:"),
          e.getMessage());
    }
    failure = i -> null;
    try (OpenAiEmbeddingClient c = client(config())) {
      c.embed(List.of("alpha"));
      assertEquals(2, calls.get(), "nothing was cached by the failed call");
    }
  }

  @Test
  void wrongVectorSizeLeavesTheDatasetUntouched() throws Exception {
    Dataset ds = LlmFixtures.items(tmp.resolve("d"), new String[] {"a", "b", "c"}, null);
    width = 3;
    try (OpenAiEmbeddingClient c = client(config().withDimension(4))) {
      var e = assertThrows(EmbeddingException.class, () -> new ItemEmbedder(c,
          ProgressFactory.NONE).embed(ds, new EmbedRequest(List.of("title"), 2, null, true)));
      assertTrue(e.getMessage().endsWith("returned a vector of size 3 for model test/Big-Model,"
          + " expected 4"), e.getMessage());
    }
    Dataset re = Dataset.open(ds.dir());
    assertFalse(re.table("items").has("emb_big_model"));
    assertFalse(Files.exists(ds.dir().resolve("items.emb_big_model.npy")));
  }

  @Test
  void probeFailureSurfacesAsEmbeddingException() throws Exception {
    Dataset ds = LlmFixtures.items(tmp.resolve("d"), new String[] {"Heat"}, null);
    failure = i -> new Object[] {200, "not json"};
    try (OpenAiEmbeddingClient c = client(config())) {
      var e = assertThrows(EmbeddingException.class, () -> new ItemEmbedder(c,
          ProgressFactory.NONE).embed(ds, new EmbedRequest(List.of("title"), 2, null, true)));
      assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
    }
  }

  @Test
  void embedsADatasetEndToEnd() throws Exception {
    Dataset ds = LlmFixtures.items(tmp.resolve("d"), new String[] {"Heat", "", "Up"},
        new String[] {"a heist", "", ""});
    try (OpenAiEmbeddingClient c = client(config())) {
      EmbedReport r = new ItemEmbedder(c, ProgressFactory.NONE)
          .embed(ds, new EmbedRequest(List.of("title", "abstract"), 2, null, true));
      assertEquals(1, r.emptyRows());
    }
    float[] v = Dataset.open(ds.dir()).table("items").vector("emb_big_model").toFloatArray();
    assertEquals(12, v.length);
    assertArrayEquals(vec("Heat. a heist", 4), java.util.Arrays.copyOfRange(v, 0, 4));
    assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(v, 4, 8));
  }
}
