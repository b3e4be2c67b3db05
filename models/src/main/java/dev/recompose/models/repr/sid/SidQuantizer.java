package dev.recompose.models.repr.sid;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.io.SafeTensors;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Mlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fitted residual quantiser behind a semantic-ID column: per level a codebook, and for
 * RQ-VAE the MLP encoder in front of them; it codes any vector, so items added after the fit get
 * semantic IDs from the same codebooks.
 *
 * <p>It exists because a semantic ID is only reusable if its quantiser is (TIGER, Rajput et al.
 * NeurIPS 2023; RecBase): {@link SidColumns} persists it next to the column as
 * {@code items.<column>.quantizer.safetensors} and records the file and its SHA-256 in the
 * manifest note {@code repr.sid.<column>.quantizer}. File format (safetensors, readable with
 * {@code safetensors.numpy.load_file} or {@code torch}):
 * <ul>
 *   <li>{@code codebook.<l>}: float32 {@code [codes, width]}, level {@code l = 0..levels-1};
 *       {@code width} is the embedding width for RQ-KMeans, the latent width for RQ-VAE;
 *   <li>RQ-VAE only: {@code encoder.<i>.weight} {@code [out, in]} and {@code encoder.<i>.bias}
 *       {@code [out]}, linear layers with ReLU between them (none after the last);
 *   <li>metadata: {@code format} ({@value #FORMAT}), {@code method} ({@code rq-kmeans} or
 *       {@code rq-vae}), {@code levels}, {@code codes}, {@code input_dim}, {@code width},
 *       {@code encoder_dims} (comma-separated, RQ-VAE only).
 * </ul>
 * Coding ({@link #code}): {@code r = x} (RQ-VAE: {@code r = encoder(x)}); at each level the
 * nearest centroid {@code c} by squared distance is the code and {@code r -= c}. These are the
 * codes before TIGER's disambiguation level; {@link #disambiguation} appends it for a new item.
 * With plain RQ-KMeans and RQ-VAE this reproduces the stored codes of the fitted items; with
 * balanced (Sinkhorn) RQ-KMeans the stored codes of fitted items may differ from the nearest
 * ones, by design of the balancing.
 */
public final class SidQuantizer {
  /** The {@code format} metadata value of the file. */
  public static final String FORMAT = "recompose-sid-quantizer-1";

  private final String method;
  private final int inputDim;
  private final int codes;
  private final int width;
  private final float[][] books;
  private final int[] encoderDims;
  private final Mlp encoder;

  private SidQuantizer(String method, int inputDim, int codes, int width, float[][] books,
      int[] encoderDims, Mlp encoder) {
    this.method = method;
    this.inputDim = inputDim;
    this.codes = codes;
    this.width = width;
    this.books = books;
    this.encoderDims = encoderDims;
    this.encoder = encoder;
    for (int l = 0; l < books.length; l++) {
      if (books[l].length != codes * width) {
        throw new IllegalArgumentException("codebook " + l + " has " + books[l].length
            + " values, expected " + codes + " x " + width);
      }
    }
  }

  /** RQ-KMeans codebooks ({@code codes x d} each) over {@code d}-wide embeddings. */
  public static SidQuantizer rqKMeans(int d, int codes, float[][] books) {
    return new SidQuantizer("rq-kmeans", d, codes, d, deepCopy(books), null, null);
  }

  /**
   * RQ-VAE codebooks behind {@code encoder} (layer sizes {@code dims}, ReLU between layers); the
   * encoder's weights are copied.
   */
  public static SidQuantizer rqVae(int[] dims, Mlp encoder, int codes, float[][] books) {
    Mlp copy = newEncoder(dims);
    copy.load(copyOf(encoder.parameters()), true);
    return new SidQuantizer("rq-vae", dims[0], codes, dims[dims.length - 1], deepCopy(books),
        dims.clone(), copy);
  }

  private static Mlp newEncoder(int[] dims) {
    return new Mlp(dims, Activation.RELU, 0f, new Rng(0));
  }

  private static Map<String, Tensor> copyOf(Map<String, Tensor> params) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, Tensor.of(v.data().clone(), v.shape())));
    return out;
  }

  private static float[][] deepCopy(float[][] books) {
    float[][] out = new float[books.length][];
    for (int l = 0; l < books.length; l++) {
      out[l] = books[l].clone();
    }
    return out;
  }

  /** {@code rq-kmeans} or {@code rq-vae}. */
  public String method() {
    return method;
  }

  /** Residual levels (codes per item before disambiguation). */
  public int levels() {
    return books.length;
  }

  /** Codes per level. */
  public int codes() {
    return codes;
  }

  /** Width of the vectors this codes. */
  public int inputDim() {
    return inputDim;
  }

  /** The codebook of level {@code l}, {@code codes x width} row-major (a copy). */
  public float[] codebook(int l) {
    return books[l].clone();
  }

  /** Codes of the {@code n x inputDim} row-major vectors {@code x}: {@code n x levels}. */
  public int[] code(float[] x, int n) {
    Objects.requireNonNull(x, "x");
    if (x.length != (long) n * inputDim) {
      throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x "
          + inputDim);
    }
    int levels = books.length;
    int[] raw = new int[n * levels];
    if (encoder == null) {
      float[] r = x.clone();
      int[] a = new int[n];
      float[] d2 = new float[n];
      for (int l = 0; l < levels; l++) {
        Arrays.fill(a, -1);
        KMeans.assign(r, n, width, books[l], codes, a, d2);
        subtract(r, a, books[l], raw, l, levels);
      }
      return raw;
    }
    int step = 4096; // RqVae.code's chunk, so fitted items get bit-identical latents
    try (var g = GradMode.noGrad()) {
      for (int from = 0; from < n; from += step) {
        int b = Math.min(n, from + step) - from;
        float[] r = encoder.forward(Tensor.of(Arrays.copyOfRange(x, from * inputDim,
            (from + b) * inputDim), b, inputDim)).data().clone();
        int[] part = new int[b * levels];
        for (int l = 0; l < levels; l++) {
          subtract(r, RqVae.nearest(r, b, width, books[l], codes), books[l], part, l, levels);
        }
        System.arraycopy(part, 0, raw, from * levels, part.length);
      }
    }
    return raw;
  }

  private void subtract(float[] r, int[] a, float[] book, int[] raw, int l, int levels) {
    for (int i = 0; i < a.length; i++) {
      raw[i * levels + l] = a[i];
      for (int t = 0; t < width; t++) {
        r[i * width + t] -= book[a[i] * width + t];
      }
    }
  }

  /**
   * TIGER's disambiguation code for a new item with codes {@code raw} (one per level) among the
   * stored rows {@code existing} ({@code items x (levels + 1)}): one more than the largest
   * disambiguation code of an item with the same prefix, 0 when none has it.
   */
  public static int disambiguation(int[] raw, int[] existing, int items) {
    int levels = raw.length;
    int next = 0;
    for (int i = 0; i < items; i++) {
      int o = i * (levels + 1);
      if (Arrays.equals(existing, o, o + levels, raw, 0, levels)) {
        next = Math.max(next, existing[o + levels] + 1);
      }
    }
    return next;
  }

  /** The file of column {@code column}'s quantiser in dataset directory {@code dir}. */
  public static Path file(Path dir, String column) {
    return dir.resolve(StoreLayout.ITEMS + "." + column + ".quantizer.safetensors");
  }

  /** Writes the quantiser (format above) to {@code path}. */
  public void write(Path path) throws IOException {
    Map<String, Tensor> t = new LinkedHashMap<>();
    for (int l = 0; l < books.length; l++) {
      t.put("codebook." + l, Tensor.of(books[l].clone(), codes, width));
    }
    if (encoder != null) {
      encoder.parameters().forEach((k, v) -> t.put("encoder." + k, v));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("method", method);
    meta.put("levels", Integer.toString(books.length));
    meta.put("codes", Integer.toString(codes));
    meta.put("input_dim", Integer.toString(inputDim));
    meta.put("width", Integer.toString(width));
    if (encoderDims != null) {
      meta.put("encoder_dims", String.join(",", Arrays.stream(encoderDims)
          .mapToObj(Integer::toString).toList()));
    }
    SafeTensors.write(path, t, meta);
  }

  /** Reads a quantiser written by {@link #write}. */
  public static SidQuantizer read(Path path) throws IOException {
    SafeTensors.Contents c = SafeTensors.readAll(path);
    Map<String, String> m = c.metadata();
    if (!FORMAT.equals(m.get("format"))) {
      throw new IOException(path + ": not a semantic-ID quantiser (format " + m.get("format")
          + ", expected " + FORMAT + ")");
    }
    int levels = Integer.parseInt(m.get("levels"));
    int codes = Integer.parseInt(m.get("codes"));
    int inputDim = Integer.parseInt(m.get("input_dim"));
    int width = Integer.parseInt(m.get("width"));
    float[][] books = new float[levels][];
    for (int l = 0; l < levels; l++) {
      Tensor b = c.tensors().get("codebook." + l);
      if (b == null) {
        throw new IOException(path + ": missing tensor codebook." + l);
      }
      books[l] = b.data().clone();
    }
    String method = m.get("method");
    if (method.equals("rq-kmeans")) {
      return new SidQuantizer(method, inputDim, codes, width, books, null, null);
    }
    int[] dims = Arrays.stream(m.get("encoder_dims").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    Map<String, Tensor> enc = new LinkedHashMap<>();
    c.tensors().forEach((k, v) -> {
      if (k.startsWith("encoder.")) {
        enc.put(k.substring("encoder.".length()), v);
      }
    });
    Mlp e = newEncoder(dims);
    try {
      e.load(enc, true);
    } catch (RuntimeException ex) {
      throw new IOException(path + ": encoder tensors do not match layers "
          + Arrays.toString(dims) + ": " + ex.getMessage(), ex);
    }
    return new SidQuantizer(method, inputDim, codes, width, books, dims, e);
  }

  /** The quantiser of {@code items.<column>} of {@code dataset}; fails clearly when absent. */
  public static SidQuantizer load(Dataset dataset, String column) throws IOException {
    Path p = file(dataset.dir(), column);
    if (!Files.exists(p)) {
      throw new NoSuchFileException(p.toString(), null, "no quantiser for items." + column
          + " (columns written before quantisers were persisted: rerun 'recompose repr sid')");
    }
    return read(p);
  }
}
