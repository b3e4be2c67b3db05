package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.DelimitedReader;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.RowCounter;
import dev.recompose.data.importer.TrackedSource;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * The accounted read loop shared by the delimited-file importers of this package: opens a source
 * (checksum, progress, {@code .gz}), checks an optional header line, hands each record to a
 * handler and counts it as kept, dropped for the reason the handler gives, or malformed.
 *
 * <p>It exists so that each importer states only how one row is parsed, while the accounting
 * (read / kept / dropped, the skip policy) is the same everywhere.
 */
final class RowLoop {
  /** Parses one record; returns null when the row is kept, else the reason it is dropped. */
  @FunctionalInterface
  interface Row {
    String accept(DelimitedReader r) throws IOException;
  }

  private RowLoop() {}

  /**
   * Reads {@code file} record by record.
   *
   * @param header the exact first line expected (its fields joined by {@code delimiter}), or null
   *     when the file has no header; the header is not counted as a row
   */
  static void delimited(ImportRequest req, Path file, Charset charset, String delimiter,
      boolean quoted, String header, List<RowReport> reports, List<SourceFile> sources, Row row)
      throws IOException {
    String name = file.getFileName().toString();
    RowCounter rc = new RowCounter(name, req.onBadRow());
    try (TrackedSource src = TrackedSource.open(file, req.progress());
        DelimitedReader r = new DelimitedReader(src.stream(), charset, name, delimiter, quoted)) {
      if (header != null) {
        checkHeader(r, header);
      }
      while (r.next()) {
        rc.read();
        try {
          String dropped = row.accept(r);
          if (dropped == null) {
            rc.kept();
          } else {
            rc.drop(dropped);
          }
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());
  }

  /**
   * The regular files of {@code dir} that no source record names, comma-separated in name order
   * ("none" when every file was read), so that the manifest says what an import left out.
   */
  static String unread(Path dir, List<SourceFile> sources) throws IOException {
    java.util.Set<String> read = new java.util.HashSet<>();
    for (SourceFile f : sources) {
      read.add(Path.of(f.path()).getFileName().toString());
    }
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
      String names = s.filter(java.nio.file.Files::isRegularFile)
          .map(p -> p.getFileName().toString()).filter(n -> !read.contains(n)).sorted()
          .collect(java.util.stream.Collectors.joining(", "));
      return names.isEmpty() ? "none" : names;
    }
  }

  /** Reads the first record and fails unless it is exactly {@code header}. */
  static void checkHeader(DelimitedReader r, String header) throws IOException {
    if (!r.next()) {
      throw new DataFormatException(r.file(), 1, 0, null, "the header '" + header + "'",
          "an empty file");
    }
    if (!r.raw().strip().equals(header)) {
      throw new DataFormatException(r.file(), r.line(), 0, null, "the header '" + header + "'",
          r.raw());
    }
  }
}
