package dev.recompose.data.importer.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recompose.data.importer.BadRowPolicy;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.RowCounter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads a file of one JSON object (or one Python dict literal) per line, as the Amazon,
 * Goodreads and Yelp dumps are distributed, counting every line in a {@link RowCounter}.
 *
 * <p>It exists so that each JSON-lines importer streams the same way: one line at a time (never
 * the whole file), blank lines ignored, and a line that does not parse reported as
 * {@code file:line: expected a JSON object (the parser's message at column N), found '...'} —
 * or, under {@link BadRowPolicy#SKIP}, counted as dropped with the reason
 * {@code malformed, skipped: expected a JSON object} and passed over.
 */
public final class JsonLinesReader implements AutoCloseable {
  /** What each line holds. */
  public enum Syntax {
    /** One JSON value per line (JSON lines / JSONL). */
    JSON("a JSON object"),
    /** One Python literal per line, as written by {@code repr()} (Amazon 2014 metadata). */
    PYTHON_LITERAL("a Python dict literal");

    private final String expected;

    Syntax(String expected) {
      this.expected = expected;
    }

    /** What a line should be, for messages. */
    public String expected() {
      return expected;
    }
  }

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final BufferedReader reader;
  private final String file;
  private final Syntax syntax;
  private final RowCounter counter;
  private final BadRowPolicy policy;
  private long lineNo;
  private JsonRecord current;

  /**
   * @param in the (decompressed) file content, UTF-8
   * @param file the file name used in messages and reports
   * @param syntax JSON or Python literals
   * @param counter counts lines read; malformed lines are handed to it
   * @param policy fail on, or skip and count, lines that do not parse
   */
  public JsonLinesReader(InputStream in, String file, Syntax syntax, RowCounter counter,
      BadRowPolicy policy) {
    Objects.requireNonNull(in, "in");
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    this.file = Objects.requireNonNull(file, "file");
    this.syntax = Objects.requireNonNull(syntax, "syntax");
    this.counter = Objects.requireNonNull(counter, "counter");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Advances to the next line holding an object; counts it as read.
   *
   * @return false at end of file
   * @throws DataFormatException for a malformed line under {@link BadRowPolicy#FAIL}
   */
  public boolean next() throws IOException {
    while (true) {
      String line = reader.readLine();
      if (line == null) {
        current = null;
        return false;
      }
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (lineNo == 1 && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      counter.read();
      JsonNode node;
      try {
        node = parse(line);
      } catch (DataFormatException e) {
        if (policy == BadRowPolicy.FAIL) {
          throw e;
        }
        counter.drop("malformed, skipped: expected " + syntax.expected());
        continue;
      }
      current = new JsonRecord(file, lineNo, node);
      return true;
    }
  }

  private JsonNode parse(String line) {
    JsonNode node;
    try {
      node = syntax == Syntax.JSON ? MAPPER.readTree(line) : PythonLiteral.parse(line);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage().replace('\n', ' ');
      int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      throw new DataFormatException(file, lineNo, 0, null,
          syntax.expected() + " (" + why + (col > 0 ? " at column " + col : "") + ")", line);
    } catch (PythonLiteralException e) {
      throw new DataFormatException(file, lineNo, 0, null,
          syntax.expected() + " (" + e.getMessage() + ")", line);
    }
    if (node == null || !node.isObject()) {
      throw new DataFormatException(file, lineNo, 0, null, syntax.expected(), line);
    }
    return node;
  }

  /** The object on the current line. */
  public JsonRecord record() {
    if (current == null) {
      throw new IllegalStateException("no current record: call next() first");
    }
    return current;
  }

  /** Current line number (1-based). */
  public long line() {
    return lineNo;
  }

  public String file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
