package dev.recompose.data.importer.formats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MovieLens title split into the title proper and its release year, e.g. {@code "Toy Story
 * (1995)"} into {@code "Toy Story"} and 1995.
 *
 * <p>It exists because every MovieLens release writes the year into the title; models that read
 * item text are better served by the title alone and the year as a number. Titles without a
 * trailing {@code (yyyy)} keep their text and get a NaN year.
 *
 * @param title the title without the trailing year
 * @param year the year, or NaN when the title has none
 */
record MovieTitles(String title, float year) {
  private static final Pattern YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})\\)\\s*$");

  static MovieTitles split(String raw) {
    Matcher m = YEAR.matcher(raw);
    if (m.matches()) {
      return new MovieTitles(m.group(1), Float.parseFloat(m.group(2)));
    }
    return new MovieTitles(raw.strip(), Float.NaN);
  }
}
