package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.RowCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a MovieLens {@code ratings.csv} ({@code userId,movieId,rating,timestamp}) straight from
 * bytes: each line of the plain form ({@code 1,296,5.0,1147880044}) is parsed in place with no
 * object allocated; any other line (quotes, signs, exponents, damage) is decoded and parsed like
 * {@link dev.recompose.data.importer.DelimitedReader} with {@code quoted=true} would, so the
 * results and the error messages ({@code ratings.csv:3: column 2 (movieId): expected an integer,
 * found 'x1'}) are the same.
 *
 * <p>It exists because this file is the benchmarked one (tens of millions of rows): decoding
 * every line into a String and splitting it costs more than everything else in the import
 * together. Rows are single lines (a quoted field cannot span lines here). Blank lines are
 * skipped and not counted, as with the delimited reader.
 */
final class RatingsCsvScanner {
  /** Receives each well-formed rating. */
  @FunctionalInterface
  interface Sink {
    void accept(int user, int movie, float rating, long timestamp);
  }

  private static final int EXPECTED_FIELDS = 4;

  private final InputStream in;
  private final String file;
  private final RowCounter counter;
  private final Sink sink;
  private byte[] buf = new byte[1 << 16];
  private int limit;
  private boolean eof;
  private long lineNo;
  // fast-path results
  private int user;
  private int movie;
  private float rating;
  private long time;

  RatingsCsvScanner(InputStream in, String file, RowCounter counter, Sink sink) {
    this.in = in;
    this.file = file;
    this.counter = counter;
    this.sink = sink;
  }

