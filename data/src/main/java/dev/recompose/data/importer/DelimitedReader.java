package dev.recompose.data.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a delimited text file (TSV, CSV, {@code ::}-separated, {@code |}-separated) line by line,
 * splitting fields without copying and parsing numbers in place.
 *
 * <p>It exists because every MovieLens, Last.fm, MIND and generic-CSV importer needs the same
 * streaming loop with line numbers and typed field access whose errors name the file, line and
 * column. With {@code quoted} it follows RFC 4180: fields may be wrapped in double quotes, which
 * may hold delimiters, doubled quotes and line breaks.
 */
public final class DelimitedReader implements AutoCloseable {
  private final BufferedReader reader;
  private final String file;
  private final String delimiter;
  private final boolean quoted;
  private long lineNo;
  private long startLine;
  private String line;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int count;
  private final List<String> quotedFields = new ArrayList<>();
  private boolean usesQuotedFields;

  public DelimitedReader(
      InputStream in, Charset charset, String file, String delimiter, boolean quoted) {
    Objects.requireNonNull(in, "in");
    if (delimiter == null || delimiter.isEmpty()) {
      throw new IllegalArgumentException("delimiter must be non-empty");
    }
    this.reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    this.file = file;
    this.delimiter = delimiter;
    this.quoted = quoted;
  }

  /**
   * Advances to the next line that is not blank.
   *
   * @return false at end of file
   */
  public boolean next() throws IOException {
    while (true) {
      String l = reader.readLine();
      if (l == null) {
        line = null;
        return false;
      }
      lineNo++;
      if (l.isBlank()) {
        continue;
      }
      startLine = lineNo;
      if (lineNo == 1 && !l.isEmpty() && l.charAt(0) == '\uFEFF') {
        l = l.substring(1);
      }
      line = l;
      if (quoted && l.indexOf('"') >= 0) {
        splitQuoted();
      } else {
        usesQuotedFields = false;
        split();
      }
      return true;
    }
  }

  private void split() {
    count = 0;
    int from = 0;
    int dl = delimiter.length();
    while (true) {
      int at = dl == 1 ? line.indexOf(delimiter.charAt(0), from) : line.indexOf(delimiter, from);
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = from;
      ends[count] = at < 0 ? line.length() : at;
      count++;
      if (at < 0) {
        return;
      }
      from = at + dl;
    }
  }

  private void splitQuoted() throws IOException {
    usesQuotedFields = true;
    quotedFields.clear();
    StringBuilder cur = new StringBuilder();
    String l = line;
    int i = 0;
    boolean inQuotes = false;
    StringBuilder whole = new StringBuilder(l);
    while (true) {
      if (i >= l.length()) {
        if (inQuotes) {
          String more = reader.readLine();
          if (more == null) {
            throw new DataFormatException(file, startLine, quotedFields.size() + 1, null,
                "a closing double quote", null);
          }
          lineNo++;
          cur.append('\n');
          whole.append('\n').append(more);
          l = more;
          i = 0;
          continue;
        }
        quotedFields.add(cur.toString());
        break;
      }
      char c = l.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < l.length() && l.charAt(i + 1) == '"') {
            cur.append('"');
            i += 2;
            continue;
          }
          inQuotes = false;
          i++;
          continue;
        }
        cur.append(c);
        i++;
      } else if (c == '"' && cur.isEmpty()) {
        inQuotes = true;
        i++;
      } else if (l.startsWith(delimiter, i)) {
        quotedFields.add(cur.toString());
        cur.setLength(0);
        i += delimiter.length();
      } else {
        cur.append(c);
        i++;
      }
    }
    line = whole.toString();
    count = quotedFields.size();
  }

  /** The line number where the current record starts (1-based). */
  public long line() {
    return startLine;
  }

  /** The current record as read (all its lines). */
  public String raw() {
    return line;
  }

  public String file() {
    return file;
  }

  public int fieldCount() {
    return count;
  }

  /** Fails unless the record has exactly {@code n} fields. */
  public void expectFields(int n, String what) {
    if (count != n) {
      throw new DataFormatException(file, startLine, Math.min(count, n) + 1, null,
          n + " fields (" + what + ")", count + " fields: " + line);
    }
  }

  /** Fails unless the record has at least {@code n} fields. */
  public void expectAtLeast(int n, String what) {
    if (count < n) {
      throw new DataFormatException(file, startLine, count + 1, null,
          "at least " + n + " fields (" + what + ")", count + " fields: " + line);
    }
  }

  private void check(int i) {
    if (i >= count) {
      throw new DataFormatException(file, startLine, i + 1, null,
          "at least " + (i + 1) + " fields", count + " fields: " + line);
    }
  }

  /** Field {@code i} (0-based) as a string. */
  public String field(int i) {
    check(i);
    return usesQuotedFields ? quotedFields.get(i) : line.substring(starts[i], ends[i]);
  }

  /** Whether field {@code i} is empty (or absent). */
  public boolean isEmpty(int i) {
    if (i >= count) {
      return true;
    }
    return usesQuotedFields ? quotedFields.get(i).isBlank() : starts[i] == ends[i];
  }

  /** Field {@code i} parsed as an int. */
  public int intField(int i, String name) {
    check(i);
    try {
      if (usesQuotedFields) {
        return Integer.parseInt(quotedFields.get(i).strip());
      }
      return Integer.parseInt(line, starts[i], ends[i], 10);
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, startLine, i + 1, name, "an integer", field(i));
    }
  }

  /** Field {@code i} parsed as a long. */
  public long longField(int i, String name) {
    check(i);
    try {
      if (usesQuotedFields) {
        return Long.parseLong(quotedFields.get(i).strip());
      }
      return Long.parseLong(line, starts[i], ends[i], 10);
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, startLine, i + 1, name, "an integer", field(i));
    }
  }

  /** Field {@code i} parsed as a float (finite). */
  public float floatField(int i, String name) {
    String s = field(i);
    try {
      float f = Float.parseFloat(s);
      if (!Float.isFinite(f)) {
        throw new NumberFormatException();
      }
      return f;
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, startLine, i + 1, name, "a number", s);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
