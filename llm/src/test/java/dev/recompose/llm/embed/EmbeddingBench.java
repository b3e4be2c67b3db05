package dev.recompose.llm.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.recompose.llm.text.HfTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentences per second of the bundled MiniLM: langchain4j's out-of-the-box {@code embedAll}
 * against {@link MiniLmEncoder} (length-sorted padded micro-batches), full and quantised, on
 * ml-100k titles and MIND sample "title. abstract" texts, in one sitting with the sides
 * interleaved round by round; plus each side's cosine agreement with {@code embedAll}. The fair
 * pair is {@code embedAll} against the encoder at 128 word pieces: the jar's
 * {@code tokenizer.json} truncates at 128, so {@code embedAll} never embeds more (its 510-piece
 * windows never apply), and at 128 both sides compute the same vectors. The encoder's default of
 * 256 (the sentence-transformers setting) does more work on longer texts and is shown beside it.
 * Run with the shared data folder as the first argument.
 */
public final class EmbeddingBench {
  private EmbeddingBench() {}

  static List<String> ml100kTitles(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(dir.resolve("ml-100k/u.item"),
        StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\\|", -1);
        if (f.length > 1 && !f[1].isBlank() && !f[1].equals("unknown")) {
          out.add(f[1]);
        }
      }
    }
    return out;
  }

  static List<String> mindTexts(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(dir.resolve("mind-small-sample/news.tsv"))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", -1);
        String t = f[3].strip();
        String a = f.length > 4 ? f[4].strip() : "";
        out.add(a.isEmpty() ? t : t + ". " + a);
      }
    }
    return out;
  }

  /** Mean and minimum cosine between the rows of {@code a} and {@code b}. */
  static double[] cosines(float[][] a, float[][] b) {
    double s = 0;
    double min = 1;
    for (int i = 0; i < a.length; i++) {
      double d = 0;
      double na = 0;
      double nb = 0;
      for (int j = 0; j < a[i].length; j++) {
        d += (double) a[i][j] * b[i][j];
        na += (double) a[i][j] * a[i][j];
        nb += (double) b[i][j] * b[i][j];
      }
      double c = d / Math.sqrt(na * nb);
      s += c;
      min = Math.min(min, c);
    }
    return new double[] {s / a.length, min};
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  private static float[][] vectors(List<Embedding> es) {
    float[][] b = new float[es.size()][];
    for (int i = 0; i < b.length; i++) {
      b[i] = es.get(i).vector();
    }
    return b;
  }

  /** One side of the comparison: a name and how it embeds a list of texts. */
  private record Side(String name, Embedder embedder) {}

  @FunctionalInterface
  private interface Embedder {
    float[][] embed(List<String> texts) throws Exception;
  }

  /**
   * Arguments: the shared data folder, optionally a text limit per set and the number of
   * interleaved rounds (default 3).
   */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int threads = Runtime.getRuntime().availableProcessors();
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "cores %d, load average %.2f%n", threads,
        os.getSystemLoadAverage());
    AllMiniLmL6V2EmbeddingModel lc = new AllMiniLmL6V2EmbeddingModel();
    HfTokenizer.forceOffline();
    // embedAll cuts every text at 128 word pieces: the truncation in the jar's tokenizer.json
    try (MiniLmEncoder full128 = MiniLmEncoder.load(MiniLmVariant.FULL, threads, 128, 32);
        MiniLmEncoder full256 = MiniLmEncoder.load(MiniLmVariant.FULL, threads, 256, 32);
        MiniLmEncoder q128 = MiniLmEncoder.load(MiniLmVariant.QUANTIZED, threads, 128, 32);
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(
            MiniLmEncoder.class.getResourceAsStream(MiniLmVariant.FULL.tokenizerResource()),
            Map.of("truncation", "false", "padding", "false"))) {
      List<Side> sides = List.of(
          new Side("langchain4j embedAll (128 pieces)", t -> vectors(lc.embedAll(
              t.stream().map(TextSegment::from).toList()).content())),
          new Side("MiniLmEncoder full, 128 pieces", full128::embed),
          new Side("MiniLmEncoder full, 256 pieces", full256::embed),
          new Side("MiniLmEncoder -q, 128 pieces", q128::embed));
      for (String label : List.of("ml-100k titles", "MIND sample title. abstract")) {
        List<String> texts = label.startsWith("ml") ? ml100kTitles(data) : mindTexts(data);
        texts = texts.subList(0, Math.min(texts.size(), limit));
        int over128 = 0;
        int over256 = 0;
        long pieces = 0;
        for (String t : texts) {
          int n = tok.encode(t).getIds().length;
          over128 += n > 128 ? 1 : 0;
          over256 += n > 256 ? 1 : 0;
          pieces += n;
        }
        System.out.printf(Locale.ROOT, "%s: %d texts, %.1f word pieces on average, %d over 128,"
            + " %d over 256; load average %.2f%n", label, texts.size(),
            pieces / (double) texts.size(), over128, over256, os.getSystemLoadAverage());
        float[][][] vecs = new float[sides.size()][][];
        double[][] secs = new double[sides.size()][rounds];
        for (int k = 0; k < sides.size(); k++) {
          sides.get(k).embedder().embed(texts.subList(0, 64)); // warm-up
        }
        for (int r = 0; r < rounds; r++) { // interleaved: A, B, C, D, A, B, C, D, ...
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  round %d:", r + 1));
          for (int k = 0; k < sides.size(); k++) {
            long t0 = System.nanoTime();
            vecs[k] = sides.get(k).embedder().embed(texts);
            secs[k][r] = (System.nanoTime() - t0) / 1e9;
            line.append(String.format(Locale.ROOT, " %.1f", texts.size() / secs[k][r]));
            if (k > 0) {
              line.append(String.format(Locale.ROOT, " (x%.2f)", secs[0][r] / secs[k][r]));
            }
          }
          System.out.println(line.append(String.format(Locale.ROOT, " texts/s; load %.2f",
              os.getSystemLoadAverage())));
        }
        double base = median(secs[0]);
        for (int k = 0; k < sides.size(); k++) {
          double m = median(secs[k]);
          double[] c = cosines(vecs[k], vecs[0]);
          System.out.printf(Locale.ROOT, "  median %-34s %7.1f texts/s (x%.2f); cosine with"
              + " embedAll mean %.4f min %.4f%n", sides.get(k).name(), texts.size() / m,
              base / m, c[0], c[1]);
        }
        double[] qf = cosines(vecs[3], vecs[1]);
        System.out.printf(Locale.ROOT, "  cosine -q vs full (128): mean %.4f min %.4f%n", qf[0],
            qf[1]);
      }
    }
    System.out.printf(Locale.ROOT, "load average at end %.2f%n", os.getSystemLoadAverage());
  }
}
