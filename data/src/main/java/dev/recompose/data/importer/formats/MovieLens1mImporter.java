package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.log.EntityTableBuilder;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.InteractionLog;
import dev.recompose.data.log.InteractionLogBuilder;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports MovieLens 1M as GroupLens distributes it: {@code ratings.dat}
 * ({@code UserID::MovieID::Rating::Timestamp}), {@code movies.dat}
 * ({@code MovieID::Title::Genres}, latin-1, genres {@code |}-separated) and {@code users.dat}
 * ({@code UserID::Gender::Age::Occupation::Zip-code}).
 *
 * <p>Harper and Konstan, "The MovieLens Datasets: History and Context", ACM TiiS 5(4), 2015.
 * Item text: title (year stripped into its own number field), genres. User features: gender,
 * age (the README's age-group code as a number and the group's label as a category), occupation
 * (the README's 0-20 code mapped to its name) and zip code. Movies rated but absent from
 * {@code movies.dat} stay as text-less items, counted in the notes.
 */
public final class MovieLens1mImporter implements Importer {
  /** Occupation names by code, as listed in the ML-1M README. */
  static final List<String> OCCUPATIONS = List.of(
      "other or not specified", "academic/educator", "artist", "clerical/admin",
      "college/grad student", "customer service", "doctor/health care", "executive/managerial",
      "farmer", "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing",
      "scientist", "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed",
      "writer");

  /** Age-group labels by code, as listed in the ML-1M README. */
  static final Map<Integer, String> AGE_GROUPS;

  static {
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(1, "Under 18");
    m.put(18, "18-24");
    m.put(25, "25-34");
    m.put(35, "35-44");
    m.put(45, "45-49");
    m.put(50, "50-55");
    m.put(56, "56+");
    AGE_GROUPS = java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public String format() {
    return "movielens-1m";
  }

  @Override
  public String description() {
    return "MovieLens 1M folder (ratings.dat, movies.dat, users.dat; '::'-separated)";
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    Path dir = req.from();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("movielens-1m: --from must be the ml-1m folder holding"
          + " ratings.dat, movies.dat and users.dat, found " + dir);
    }
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    EntityTableBuilder itemTable = new EntityTableBuilder()
        .textField("title", "movie title without the year")
        .numberField("year", "release year from the title, NaN when absent")
        .categoriesField("genres", "genres as listed in movies.dat");
    EntityTableBuilder userTable = new EntityTableBuilder()
        .categoryField("gender", "M or F")
        .numberField("age", "age-group code of the README (1, 18, 25, 35, 45, 50, 56)")
        .categoryField("age_group", "age group label of the README, e.g. 18-24")
        .categoryField("occupation", "occupation name (README codes 0-20)")
        .categoryField("zip", "zip code");

    RowLoop.delimited(req, dir.resolve("movies.dat"), StandardCharsets.ISO_8859_1, "::", false,
        null, reports, sources, r -> {
          r.expectFields(3, "MovieID, Title, Genres");
          r.intField(0, "MovieID");
          int code = items.code(r.field(0));
          MovieTitles t = MovieTitles.split(r.field(1));
          itemTable.text("title", code, t.title());
          itemTable.number("year", code, t.year());
          itemTable.categories("genres", code, List.of(r.field(2).split("\\|")));
          return null;
        });
    int described = items.size();
    int[] usersDescribed = {0};
    Path usersFile = dir.resolve("users.dat");
    if (Files.exists(usersFile)) {
      RowLoop.delimited(req, usersFile, StandardCharsets.ISO_8859_1, "::", false, null, reports,
          sources, r -> {
            r.expectFields(5, "UserID, Gender, Age, Occupation, Zip-code");
            r.intField(0, "UserID");
            String gender = r.field(1);
            if (!gender.equals("M") && !gender.equals("F")) {
              throw new DataFormatException(r.file(), r.line(), 2, "Gender", "M or F", gender);
            }
            int age = r.intField(2, "Age");
            String group = AGE_GROUPS.get(age);
            if (group == null) {
              throw new DataFormatException(r.file(), r.line(), 3, "Age",
                  "an age code " + AGE_GROUPS.keySet(), r.field(2));
            }
            int occ = r.intField(3, "Occupation");
            if (occ < 0 || occ >= OCCUPATIONS.size()) {
              throw new DataFormatException(r.file(), r.line(), 4, "Occupation",
                  "an occupation code 0-20", r.field(3));
            }
            int code = users.code(r.field(0));
            userTable.category("gender", code, gender);
            userTable.number("age", code, age);
            userTable.category("age_group", code, group);
            userTable.category("occupation", code, OCCUPATIONS.get(occ));
            userTable.category("zip", code, r.field(4));
            usersDescribed[0] = users.size();
            return null;
          });
    }
    InteractionLogBuilder log = new InteractionLogBuilder(true, true, false);
    RowLoop.delimited(req, dir.resolve("ratings.dat"), StandardCharsets.ISO_8859_1, "::", false,
        null, reports, sources, r -> {
          r.expectFields(4, "UserID, MovieID, Rating, Timestamp");
          r.intField(0, "UserID");
          r.intField(1, "MovieID");
          int rating = r.intField(2, "Rating");
          if (rating < 1 || rating > 5) {
            throw new DataFormatException(r.file(), r.line(), 3, "Rating", "a rating 1..5",
                r.field(2));
          }
          long ts = r.longField(3, "Timestamp");
          log.add(users.code(r.field(0)), items.code(r.field(1)), ts, rating, (byte) 1);
          return null;
        });
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("feedback", "explicit ratings 1-5");
    notes.put("items_without_text", Integer.toString(items.size() - described));
    notes.put("users_without_features", Integer.toString(users.size() - usersDescribed[0]));
    notes.put("files_not_read", RowLoop.unread(dir, sources));
    InteractionLog built = log.build();
    return new ImportedData("ml-1m", users, items, built, itemTable, userTable, null, reports,
        sources, notes);
  }
}
