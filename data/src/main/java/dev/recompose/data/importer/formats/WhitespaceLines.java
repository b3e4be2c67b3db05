package dev.recompose.data.importer.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text file line by line and splits each non-blank line on runs of spaces and tabs.
 *
 * <p>It exists for the plain-text sequence files of sequential-recommendation papers (SASRec's
 * {@code user item} pairs, S3Rec's {@code user item1 item2 ...} lines), whose separators are
 * single spaces in practice but are not specified; the toolkit's {@code DelimitedReader} splits
 * on one fixed delimiter.
 */
final class WhitespaceLines implements AutoCloseable {
  private final BufferedReader reader;
  private final List<String> tokens = new ArrayList<>();
  private long lineNo;
  private String line;

  WhitespaceLines(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Advances to the next non-blank line; false at end of file. */
  boolean next() throws IOException {
    while (true) {
      String l = reader.readLine();
      if (l == null) {
        line = null;
        return false;
      }
      lineNo++;
      if (lineNo == 1 && !l.isEmpty() && l.charAt(0) == '\uFEFF') {
        l = l.substring(1);
      }
      if (l.isBlank()) {
        continue;
      }
      line = l;
      tokens.clear();
      int n = l.length();
      int i = 0;
      while (i < n) {
        while (i < n && Character.isWhitespace(l.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < n && !Character.isWhitespace(l.charAt(i))) {
          i++;
        }
        if (i > start) {
          tokens.add(l.substring(start, i));
        }
      }
      return true;
    }
  }

  /** The tokens of the current line (a live view, valid until {@link #next()}). */
  List<String> tokens() {
    return tokens;
  }

  /** The current line as read. */
  String raw() {
    return line;
  }

  /** 1-based number of the current line. */
  long line() {
    return lineNo;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
