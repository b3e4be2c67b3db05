package dev.recompose.data.importer.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.data.importer.BadRowPolicy;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.DelimitedReader;
import dev.recompose.data.importer.RowCounter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte scanner must agree with the delimited reader on every line, well-formed or not. */
class RatingsCsvScannerTest {
  private record Result(List<String> rows, dev.recompose.data.store.RowReport report) {}

  private static Result scan(String text, BadRowPolicy policy) throws IOException {
    RowCounter rc = new RowCounter("ratings.csv", policy);
    List<String> rows = new ArrayList<>();
    new RatingsCsvScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "ratings.csv", rc, (u, m, r, t) -> rows.add(u + "/" + m + "/" + r + "/" + t)).run();
    return new Result(rows, rc.report());
  }

  /** The reference: the delimited reader with quotes, as the other importers read CSV. */
  private static Result reference(String text, BadRowPolicy policy) throws IOException {
    RowCounter rc = new RowCounter("ratings.csv", policy);
    List<String> rows = new ArrayList<>();
    try (DelimitedReader r = new DelimitedReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
        "ratings.csv", ",", true)) {
      RowLoop.checkHeader(r, MovieLensCsvImporter.RATINGS_HEADER);
      while (r.next()) {
        rc.read();
        try {
          r.expectFields(4, MovieLensCsvImporter.RATINGS_HEADER);
          int u = r.intField(0, "userId");
          int m = r.intField(1, "movieId");
          float rating = r.floatField(2, "rating");
          if (!(rating >= 0.5f && rating <= 5f)) {
            throw new DataFormatException("ratings.csv", r.line(), 3, "rating",
                "a rating 0.5..5", r.field(2));
          }
          long t = r.longField(3, "timestamp");
          rows.add(u + "/" + m + "/" + rating + "/" + t);
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
    }
    return new Result(rows, rc.report());
  }

  private static final String[] ODD = {
    "1,2,3.5,4", "\"1\",\"2\",\"3.5\",\"4\"", "1,2,\" 4.0 \",5", "+1,2,3,4", "-7,2,3,4",
    "1,2,4.25e0,9", "2147483647,1,1,1", "2147483648,1,1,1", "1,2,0.25,4", "1,2,5.01,4",
    "1,2,5.00,4", "1,2,.5,4", "1,2,3.,4", "1,2,x,4", "1,2,,4", "1,2,3", "1,2,3,4,5", "a,2,3,4",
    "1,b,3,4", "1,2,3,t", "1,2,3,99999999999999999999", "1,2,3,-5", " 1,2,3,4", "1,2,NaN,4",
    "1,2,Infinity,4", "1, 2,3,4", "1,2,3,4 ", "1,2,3,123456789012345678", "12,345,1.5,678",
    "1,2,\"3\"\"\",4", "1,2,3.5,\"4\"", "   ", "",
  };

  @Test
  void agreesWithTheDelimitedReaderOnRandomLines() throws IOException {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder(round % 3 == 0 ? "\uFEFF" : "");
      sb.append(MovieLensCsvImporter.RATINGS_HEADER).append(round % 2 == 0 ? "\r\n" : "\n");
      int lines = rnd.nextInt(30);
      for (int i = 0; i < lines; i++) {
        if (rnd.nextInt(3) == 0) {
          sb.append(ODD[rnd.nextInt(ODD.length)]);
        } else {
          sb.append(rnd.nextInt(100_000)).append(',').append(rnd.nextInt(300_000)).append(',')
              .append(1 + rnd.nextInt(5)).append(rnd.nextBoolean() ? ".5" : ".0").append(',')
              .append(rnd.nextLong(2_000_000_000L));
        }
        if (i < lines - 1 || rnd.nextBoolean()) {
          sb.append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
        }
      }
      String text = sb.toString();
      Result want = reference(text, BadRowPolicy.SKIP);
      Result got = scan(text, BadRowPolicy.SKIP);
      assertEquals(want, got, text);
    }
  }

  @Test
  void failsWithTheDelimitedReadersMessages() {
    for (String odd : ODD) {
      String text = MovieLensCsvImporter.RATINGS_HEADER + "\n1,1,1,1\n" + odd + "\n";
      String want = message(() -> reference(text, BadRowPolicy.FAIL));
      String got = message(() -> scan(text, BadRowPolicy.FAIL));
      assertEquals(want, got, odd);
    }
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> scan("", BadRowPolicy.FAIL));
    assertEquals("ratings.csv:1: expected the header 'userId,movieId,rating,timestamp',"
        + " found 'an empty file'", e.getMessage());
  }

  @Test
  void linesLongerThanTheBufferAndNoFinalNewline() throws IOException {
    StringBuilder sb = new StringBuilder(MovieLensCsvImporter.RATINGS_HEADER + "\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i).append(",7,2.5,").append(1_000_000_000L + i).append('\n');
    }
    sb.append("1,2,\"").append("9".repeat(200_000)).append("\",4\n");
    sb.append("5,6,4.5,1700000000");
    Result want = reference(sb.toString(), BadRowPolicy.SKIP);
    Result got = scan(sb.toString(), BadRowPolicy.SKIP);
    assertEquals(want, got);
    assertEquals(20_001, got.rows().size());
    assertEquals("5/6/4.5/1700000000", got.rows().get(20_000));
  }

  private interface Call {
    Object run() throws IOException;
  }

  private static String message(Call c) {
    try {
      c.run();
      return "no error";
    } catch (DataFormatException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
