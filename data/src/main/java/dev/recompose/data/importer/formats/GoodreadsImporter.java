package dev.recompose.data.importer.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.log.EntityTableBuilder;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.InteractionLogBuilder;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports the UCSD Goodreads Book Graph as its authors distribute it: JSON lines
 * {@code goodreads_interactions_<genre>.json(.gz)} ({@code user_id}, {@code book_id},
 * {@code review_id}, {@code is_read}, {@code rating}, {@code date_added}, {@code date_updated},
 * ...) and {@code goodreads_books_<genre>.json(.gz)} ({@code book_id}, {@code title},
 * {@code description}, {@code popular_shelves}, {@code authors}, {@code publication_year}, ...);
 * also the whole-catalogue pair {@code goodreads_interactions_dedup.json.gz} and
 * {@code goodreads_books.json.gz}.
 *
 * <p>Wan and McAuley, "Item Recommendation on Monotonic Behavior Chains", RecSys 2018; Wan,
 * Misra, Nakashole and McAuley, "Fine-Grained Spoiler Detection from Large-Scale Review
 * Corpora", ACL 2019.
 *
 * <p>Every interaction is kept as logged: the rating column holds {@code rating} (0 means shelved
 * without a rating; {@code --option min-rating=1} keeps rated books only), the label column holds
 * {@code is_read}, and the timestamp is {@code date_added} (e.g.
 * {@code Fri Aug 25 13:55:02 -0700 2017}) in Unix seconds. Item text: title, description; the
 * publication year as a number; categorical: the first N {@code popular_shelves} names (option
 * {@code shelves}, in the file's order, which is by shelf count) and the author ids. The books
 * file is read after the interactions and only books that have interactions are kept (the
 * others are counted as dropped), so that a catalogue of millions costs memory only for the books
 * in use; interacted books missing from the books file stay text-less and are counted.
 */
public final class GoodreadsImporter implements Importer {
  private static final Pattern INTERACTIONS =
      Pattern.compile("goodreads_interactions(_?.*)\\.json(\\.gz)?");
  private static final Pattern BOOKS = Pattern.compile("goodreads_books(_?.*)\\.json(\\.gz)?");

  @Override
  public String format() {
    return "goodreads";
  }

  @Override
  public String description() {
    return "UCSD Goodreads folder (goodreads_interactions_<genre>.json[.gz],"
        + " goodreads_books_<genre>.json[.gz])";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("genre", "pick goodreads_interactions_<genre> and goodreads_books_<genre> when the"
        + " folder holds several (e.g. poetry, children, comics_graphic)");
    m.put("interactions", "interactions file name in the folder (overrides genre)");
    m.put("books", "books file name in the folder (overrides genre; 'none' reads no books)");
    m.put("shelves", "how many popular shelves to keep per book (default 5)");
    return m;
  }

  /** The files one import reads: the interactions and (optionally) the books. */
  record Selection(Path interactions, Path books) {}

  static Selection pick(Path dir, Map<String, String> options) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "goodreads: --from must be a folder holding goodreads_interactions_*.json(.gz), found "
              + dir);
    }
    List<String> names;
    try (Stream<Path> s = Files.list(dir)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> inter = names.stream().filter(n -> INTERACTIONS.matcher(n).matches()).toList();
    List<String> books = names.stream().filter(n -> BOOKS.matcher(n).matches()).toList();
    String genre = options.get("genre");
    String interName = options.get("interactions");
    if (interName == null) {
      List<String> c = genre == null ? inter : inter.stream()
          .filter(n -> n.equals("goodreads_interactions_" + genre + ".json")
              || n.equals("goodreads_interactions_" + genre + ".json.gz")).toList();
      if (c.size() != 1) {
        throw new IllegalArgumentException("goodreads: " + (c.isEmpty() ? "no" : "several")
            + " interactions files" + (genre == null ? "" : " for genre '" + genre + "'")
            + " in " + dir + "; found " + inter
            + (c.isEmpty() ? "" : "; pick one with --option genre=... or interactions=FILE"));
      }
      interName = c.get(0);
    }
    Path interactions = dir.resolve(interName);
    if (!Files.isRegularFile(interactions)) {
      throw new IllegalArgumentException("goodreads: interactions file " + interactions
          + " not found; interactions files in the folder: " + inter);
    }
    String booksName = options.get("books");
    if (booksName == null) {
      Matcher m = INTERACTIONS.matcher(interName);
      String suffix = m.matches() ? m.group(1) : "";
      List<String> same = books.stream().filter(n -> n.equals("goodreads_books" + suffix + ".json")
          || n.equals("goodreads_books" + suffix + ".json.gz")).toList();
      if (same.size() == 1) {
        booksName = same.get(0);
      } else if (books.size() == 1) {
        booksName = books.get(0);
      } else if (books.isEmpty()) {
        booksName = "none";
      } else {
        throw new IllegalArgumentException("goodreads: several books files in " + dir
            + " and none named like " + interName + ": " + books
            + "; pick one with --option books=FILE (or books=none)");
      }
    }
    if (booksName.equals("none")) {
      return new Selection(interactions, null);
    }
    Path b = dir.resolve(booksName);
    if (!Files.isRegularFile(b)) {
      throw new IllegalArgumentException("goodreads: books file " + b + " not found; books files"
          + " in the folder: " + books);
    }
    return new Selection(interactions, b);
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    Selection files = pick(req.from(), req.options());
    int shelves = parseShelves(req.option("shelves", "5"));
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("feedback", "rating 1-5, 0 = shelved without a rating; label = is_read");
    notes.put("timestamp", "date_added");
    InteractionLogBuilder log = new InteractionLogBuilder(true, true, true);
    JsonLineLoop.read(req, files.interactions(), reports, sources, row -> {
      String user = row.text("user_id");
      String book = row.text("book_id");
      long rating = row.integer("rating");
      if (rating < 0 || rating > 5) {
        throw row.error("rating", "an integer 0..5", row.node().get("rating"));
      }
      JsonNode read = row.node().get("is_read");
      if (read == null || !read.isBoolean()) {
        throw row.error("is_read", "true or false", read);
      }
      String added = row.text("date_added");
      long ts;
      try {
        ts = GoodreadsDates.parse(added);
      } catch (IllegalArgumentException e) {
        throw row.error("date_added", "a date like 'Fri Aug 25 13:55:02 -0700 2017'",
            row.node().get("date_added"));
      }
      log.add(users.code(user), items.code(book), ts, rating, (byte) (read.asBoolean() ? 1 : 0));
      return null;
    });
    EntityTableBuilder itemTable = new EntityTableBuilder();
    if (files.books() != null) {
      itemTable.textField("title", "book title")
          .textField("description", "publisher's description")
          .numberField("year", "publication_year, NaN when absent")
          .categoriesField("shelves", "first " + shelves + " popular shelves, most used first")
          .categoriesField("authors", "author ids");
      boolean[] described = new boolean[items.size()];
      int[] count = {0};
      JsonLineLoop.read(req, files.books(), reports, sources, row -> {
        String book = row.text("book_id");
        int code = items.find(book);
        if (code < 0) {
          return "book without interactions";
        }
        if (described[code]) {
          return "duplicate book_id";
        }
        described[code] = true;
        count[0]++;
        itemTable.text("title", code, row.optText("title"));
        itemTable.text("description", code, row.optText("description"));
        String year = row.optText("publication_year").strip();
        float y = Float.NaN;
        if (!year.isEmpty()) {
          try {
            y = Integer.parseInt(year);
          } catch (NumberFormatException e) {
            throw row.error("publication_year", "a year or nothing",
                row.node().get("publication_year"));
          }
        }
        itemTable.number("year", code, y);
        itemTable.categories("shelves", code, names(row, "popular_shelves", "name", shelves));
        itemTable.categories("authors", code, names(row, "authors", "author_id",
            Integer.MAX_VALUE));
        return null;
      });
      notes.put("books_without_text", Integer.toString(items.size() - count[0]));
    } else {
      notes.put("books_without_text", Integer.toString(items.size()) + " (no books file read)");
    }
    notes.put("files_not_read", RowLoop.unread(req.from(), sources));
    String name = "goodreads" + suffixOf(files.interactions().getFileName().toString());
    return new ImportedData(name, users, items, log.build(), itemTable, null, null, reports,
        sources, notes);
  }

  private static String suffixOf(String interactionsFile) {
    Matcher m = INTERACTIONS.matcher(interactionsFile);
    return m.matches() ? m.group(1).replace('_', '-') : "";
  }

  private static int parseShelves(String s) {
    try {
      int n = Integer.parseInt(s);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("shelves: expected a count >= 0, found '" + s + "'");
  }

  /** Field {@code key} of the first {@code limit} objects in array {@code field}. */
  private static List<String> names(JsonLineLoop.Row row, String field, String key, int limit) {
    JsonNode arr = row.node().get(field);
    if (arr == null || arr.isNull()) {
      return List.of();
    }
    if (!arr.isArray()) {
      throw row.error(field, "an array", arr);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode o : arr) {
      if (out.size() >= limit) {
        break;
      }
      JsonNode v = o.get(key);
      if (v == null || !(v.isTextual() || v.isNumber())) {
        throw row.error(field, "objects with a '" + key + "'", o);
      }
      String s = v.asText().strip();
      if (!s.isEmpty() && !out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
