package dev.recompose.models.repr.sid;

import java.util.Locale;
import java.util.Random;

/**
 * Times RQ-KMeans on synthetic unit-norm embeddings shaped like sentence embeddings (a mixture of
 * 64 themes, 2,000 topics around them, items around the topics, normalised). Run:
 * {@code java --add-modules jdk.incubator.vector -cp ... dev.recompose.models.repr.sid.RqKMeansBench
 * [n] [d] [levels] [codes] [iterations]}.
 */
public final class RqKMeansBench {
  private RqKMeansBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 384;
    int levels = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int codes = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    int iters = args.length > 4 ? Integer.parseInt(args[4]) : 25;
    int fitSample = args.length > 6 ? Integer.parseInt(args[6]) : 65_536;
    double eps = args.length > 5 ? Double.parseDouble(args[5]) : 0;
    Random r = new Random(1);
    int supers = 64;
    int topics = 2000;
    float[][] sup = new float[supers][d];
    for (float[] v : sup) {
      for (int i = 0; i < d; i++) {
        v[i] = (float) r.nextGaussian();
      }
    }
    float[][] t = new float[topics][d];
    for (float[] v : t) {
      float[] s = sup[r.nextInt(supers)];
      for (int i = 0; i < d; i++) {
        v[i] = s[i] + (float) (r.nextGaussian() * 0.6);
      }
    }
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      float[] c = t[r.nextInt(topics)];
      double norm = 0;
      for (int j = 0; j < d; j++) {
        float v = c[j] + (float) (r.nextGaussian() * 0.35);
        x[i * d + j] = v;
        norm += v * v;
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int j = 0; j < d; j++) {
        x[i * d + j] *= inv;
      }
    }
    RqKMeansConfig cfg = new RqKMeansConfig(levels, codes, iters, 1e-3, fitSample, eps, 50, 42);
    for (int run = 0; run < 2; run++) {
      var os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      SemanticIds s = new RqKMeans(cfg).fit(x, n, d);
      double sec = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf(Locale.ROOT,
          "run %d: %d x %d, %d x %d codes: %.2f s wall, %.2f s CPU (load average %.1f)%n  %s%n",
          run, n, d, levels, codes, sec, cpu, os.getSystemLoadAverage(), s.report().summary());
    }
  }
}
