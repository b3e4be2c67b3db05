package dev.recompose.data.importer.formats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the dates of the UCSD Goodreads files, e.g. {@code Fri Aug 25 13:55:02 -0700 2017}
 * (the Ruby/Twitter {@code %a %b %d %H:%M:%S %z %Y} form), into Unix seconds.
 *
 * <p>It exists because the interactions files hold hundreds of millions of such dates: the
 * fixed-width form is read by position, and only other shapes go through the (slower)
 * {@link DateTimeFormatter}.
 */
final class GoodreadsDates {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss xx yyyy", Locale.ENGLISH);
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private GoodreadsDates() {}

  /** Unix seconds of {@code s}; throws {@link IllegalArgumentException} when it is malformed. */
  static long parse(String s) {
    if (s.length() == 30 && s.charAt(3) == ' ' && s.charAt(7) == ' ' && s.charAt(10) == ' '
        && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(19) == ' '
        && s.charAt(25) == ' ') {
      int month = MONTHS.indexOf(s.substring(4, 7));
      int day = digits(s, 8, 10);
      int hour = digits(s, 11, 13);
      int min = digits(s, 14, 16);
      int sec = digits(s, 17, 19);
      char sign = s.charAt(20);
      int offH = digits(s, 21, 23);
      int offM = digits(s, 23, 25);
      int year = digits(s, 26, 30);
      if (month >= 0 && month % 3 == 0 && day >= 1 && day <= 31 && hour < 24 && min < 60
          && sec < 61 && (sign == '+' || sign == '-') && offH >= 0 && offM >= 0 && year >= 0) {
        try {
          long days = LocalDate.of(year, month / 3 + 1, day).toEpochDay();
          int offset = (sign == '-' ? -1 : 1) * (offH * 3600 + offM * 60);
          return days * 86_400L + hour * 3600L + min * 60L + sec - offset;
        } catch (java.time.DateTimeException e) {
          throw new IllegalArgumentException(s, e);
        }
      }
    }
    try {
      return OffsetDateTime.parse(s.strip(), FORMAT).toEpochSecond();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
