package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.log.EntityTableBuilder;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.InteractionLogBuilder;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the HetRec 2011 Last.fm dataset ({@code hetrec2011-lastfm-2k}) as GroupLens distributes
 * it: {@code user_artists.dat} ({@code userID\tartistID\tweight}, the listening count),
 * {@code artists.dat} ({@code id\tname\turl\tpictureURL}), {@code tags.dat}
 * ({@code tagID\ttagValue}) and, when present, the tag assignments
 * {@code user_taggedartists-timestamps.dat} or {@code user_taggedartists.dat}. Every file has a
 * header line and tab-separated fields.
 *
 * <p>Cantador, Brusilovsky and Kuflik, "2nd Workshop on Information Heterogeneity and Fusion in
 * Recommender Systems (HetRec 2011)", RecSys 2011; data from Last.fm (http://www.lastfm.com).
 *
 * <p>Interactions are implicit: the rating column holds the listening count. The source has no
 * listening times, so the store orders each user's artists by file order. Items: the artist
 * name and URL; artists listened to but missing from {@code artists.dat} keep text-less rows and
 * are counted in the notes. Tags: the names of the tags users assigned to each artist, most
 * assigned first (ties in order of first assignment), as the multi-valued {@code tags} field.
 * The tagging dates describe when a tag was given, not when the music was heard, so they are
 * validated but not used as interaction times; when both assignment files exist only the
 * {@code -timestamps} one is read (they hold the same assignments).
 *
 * <p>Encodings: the original {@code tags.dat} is latin-1, some re-distributed copies are UTF-8
 * (with the latin-1 letters already replaced by U+FFFD). With {@code encoding=auto} (default)
 * each text file is decoded as UTF-8 when it is valid UTF-8 and as latin-1 otherwise; names that
 * contain U+FFFD are counted in the notes.
 */
public final class LastfmHetrecImporter implements Importer {
  static final String ARTISTS_HEADER = "id\tname\turl\tpictureURL";
  static final String USER_ARTISTS_HEADER = "userID\tartistID\tweight";
  static final String TAGS_HEADER = "tagID\ttagValue";
  static final String TAGGED_HEADER = "userID\tartistID\ttagID\tday\tmonth\tyear";
  static final String TAGGED_TS_HEADER = "userID\tartistID\ttagID\ttimestamp";

  @Override
  public String format() {
    return "lastfm-hetrec";
  }

  @Override
  public String description() {
    return "Last.fm hetrec2011-lastfm-2k folder (user_artists.dat, artists.dat, tags.dat,"
        + " user_taggedartists*.dat)";
  }

