package dev.recompose.data.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small archives built in memory for the fetch tests. */
final class Fixtures {
  private Fixtures() {}

  /** Seeded random bytes (incompressible, so truncating at half is mid-stream). */
  static byte[] noise(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** A MovieLens-100K-shaped zip: one top-level folder with a few files. */
  static Map<String, byte[]> ml100kFiles() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put(
        "ml-test/u.data",
        "1\t10\t5\t881250949\n2\t20\t3\t891717742\n".getBytes(StandardCharsets.UTF_8));
    m.put(
        "ml-test/u.item",
        "10|Toy Story (1995)|01-Jan-1995\n".getBytes(StandardCharsets.ISO_8859_1));
    m.put("ml-test/padding.bin", noise(300_000, 7));
    return m;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }

  /** A ustar archive of regular files, gzip-compressed. */
  static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      byte[] h = new byte[512];
      put(h, 0, e.getKey());
      put(h, 100, "0000644");
      put(h, 108, "0000000");
      put(h, 116, "0000000");
      put(h, 124, String.format("%011o", e.getValue().length));
      put(h, 136, "00000000000");
      h[156] = '0';
      put(h, 257, "ustar");
      h[262] = 0;
      put(h, 263, "00");
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      int sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, String.format("%06o", sum));
      h[154] = 0;
      tar.write(h);
      tar.write(e.getValue());
      int pad = (512 - e.getValue().length % 512) % 512;
      tar.write(new byte[pad]);
    }
    tar.write(new byte[1024]);
    return gzip(tar.toByteArray());
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }
}
