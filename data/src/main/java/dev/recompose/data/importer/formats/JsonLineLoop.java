package dev.recompose.data.importer.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.RowCounter;
import dev.recompose.data.importer.TrackedSource;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The accounted read loop for JSON-lines files (one JSON object per line, UTF-8, optionally
 * {@code .gz}): parses each non-blank line with Jackson, hands it to a handler with its file and
 * line number, and counts it as kept, dropped (with the handler's reason) or malformed.
 *
 * <p>It exists so that the Goodreads and generic JSONL importers report a damaged line as
 * {@code file:line: field 'rating': expected ..., found '...'} and honour
 * {@code --on-bad-row skip} the same way the delimited importers do.
 */
final class JsonLineLoop {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One parsed line with typed, located field access. */
  record Row(String file, long line, JsonNode node) {
    /** The error for {@code field}, naming the file, line and field. */
    DataFormatException error(String field, String expected, JsonNode found) {
      return new DataFormatException(file, line, 0, field, expected,
          found == null || found.isMissingNode() ? "nothing" : found.isTextual() ? found.asText()
              : found.toString());
    }

    /** A string or number field as text; fails when it is absent, null or empty. */
    String text(String field) {
      JsonNode v = node.get(field);
      if (v == null || !(v.isTextual() || v.isNumber()) || v.asText().isEmpty()) {
        throw error(field, "a non-empty string", v);
      }
      return v.asText();
    }

    /** A string or number field as text; empty when absent or null. */
    String optText(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return "";
      }
      if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
        throw error(field, "a string", v);
      }
      return v.asText();
    }

    /** An integer field, written as a JSON number or a string of digits. */
    long integer(String field) {
      JsonNode v = node.get(field);
      if (v != null && v.isIntegralNumber()) {
        return v.asLong();
      }
      if (v != null && v.isTextual()) {
        try {
          return Long.parseLong(v.asText().strip());
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      throw error(field, "an integer", v);
    }
  }

  /** Parses one row; returns null when it is kept, else the reason it is dropped. */
  @FunctionalInterface
  interface Handler {
    String accept(Row row) throws IOException;
  }

  private JsonLineLoop() {}

  static void read(ImportRequest req, Path file, List<RowReport> reports,
      List<SourceFile> sources, Handler handler) throws IOException {
    String name = file.getFileName().toString();
    RowCounter rc = new RowCounter(name, req.onBadRow());
    try (TrackedSource src = TrackedSource.open(file, req.progress());
        BufferedReader r = new BufferedReader(
            new InputStreamReader(src.stream(), StandardCharsets.UTF_8), 1 << 16)) {
      long lineNo = 0;
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        rc.read();
        try {
          JsonNode node;
          try {
            node = MAPPER.readTree(line);
          } catch (JsonProcessingException e) {
            throw new DataFormatException(name, lineNo, 0, null, "a JSON object", line);
          }
          if (node == null || !node.isObject()) {
            throw new DataFormatException(name, lineNo, 0, null, "a JSON object", line);
          }
          String dropped = handler.accept(new Row(name, lineNo, node));
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
}
