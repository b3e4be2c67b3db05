package dev.recompose.data.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks one downloaded file into a folder: zip, gzip, tar.gz or a plain copy.
 *
 * <p>Entries whose path would leave the folder (absolute, {@code ..}) are refused; links and
 * special files in tar archives are skipped.
 */
final class Unpacker {
  private Unpacker() {}

  static void unpack(Path file, ArchiveType type, Path into, int strip) throws IOException {
    Files.createDirectories(into);
    String name = file.getFileName().toString();
    switch (type) {
      case ZIP -> unzip(file, into, strip);
      case GZIP -> {
        String out = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name + ".out";
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
          Files.copy(in, into.resolve(out), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      case TAR_GZ -> {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
          untar(in, into, strip);
        }
      }
      case NONE -> Files.copy(file, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void unzip(Path file, Path into, int strip) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path out = target(into, e.getName(), strip);
        if (out == null) {
          continue;
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  /** Where an archive entry goes, or {@code null} to skip it; throws on an unsafe path. */
  static Path target(Path into, String entryName, int strip) throws IOException {
    String[] parts = entryName.replace('\\', '/').split("/");
    StringBuilder rel = new StringBuilder();
    int kept = 0;
    int index = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (index == 0 && p.equals("__MACOSX")) {
        return null;
      }
      if (index++ < strip) {
        continue;
      }
      if (p.equals("..")) {
        throw new IOException("archive entry '" + entryName + "' leaves the target folder");
      }
      if (kept++ > 0) {
        rel.append('/');
      }
      rel.append(p);
    }
    if (kept == 0) {
      return null;
    }
    if (entryName.startsWith("/")) {
      throw new IOException("archive entry '" + entryName + "' is an absolute path");
    }
    Path root = into.toAbsolutePath().normalize();
    Path out = root.resolve(rel.toString()).normalize();
    if (!out.startsWith(root) || out.equals(root)) {
      throw new IOException("archive entry '" + entryName + "' leaves the target folder");
    }
    return out;
  }

  private static void untar(InputStream in, Path into, int strip) throws IOException {
    byte[] header = new byte[512];
    String longName = null;
    while (true) {
      if (!readFully(in, header)) {
        return; // no end-of-archive blocks; accept a clean end at a header boundary
      }
      if (isZero(header)) {
        return;
      }
      String name = field(header, 0, 100);
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      if (new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
      }
      if (type == 'L' || type == 'x') {
        byte[] data = readData(in, size);
        String text = new String(data, StandardCharsets.UTF_8);
        if (type == 'L') {
          longName = text.replace("\0", "");
        } else {
          longName = paxPath(text);
        }
        continue;
      }
      if (longName != null) {
        name = longName;
        longName = null;
      }
      if (type == 'g') {
        skip(in, padded(size));
        continue;
      }
      Path out = target(into, name, strip);
      if (type == '0' || type == '\0' || type == '7') {
        if (out == null) {
          skip(in, padded(size));
          continue;
        }
        Files.createDirectories(out.getParent());
        try (var os = Files.newOutputStream(out)) {
          copy(in, os, size);
        }
        skip(in, padded(size) - size);
      } else if (type == '5') {
        if (out != null) {
          Files.createDirectories(out);
        }
        skip(in, padded(size));
      } else {
        skip(in, padded(size)); // links, devices, fifos: not part of a dataset
      }
    }
  }

  private static String paxPath(String records) {
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 6);
      }
    }
    return null;
  }

  private static long padded(long size) {
    return (size + 511) / 512 * 512;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) throws IOException {
    long v = 0;
    for (int i = off; i < off + len; i++) {
      int c = b[i];
      if (c == 0 || c == ' ') {
        if (v > 0) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '7') {
        throw new IOException("tar header has a malformed size field");
      }
      v = v * 8 + (c - '0');
    }
    return v;
  }

  private static boolean readFully(InputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw new EOFException("tar archive ends inside a header");
      }
      off += n;
    }
    return true;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    if (size > 1 << 20) {
      throw new IOException("tar extended header too large: " + size);
    }
    byte[] data = new byte[(int) size];
    if (size > 0 && !readFully(in, data)) {
      throw new EOFException("tar archive ends inside an extended header");
    }
    skip(in, padded(size) - size);
    return data;
  }

  private static void copy(InputStream in, java.io.OutputStream out, long size) throws IOException {
    byte[] buf = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new EOFException("tar archive ends inside a file");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new EOFException("tar archive ends early");
        }
        s = 1;
      }
      left -= s;
    }
  }
}
