package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.importer.RowCounter;
import dev.recompose.data.importer.TrackedSource;
import dev.recompose.data.log.EntityTableBuilder;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Imports the CSV releases of MovieLens (20M, 25M, 32M and the "latest" snapshots) as GroupLens
 * distributes them: {@code ratings.csv} ({@code userId,movieId,rating,timestamp}),
 * {@code movies.csv} ({@code movieId,title,genres}, RFC-4180 quoted titles) and, when present,
 * {@code tags.csv} ({@code userId,movieId,tag,timestamp}).
 *
 * <p>Harper and Konstan, "The MovieLens Datasets: History and Context", ACM TiiS 5(4), 2015.
 * Item text: title (year stripped into a number field), genres ({@code (no genres listed)} is no
 * genre) and the distinct tags users gave the movie, in order of first appearance, as the
 * multi-valued {@code tags} field; tag rows are counted, not turned into interactions. Other files
 * of the release ({@code links.csv}, {@code genome-*}) are not read.
 *
 * <p>This importer is the one benchmarked on tens of millions of rows: {@code ratings.csv} is
 * parsed from bytes in place ({@link RatingsCsvScanner}) and the integer user and movie ids are
 * coded through a primitive {@link IntCodeMap}, so no object is allocated per rating. The
 * vocabularies hold the ids in decimal form.
 */
public final class MovieLensCsvImporter implements Importer {
  static final String RATINGS_HEADER = "userId,movieId,rating,timestamp";
  static final String MOVIES_HEADER = "movieId,title,genres";
  static final String TAGS_HEADER = "userId,movieId,tag,timestamp";
  static final String NO_GENRES = "(no genres listed)";

  @Override
  public String format() {
    return "movielens-csv";
  }

  @Override
  public String description() {
    return "MovieLens 20M/25M/32M CSV folder (ratings.csv, movies.csv, optional tags.csv)";
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    Path dir = req.from();
    if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("ratings.csv"))) {
      throw new IllegalArgumentException("movielens-csv: --from must be a folder holding"
          + " ratings.csv (and movies.csv, tags.csv), found " + dir);
    }
    IntCodeMap users = new IntCodeMap();
    IntCodeMap items = new IntCodeMap();
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    EntityTableBuilder itemTable = new EntityTableBuilder()
        .textField("title", "movie title without the year")
        .numberField("year", "release year from the title, NaN when absent")
        .categoriesField("genres", "genres as listed in movies.csv");
    Path movies = dir.resolve("movies.csv");
    if (Files.exists(movies)) {
      RowLoop.delimited(req, movies, StandardCharsets.UTF_8, ",", true, MOVIES_HEADER, reports,
          sources, r -> {
            r.expectFields(3, MOVIES_HEADER);
            int code = items.code(r.intField(0, "movieId"));
            MovieTitles t = MovieTitles.split(r.field(1));
            itemTable.text("title", code, t.title());
            itemTable.number("year", code, t.year());
            String g = r.field(2);
            itemTable.categories("genres", code,
                g.equals(NO_GENRES) ? List.of() : List.of(g.split("\\|")));
            return null;
          });
    }
    int described = items.size();
    InteractionLog log = readRatings(req, dir.resolve("ratings.csv"), users, items, reports,
        sources);
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("feedback", "explicit ratings 0.5-5 in half stars");
    notes.put("items_without_text", Integer.toString(items.size() - described));
    Path tags = dir.resolve("tags.csv");
    if (Files.exists(tags)) {
      itemTable.categoriesField("tags", "distinct tags users gave the movie (tags.csv),"
          + " first appearance first");
      int tagged = readTags(req, tags, items, itemTable, reports, sources);
      notes.put("items_with_tags", Integer.toString(tagged));
    }
    notes.put("files_not_read", RowLoop.unread(dir, sources));
    String name = dir.toAbsolutePath().normalize().getFileName() == null ? "movielens"
        : dir.toAbsolutePath().normalize().getFileName().toString();
    return new ImportedData(name, users.toIdIndex(), items.toIdIndex(), log, itemTable, null,
        null, reports, sources, notes);
  }

  /** The hot loop: bytes parsed in place ({@link RatingsCsvScanner}), two primitive look-ups. */
  private static InteractionLog readRatings(ImportRequest req, Path file, IntCodeMap users,
      IntCodeMap items, List<RowReport> reports, List<SourceFile> sources) throws IOException {
    InteractionLogBuilder log = new InteractionLogBuilder(true, true, false);
    String name = file.getFileName().toString();
    RowCounter rc = new RowCounter(name, req.onBadRow());
    try (TrackedSource src = TrackedSource.open(file, req.progress())) {
      // ratings.csv is sorted by user: remember the last user's code
      int[] last = {0, -1};
      new RatingsCsvScanner(src.stream(), name, rc, (user, movie, rating, ts) -> {
        if (last[1] < 0 || user != last[0]) {
          last[0] = user;
          last[1] = users.code(user);
        }
        log.add(last[1], items.code(movie), ts, rating, (byte) 1);
      }).run();
      sources.add(src.finish());
    }
    reports.add(rc.report());
    return log.build();
  }

  /**
   * Parses {@code d}, {@code d.d} or {@code d.dd} (how every MovieLens rating is written) without
   * the general float parser; NaN for anything else, which the caller hands to the general parser.
   */
  static float simpleDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > 4 || n == 2) {
      return Float.NaN;
    }
    int whole = s.charAt(0) - '0';
    if (whole < 0 || whole > 9) {
      return Float.NaN;
    }
    if (n == 1) {
      return whole;
    }
    if (s.charAt(1) != '.') {
      return Float.NaN;
    }
    int frac = 0;
    for (int i = 2; i < n; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return Float.NaN;
      }
      frac = frac * 10 + d;
    }
    // one correctly rounded division of exact integers: the same float as Float.parseFloat
    return n == 3 ? (whole * 10 + frac) / 10f : (whole * 100 + frac) / 100f;
  }

  private static int readTags(ImportRequest req, Path file, IntCodeMap items,
      EntityTableBuilder itemTable, List<RowReport> reports, List<SourceFile> sources)
      throws IOException {
    List<LinkedHashSet<String>> byItem = new ArrayList<>();
    RowLoop.delimited(req, file, StandardCharsets.UTF_8, ",", true, TAGS_HEADER, reports,
        sources, r -> {
          r.expectFields(4, TAGS_HEADER);
          r.intField(0, "userId");
          int movie = r.intField(1, "movieId");
          r.longField(3, "timestamp");
          String tag = r.field(2).strip();
          if (tag.isEmpty()) {
            return "empty tag";
          }
          int code = items.find(movie);
          if (code < 0) {
            return "movie in neither movies.csv nor ratings.csv";
          }
          while (byItem.size() <= code) {
            byItem.add(null);
          }
          if (byItem.get(code) == null) {
            byItem.set(code, new LinkedHashSet<>());
          }
          byItem.get(code).add(tag);
          return null;
        });
    int tagged = 0;
    for (int code = 0; code < byItem.size(); code++) {
      if (byItem.get(code) != null) {
        itemTable.categories("tags", code, List.copyOf(byItem.get(code)));
        tagged++;
      }
    }
    return tagged;
  }
}
