package dev.recompose.data.bench;

import dev.recompose.data.importer.DatasetAssembler;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.formats.MovieLensCsvImporter;
import dev.recompose.data.store.Manifest;
import java.io.BufferedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Benchmark of the {@code movielens-csv} importer: writes a synthetic N-row {@code ratings.csv}
 * plus {@code movies.csv} shaped like MovieLens 25M (users in id order, about 150 ratings each,
 * half-star ratings, Unix-second timestamps, quoted titles) to a temporary folder, imports it and
 * prints rows per second.
 *
 * <p>It exists to check the foundation issue's target (at least 1 million rows/s on a
 * 10-million-row file with the heap capped at 1 GiB). It is a main class rather than a test so
 * that a unit test never asserts wall time. Besides wall time it prints the importing thread's
 * CPU time, which stays meaningful when other jobs share the machine. Run from {@code data/}
 * after {@code test-compile}:
 * <pre>{@code
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.recompose.data.bench.MovieLensCsvImportBench 10000000
 * }</pre>
 */
public final class MovieLensCsvImportBench {
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  private MovieLensCsvImportBench() {}

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /** Writes {@code rows} ratings and their movies to {@code dir}, deterministically. */
  public static void generate(Path dir, int rows, long seed) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom rnd = new SplittableRandom(seed);
    int movies = Math.max(10, Math.min(60_000, rows / 100));
    try (OutputStream out = new BufferedOutputStream(
        Files.newOutputStream(dir.resolve("movies.csv")), 1 << 16)) {
      out.write("movieId,title,genres\n".getBytes(StandardCharsets.US_ASCII));
      for (int m = 1; m <= movies; m++) {
        String line = m + ",\"Movie " + m + ", The (" + (1950 + m % 70) + ")\","
            + (m % 7 == 0 ? "(no genres listed)" : "Comedy|Drama") + "\n";
        out.write(line.getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] buf = new byte[64];
    try (OutputStream out = new BufferedOutputStream(
        Files.newOutputStream(dir.resolve("ratings.csv")), 1 << 20)) {
      out.write("userId,movieId,rating,timestamp\n".getBytes(StandardCharsets.US_ASCII));
      int user = 1;
      int left = 1 + rnd.nextInt(300);
      for (int i = 0; i < rows; i++) {
        if (left-- == 0) {
          user++;
          left = rnd.nextInt(300);
        }
        int movie = 1 + (int) (movies * Math.pow(rnd.nextDouble(), 2));
        int halfStars = 1 + rnd.nextInt(10);
        long ts = 946_684_800L + rnd.nextInt(700_000_000);
        int n = 0;
        n = putInt(buf, n, user);
        buf[n++] = ',';
        n = putInt(buf, n, movie);
        buf[n++] = ',';
        n = putInt(buf, n, halfStars / 2);
        buf[n++] = '.';
        buf[n++] = (byte) (halfStars % 2 == 0 ? '0' : '5');
        buf[n++] = ',';
        n = putInt(buf, n, ts);
        buf[n++] = '\n';
        out.write(buf, 0, n);
      }
    }
  }

  private static int putInt(byte[] buf, int at, long v) {
    String s = Long.toString(v);
    for (int i = 0; i < s.length(); i++) {
      buf[at++] = (byte) s.charAt(i);
    }
    return at;
  }

  /** Arguments: rows (default 10,000,000), repetitions (default 2). */
  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path tmp = Files.createTempDirectory("ml-csv-bench");
    try {
      Path src = tmp.resolve("ml-synth");
      long g0 = System.nanoTime();
      generate(src, rows, 7);
      System.out.printf("generated %,d rows (%,d bytes) in %.1f s%n", rows,
          Files.size(src.resolve("ratings.csv")), (System.nanoTime() - g0) / 1e9);
      for (int rep = 1; rep <= reps; rep++) {
        Path out = tmp.resolve("ds" + rep);
        MovieLensCsvImporter importer = new MovieLensCsvImporter();
        ImportRequest req = ImportRequest.of(src, out);
        long c0 = THREAD.getCurrentThreadCpuTime();
        long p0 = processCpu();
        long t0 = System.nanoTime();
        ImportedData data = importer.read(req);
        long t1 = System.nanoTime();
        long c1 = THREAD.getCurrentThreadCpuTime();
        Manifest m = DatasetAssembler.write(importer, req, data);
        data = null;
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREAD.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("run %d: parse %.2f s (%.2f s CPU), order+write %.2f s (%.2f s CPU);"
                + " importing thread %.2f s CPU = %,.0f rows per CPU-second; process CPU %.2f s;"
                + " load average %.1f%n", rep, (t1 - t0) / 1e9, (c1 - c0) / 1e9,
            (System.nanoTime() - t1) / 1e9, (THREAD.getCurrentThreadCpuTime() - c1) / 1e9, cpu,
            m.counts().interactions() / cpu, (processCpu() - p0) / 1e9,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Runtime rt = Runtime.getRuntime();
        System.out.printf("run %d: imported %,d rows (%,d users, %,d items) in %.2f s ="
                + " %,.0f rows/s (max heap %,d MiB)%n", rep, m.counts().interactions(),
            m.counts().users(), m.counts().items(), s, m.counts().interactions() / s,
            rt.maxMemory() >> 20);
        deleteTree(out);
      }
    } finally {
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