  /** Reads the whole stream: the header line, then every row. */
  void run() throws IOException {
    int pos = 0;
    boolean first = true;
    while (true) {
      int nl = indexOf(buf, pos, limit);
      if (nl < 0) {
        if (eof) {
          if (pos < limit) {
            first = line(pos, limit, first);
          }
          if (first) {
            throw new DataFormatException(file, 1, 0, null,
                "the header '" + MovieLensCsvImporter.RATINGS_HEADER + "'", "an empty file");
          }
          return;
        }
        // keep the partial line, read more
        int rest = limit - pos;
        if (pos == 0 && rest == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        } else {
          System.arraycopy(buf, pos, buf, 0, rest);
        }
        limit = rest;
        pos = 0;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
          eof = true;
        } else {
          limit += n;
        }
        continue;
      }
      first = line(pos, nl, first);
      pos = nl + 1;
    }
  }

  private static int indexOf(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Handles the line {@code buf[from, to)}; returns whether the header is still to come. */
  private boolean line(int from, int to, boolean header) {
    lineNo++;
    if (to > from && buf[to - 1] == '\r') {
      to--;
    }
    if (header && lineNo == 1 && to - from >= 3 && buf[from] == (byte) 0xEF
        && buf[from + 1] == (byte) 0xBB && buf[from + 2] == (byte) 0xBF) {
      from += 3;
    }
    if (blank(from, to)) {
      return header;
    }
    if (header) {
      String h = new String(buf, from, to - from, StandardCharsets.UTF_8);
      if (!h.strip().equals(MovieLensCsvImporter.RATINGS_HEADER)) {
        throw new DataFormatException(file, lineNo, 0, null,
            "the header '" + MovieLensCsvImporter.RATINGS_HEADER + "'", h);
      }
      return false;
    }
    counter.read();
    try {
      if (!fast(from, to)) {
        slow(new String(buf, from, to - from, StandardCharsets.UTF_8));
      }
      sink.accept(user, movie, rating, time);
      counter.kept();
    } catch (DataFormatException e) {
      counter.bad(e);
    }
    return false;
  }

  private boolean blank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != 0x0B && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /** Parses {@code digits,digits,d[.d[d]],digits}; false when the line has any other form. */
  private boolean fast(int p, int to) {
    byte[] b = buf;
    int start = p;
    int u = 0;
    while (p < to && b[p] >= '0' && b[p] <= '9' && p - start < 9) {
      u = u * 10 + (b[p++] - '0');
    }
    if (p == start || p >= to || b[p] != ',') {
      return false;
    }
    start = ++p;
    int m = 0;
    while (p < to && b[p] >= '0' && b[p] <= '9' && p - start < 9) {
      m = m * 10 + (b[p++] - '0');
    }
    if (p == start || p >= to || b[p] != ',') {
      return false;
    }
    p++;
    if (p >= to || b[p] < '0' || b[p] > '9') {
      return false;
    }
    int whole = b[p++] - '0';
    float r;
    if (p < to && b[p] == '.') {
      p++;
      start = p;
      int frac = 0;
      while (p < to && b[p] >= '0' && b[p] <= '9' && p - start < 2) {
        frac = frac * 10 + (b[p++] - '0');
      }
      if (p == start) {
        return false;
      }
      // one correctly rounded division of exact integers: the float Float.parseFloat gives
      r = p - start == 1 ? (whole * 10 + frac) / 10f : (whole * 100 + frac) / 100f;
    } else {
      r = whole;
    }
    if (p >= to || b[p] != ',' || !(r >= 0.5f && r <= 5f)) {
      return false;
    }
    start = ++p;
    long t = 0;
    while (p < to && b[p] >= '0' && b[p] <= '9' && p - start < 18) {
      t = t * 10 + (b[p++] - '0');
    }
    if (p == start || p != to) {
      return false;
    }
    user = u;
    movie = m;
    rating = r;
    time = t;
    return true;
  }

  /** Any other line: split with RFC-4180 quotes and parse like the delimited reader. */
  private void slow(String line) {
    List<String> f = new ArrayList<>();
    boolean quotedAny = split(line, f);
    if (f.size() != EXPECTED_FIELDS) {
      throw new DataFormatException(file, lineNo, Math.min(f.size(), EXPECTED_FIELDS) + 1, null,
          EXPECTED_FIELDS + " fields (" + MovieLensCsvImporter.RATINGS_HEADER + ")",
          f.size() + " fields: " + line);
    }
    user = (int) integer(f, 0, "userId", quotedAny, true);
    movie = (int) integer(f, 1, "movieId", quotedAny, true);
    String rs = f.get(2);
    float r = MovieLensCsvImporter.simpleDecimal(rs);
    if (Float.isNaN(r)) {
      try {
        r = Float.parseFloat(rs);
        if (!Float.isFinite(r)) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new DataFormatException(file, lineNo, 3, "rating", "a number", rs);
      }
    }
    if (!(r >= 0.5f && r <= 5f)) {
      throw new DataFormatException(file, lineNo, 3, "rating", "a rating 0.5..5", rs);
    }
    rating = r;
    time = integer(f, 3, "timestamp", quotedAny, false);
  }

  private long integer(List<String> f, int i, String name, boolean quoted, boolean asInt) {
    String s = quoted ? f.get(i).strip() : f.get(i);
    try {
      return asInt ? Integer.parseInt(s) : Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, lineNo, i + 1, name, "an integer", f.get(i));
    }
  }

  /** Splits one line on commas, honouring double quotes; returns whether any quote was seen. */
  private boolean split(String l, List<String> out) {
    if (l.indexOf('"') < 0) {
      int from = 0;
      while (true) {
        int at = l.indexOf(',', from);
        out.add(at < 0 ? l.substring(from) : l.substring(from, at));
        if (at < 0) {
          return false;
        }
        from = at + 1;
      }
    }
    StringBuilder cur = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < l.length() && l.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            inQuotes = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.isEmpty()) {
        inQuotes = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (inQuotes) {
      throw new DataFormatException(file, lineNo, out.size() + 1, null,
          "a closing double quote on the same line", null);
    }
    out.add(cur.toString());
    return true;
  }
}
