package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.DelimitedReader;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.importer.RowCounter;
import dev.recompose.data.importer.TrackedSource;
import dev.recompose.data.log.EntityTableBuilder;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.InteractionLogBuilder;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports MovieLens 100K as GroupLens distributes it: {@code u.data} (tab-separated user, item,
 * rating, Unix time), {@code u.item} (latin-1, {@code |}-separated, 19 genre flags),
 * {@code u.genre} and {@code u.user}.
 *
 * <p>Harper and Konstan, "The MovieLens Datasets: History and Context", ACM TiiS 5(4), 2015.
 * Item text: title (with the year stripped into its own field), release year, genres; user
 * features: age, gender, occupation, zip code.
 */
public final class MovieLens100kImporter implements Importer {
  private static final Pattern YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})\\)\\s*$");

  @Override
  public String format() {
    return "movielens-100k";
  }

  @Override
  public String description() {
    return "MovieLens 100K folder (u.data, u.item, u.genre, u.user)";
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    Path dir = req.from();
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    EntityTableBuilder itemTable =
        new EntityTableBuilder()
            .textField("title", "movie title without the year")
            .numberField("year", "release year from the title, NaN when absent")
            .textField("release_date", "release date as given")
            .categoriesField("genres", "genres (u.genre names)");
    EntityTableBuilder userTable =
        new EntityTableBuilder()
            .numberField("age", "age in years")
            .categoryField("gender", "M or F")
            .categoryField("occupation", "occupation (u.occupation names)")
            .categoryField("zip", "zip code");

    List<String> genreNames = readGenres(dir.resolve("u.genre"), req, reports, sources);
    readItems(dir.resolve("u.item"), req, items, itemTable, genreNames, reports, sources);
    if (Files.exists(dir.resolve("u.user"))) {
      readUsers(dir.resolve("u.user"), req, users, userTable, reports, sources);
    }
    InteractionLogBuilder log = new InteractionLogBuilder(true, true, false);
    Path data = dir.resolve("u.data");
    RowCounter rc = new RowCounter("u.data", req.onBadRow());
    try (TrackedSource src = TrackedSource.open(data, req.progress());
        DelimitedReader r =
            new DelimitedReader(src.stream(), StandardCharsets.ISO_8859_1, "u.data", "\t", false)) {
      while (r.next()) {
        rc.read();
        try {
          r.expectFields(4, "user, item, rating, timestamp");
          String u = r.field(0);
          String i = r.field(1);
          float rating = r.floatField(2, "rating");
          long ts = r.longField(3, "timestamp");
          if (rating < 1 || rating > 5) {
            throw new DataFormatException("u.data", r.line(), 3, "rating", "a rating 1..5",
                r.field(2));
          }
          log.add(users.code(u), items.code(i), ts, rating, (byte) 1);
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());
    return new ImportedData("ml-100k", users, items, log.build(), itemTable, userTable, null,
        reports, sources, Map.of("feedback", "explicit ratings 1-5"));
  }

  private static List<String> readGenres(Path file, ImportRequest req, List<RowReport> reports,
      List<SourceFile> sources) throws IOException {
    List<String> names = new ArrayList<>();
    RowCounter rc = new RowCounter("u.genre", req.onBadRow());
    try (TrackedSource src = TrackedSource.open(file, req.progress());
        DelimitedReader r =
            new DelimitedReader(src.stream(), StandardCharsets.ISO_8859_1, "u.genre", "|", false)) {
      while (r.next()) {
        rc.read();
        r.expectFields(2, "genre name, genre index");
        int idx = r.intField(1, "genre index");
        if (idx != names.size()) {
          throw new DataFormatException("u.genre", r.line(), 2, "genre index",
              "index " + names.size(), r.field(1));
        }
        names.add(r.field(0));
        rc.kept();
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());
    return names;
  }

  private static void readItems(Path file, ImportRequest req, IdIndex items,
      EntityTableBuilder table, List<String> genres, List<RowReport> reports,
      List<SourceFile> sources) throws IOException {
    RowCounter rc = new RowCounter("u.item", req.onBadRow());
    int fields = 5 + genres.size();
    try (TrackedSource src = TrackedSource.open(file, req.progress());
        DelimitedReader r =
            new DelimitedReader(src.stream(), StandardCharsets.ISO_8859_1, "u.item", "|", false)) {
      while (r.next()) {
        rc.read();
        try {
          r.expectFields(fields, "id, title, release date, video date, URL, " + genres.size()
              + " genre flags");
          List<String> g = new ArrayList<>();
          for (int k = 0; k < genres.size(); k++) {
            int flag = r.intField(5 + k, "genre " + genres.get(k));
            if (flag != 0 && flag != 1) {
              throw new DataFormatException("u.item", r.line(), 6 + k, genres.get(k), "0 or 1",
                  r.field(5 + k));
            }
            if (flag == 1) {
              g.add(genres.get(k));
            }
          }
          int code = items.code(r.field(0));
          String title = r.field(1);
          Matcher m = YEAR.matcher(title);
          float year = Float.NaN;
          if (m.matches()) {
            title = m.group(1);
            year = Float.parseFloat(m.group(2));
          }
          table.text("title", code, title);
          table.number("year", code, year);
          table.text("release_date", code, r.field(2));
          table.categories("genres", code, g);
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());
  }

  private static void readUsers(Path file, ImportRequest req, IdIndex users,
      EntityTableBuilder table, List<RowReport> reports, List<SourceFile> sources)
      throws IOException {
    RowCounter rc = new RowCounter("u.user", req.onBadRow());
    try (TrackedSource src = TrackedSource.open(file, req.progress());
        DelimitedReader r =
            new DelimitedReader(src.stream(), StandardCharsets.ISO_8859_1, "u.user", "|", false)) {
      while (r.next()) {
        rc.read();
        try {
          r.expectFields(5, "id, age, gender, occupation, zip");
          float age = r.intField(1, "age");
          int code = users.code(r.field(0));
          table.number("age", code, age);
          table.category("gender", code, r.field(2));
          table.category("occupation", code, r.field(3));
          table.category("zip", code, r.field(4));
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());
  }
}