  @Override
  public Map<String, String> options() {
    return Map.of("encoding", "charset of artists.dat and tags.dat: auto (default: UTF-8 when"
        + " valid, else latin-1), utf-8 or latin-1");
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    Path dir = req.from();
    if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("user_artists.dat"))) {
      throw new IllegalArgumentException("lastfm-hetrec: --from must be the hetrec2011-lastfm-2k"
          + " folder holding user_artists.dat, found " + dir);
    }
    String encoding = req.option("encoding", "auto");
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("feedback", "implicit: the rating column holds the listening count");
    notes.put("timestamps", "none in the source: each user's artists keep their file order");
    EntityTableBuilder itemTable = new EntityTableBuilder()
        .textField("name", "artist name")
        .textField("url", "Last.fm page of the artist");

    Path artists = dir.resolve("artists.dat");
    int[] replaced = {0};
    if (Files.exists(artists)) {
      Charset cs = TextEncoding.resolve(encoding, artists);
      notes.put("artists_encoding", cs.name());
      RowLoop.delimited(req, artists, cs, "\t", false, ARTISTS_HEADER, reports, sources, r -> {
        r.expectAtLeast(2, "id, name, url, pictureURL");
        r.intField(0, "id");
        int code = items.code(r.field(0));
        String name = r.field(1);
        replaced[0] += name.indexOf('\uFFFD') >= 0 ? 1 : 0;
        itemTable.text("name", code, name);
        itemTable.text("url", code, r.fieldCount() > 2 ? r.field(2) : "");
        return null;
      });
      notes.put("artist_names_with_replacement_char", Integer.toString(replaced[0]));
    }
    int described = items.size();

    InteractionLogBuilder log = new InteractionLogBuilder(false, true, false);
    RowLoop.delimited(req, dir.resolve("user_artists.dat"), StandardCharsets.UTF_8, "\t", false,
        USER_ARTISTS_HEADER, reports, sources, r -> {
          r.expectFields(3, "userID, artistID, weight");
          r.intField(0, "userID");
          r.intField(1, "artistID");
          long weight = r.longField(2, "weight");
          if (weight < 0) {
            throw new DataFormatException(r.file(), r.line(), 3, "weight",
                "a listening count >= 0", r.field(2));
          }
          log.add(users.code(r.field(0)), items.code(r.field(1)), 0L, weight, (byte) 1);
          return null;
        });
    notes.put("artists_without_text", Integer.toString(items.size() - described));

    Map<Integer, String> tagNames = new HashMap<>();
    Path tags = dir.resolve("tags.dat");
    if (Files.exists(tags)) {
      Charset cs = TextEncoding.resolve(encoding, tags);
      notes.put("tags_encoding", cs.name());
      int[] tagsReplaced = {0};
      RowLoop.delimited(req, tags, cs, "\t", false, TAGS_HEADER, reports, sources, r -> {
        r.expectFields(2, "tagID, tagValue");
        int id = r.intField(0, "tagID");
        String name = r.field(1).strip();
        if (name.isEmpty()) {
          return "empty tag name";
        }
        tagsReplaced[0] += name.indexOf('\uFFFD') >= 0 ? 1 : 0;
        if (tagNames.putIfAbsent(id, name) != null) {
          return "duplicate tagID";
        }
        return null;
      });
      notes.put("tag_names_with_replacement_char", Integer.toString(tagsReplaced[0]));
    }
    Path taggedTs = dir.resolve("user_taggedartists-timestamps.dat");
    Path tagged = dir.resolve("user_taggedartists.dat");
    Path assignments = Files.exists(taggedTs) ? taggedTs : Files.exists(tagged) ? tagged : null;
    if (assignments == null) {
      notes.put("tag_assignments", "absent (no user_taggedartists*.dat): no tags field");
    } else {
      if (!Files.exists(tags)) {
        throw new IllegalArgumentException("lastfm-hetrec: " + assignments.getFileName()
            + " needs tags.dat for the tag names, not found in " + dir);
      }
      notes.put("tag_assignments", assignments.getFileName().toString());
      itemTable.categoriesField("tags", "tags users assigned to the artist, most assigned first");
      readAssignments(req, assignments, assignments == taggedTs, items, tagNames, itemTable,
          reports, sources);
    }
    notes.put("files_not_read", RowLoop.unread(dir, sources));
    return new ImportedData("lastfm-hetrec2011-2k", users, items, log.build(), itemTable, null,
        null, reports, sources, notes);
  }

  private static void readAssignments(ImportRequest req, Path file, boolean timestamps,
      IdIndex items, Map<Integer, String> tagNames, EntityTableBuilder itemTable,
      List<RowReport> reports, List<SourceFile> sources) throws IOException {
    // per artist code: tag id -> {count, first assignment row}
    Map<Integer, LinkedHashMap<Integer, long[]>> byArtist = new HashMap<>();
    long[] row = {0};
    RowLoop.delimited(req, file, StandardCharsets.UTF_8, "\t", false,
        timestamps ? TAGGED_TS_HEADER : TAGGED_HEADER, reports, sources, r -> {
          if (timestamps) {
            r.expectFields(4, "userID, artistID, tagID, timestamp");
            r.longField(3, "timestamp");
          } else {
            r.expectFields(6, "userID, artistID, tagID, day, month, year");
            int day = r.intField(3, "day");
            int month = r.intField(4, "month");
            r.intField(5, "year");
            if (day < 1 || day > 31) {
              throw new DataFormatException(r.file(), r.line(), 4, "day", "a day 1..31",
                  r.field(3));
            }
            if (month < 1 || month > 12) {
              throw new DataFormatException(r.file(), r.line(), 5, "month", "a month 1..12",
                  r.field(4));
            }
          }
          r.intField(0, "userID");
          r.intField(1, "artistID");
          int tag = r.intField(2, "tagID");
          if (!tagNames.containsKey(tag)) {
            return "tagID not in tags.dat";
          }
          int artist = items.find(r.field(1));
          if (artist < 0) {
            return "artist in neither artists.dat nor user_artists.dat";
          }
          long[] c = byArtist.computeIfAbsent(artist, k -> new LinkedHashMap<>())
              .computeIfAbsent(tag, k -> new long[] {0, row[0]});
          c[0]++;
          row[0]++;
          return null;
        });
    for (Map.Entry<Integer, LinkedHashMap<Integer, long[]>> e : byArtist.entrySet()) {
      List<Map.Entry<Integer, long[]>> ranked = new ArrayList<>(e.getValue().entrySet());
      ranked.sort(Comparator.<Map.Entry<Integer, long[]>>comparingLong(x -> -x.getValue()[0])
          .thenComparingLong(x -> x.getValue()[1]));
      List<String> names = new ArrayList<>();
      for (Map.Entry<Integer, long[]> t : ranked) {
        String name = tagNames.get(t.getKey());
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      itemTable.categories("tags", e.getKey(), names);
    }
  }
}
