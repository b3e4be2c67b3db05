package dev.recompose.llm.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
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
 * ml-100k titles and MIND sample "title. abstract" texts, in one sitting with the three
 * interleaved round by round; plus the cosine agreement of each pair. Both sides embed the same
 * texts: those over 256 word pieces are cut to 256 beforehand (at a word boundary), since
 * langchain4j would otherwise embed up to 510 and average longer ones over windows. Run with the
 * shared data folder as the first argument.
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

  /**
   * {@code text} cut after the last whole word that fits in {@code maxTokens} word pieces
   * ([CLS] and [SEP] included), so that langchain4j (which would embed up to 510 pieces and
   * average longer texts over windows) sees the same text as {@link MiniLmEncoder}, which
   * truncates at {@code maxTokens}.
   */
  static String truncate(HuggingFaceTokenizer tok, String text, int maxTokens) {
    Encoding e = tok.encode(text);
    long[] ids = e.getIds();
    if (ids.length <= maxTokens) {
      return text;
    }
    String[] pieces = e.getTokens();
    CharSpan[] spans = e.getCharTokenSpans();
    int last = maxTokens - 2; // index of the last piece kept ([CLS] is 0)
    while (last > 1 && pieces[last + 1].startsWith("##")) {
      last--; // keep whole words: a cut word would tokenise differently on its own
    }
    return text.substring(0, spans[last].getEnd());
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
    try (MiniLmEncoder full = MiniLmEncoder.load(MiniLmVariant.FULL, threads, 256, 32);
        MiniLmEncoder q = MiniLmEncoder.load(MiniLmVariant.QUANTIZED, threads, 256, 32);
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(
            MiniLmEncoder.class.getResourceAsStream(MiniLmVariant.FULL.tokenizerResource()),
            Map.of("truncation", "false", "padding", "false"))) {
      for (String label : List.of("ml-100k titles", "MIND sample title. abstract")) {
        List<String> raw = label.startsWith("ml") ? ml100kTitles(data) : mindTexts(data);
        raw = raw.subList(0, Math.min(raw.size(), limit));
        List<String> texts = new ArrayList<>();
        int cut = 0;
        for (String t : raw) {
          String u = truncate(tok, t, 256);
          cut += u.equals(t) ? 0 : 1;
          texts.add(u);
        }
        List<TextSegment> segs = texts.stream().map(TextSegment::from).toList();
        full.embed(texts.subList(0, 64)); // warm-up
        q.embed(texts.subList(0, 64));
        lc.embedAll(segs.subList(0, 64));
        double[] tBase = new double[rounds];
        double[] tFull = new double[rounds];
        double[] tQ = new double[rounds];
        float[][] b = null;
        float[][] f = null;
        float[][] qq = null;
        System.out.printf(Locale.ROOT, "%s: %d texts (%d cut to 256 word pieces for both),"
            + " load average %.2f%n", label, texts.size(), cut, os.getSystemLoadAverage());
        for (int r = 0; r < rounds; r++) { // interleaved: A, B, C, A, B, C, ...
          long t0 = System.nanoTime();
          b = vectors(lc.embedAll(segs).content());
          tBase[r] = (System.nanoTime() - t0) / 1e9;
          t0 = System.nanoTime();
          f = full.embed(texts);
          tFull[r] = (System.nanoTime() - t0) / 1e9;
          t0 = System.nanoTime();
          qq = q.embed(texts);
          tQ[r] = (System.nanoTime() - t0) / 1e9;
          System.out.printf(Locale.ROOT, "  round %d: embedAll %7.1f, full %7.1f (x%.2f),"
              + " quantised %7.1f (x%.2f) texts/s; load %.2f%n", r + 1, texts.size() / tBase[r],
              texts.size() / tFull[r], tBase[r] / tFull[r], texts.size() / tQ[r],
              tBase[r] / tQ[r], os.getSystemLoadAverage());
        }
        double mb = median(tBase);
        double mf = median(tFull);
        double mq = median(tQ);
        System.out.printf(Locale.ROOT, "  median: langchain4j embedAll %7.1f texts/s%n",
            texts.size() / mb);
        System.out.printf(Locale.ROOT, "  median: MiniLmEncoder full    %7.1f texts/s (x%.2f)%n",
            texts.size() / mf, mb / mf);
        System.out.printf(Locale.ROOT, "  median: MiniLmEncoder -q      %7.1f texts/s (x%.2f)%n",
            texts.size() / mq, mb / mq);
        double[] c1 = cosines(f, b);
        double[] c2 = cosines(qq, f);
        double[] c3 = cosines(qq, b);
        System.out.printf(Locale.ROOT, "  cosine full vs embedAll  mean %.4f min %.4f%n", c1[0],
            c1[1]);
        System.out.printf(Locale.ROOT, "  cosine -q vs full        mean %.4f min %.4f%n", c2[0],
            c2[1]);
        System.out.printf(Locale.ROOT, "  cosine -q vs embedAll    mean %.4f min %.4f%n", c3[0],
            c3[1]);
      }
    }
    System.out.printf(Locale.ROOT, "load average at end %.2f%n", os.getSystemLoadAverage());
  }
}
