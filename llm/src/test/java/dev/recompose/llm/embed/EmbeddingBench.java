package dev.recompose.llm.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences per second of the bundled MiniLM: langchain4j's out-of-the-box {@code embedAll}
 * against {@link MiniLmEncoder} (length-sorted padded micro-batches), full and quantised, on
 * ml-100k titles and MIND sample "title. abstract" texts, in one sitting; plus the cosine
 * agreement of the quantised model and of langchain4j with the full model. Run with the shared
 * data folder as the first argument.
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

  static double meanCos(float[][] a, float[][] b) {
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
    System.out.printf(Locale.ROOT, "    (min cosine %.4f)%n", min);
    return s / a.length;
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int threads = Runtime.getRuntime().availableProcessors();
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", threads,
        os.getSystemLoadAverage());
    AllMiniLmL6V2EmbeddingModel lc = new AllMiniLmL6V2EmbeddingModel();
    try (MiniLmEncoder full = MiniLmEncoder.load(MiniLmVariant.FULL, threads, 256, 32);
        MiniLmEncoder q = MiniLmEncoder.load(MiniLmVariant.QUANTIZED, threads, 256, 32)) {
      for (var set : List.of(List.of("ml-100k titles"), List.of("MIND sample title. abstract"))) {
        String label = set.get(0);
        List<String> texts = label.startsWith("ml") ? ml100kTitles(data) : mindTexts(data);
        if (args.length > 1) {
          texts = texts.subList(0, Math.min(texts.size(), Integer.parseInt(args[1])));
        }
        List<TextSegment> segs = texts.stream().map(TextSegment::from).toList();
        full.embed(texts.subList(0, 64)); // warm-up
        q.embed(texts.subList(0, 64));
        lc.embedAll(segs.subList(0, 64));
        long t0 = System.nanoTime();
        var base = lc.embedAll(segs).content();
        double tBase = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        float[][] f = full.embed(texts);
        double tFull = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        float[][] qq = q.embed(texts);
        double tQ = (System.nanoTime() - t0) / 1e9;
        float[][] b = new float[base.size()][];
        for (int i = 0; i < b.length; i++) {
          b[i] = base.get(i).vector();
        }
        System.out.printf(Locale.ROOT, "%s: %d texts%n", label, texts.size());
        System.out.printf(Locale.ROOT, "  langchain4j embedAll      %7.1f texts/s%n",
            texts.size() / tBase);
        System.out.printf(Locale.ROOT, "  MiniLmEncoder full        %7.1f texts/s (x%.2f)%n",
            texts.size() / tFull, tBase / tFull);
        System.out.printf(Locale.ROOT, "  MiniLmEncoder quantised   %7.1f texts/s (x%.2f)%n",
            texts.size() / tQ, tBase / tQ);
        System.out.printf(Locale.ROOT, "  cosine(full, langchain4j) mean %.4f%n",
            meanCos(f, b));
        System.out.printf(Locale.ROOT, "  cosine(quantised, full)   mean %.4f%n",
            meanCos(qq, f));
      }
    }
    System.out.printf(Locale.ROOT, "load average at end %.1f%n", os.getSystemLoadAverage());
  }
}
