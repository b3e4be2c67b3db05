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
import dev.recompose.data.log.ImpressionLogBuilder;
import dev.recompose.data.log.InteractionLogBuilder;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports MIND as Microsoft distributes it: {@code news.tsv} (news id, category, subcategory,
 * title, abstract, URL, title entities, abstract entities; tab-separated, no header) and
 * {@code behaviors.tsv} (impression id, user id, time such as {@code 11/12/2019 2:14:46 PM},
 * space-separated click history, candidates such as {@code N123-1 N456-0}).
 *
 * <p>Wu et al., "MIND: A Large-scale Dataset for News Recommendation", ACL 2020. {@code --from}
 * is a folder holding the two files, or a folder holding a train and a dev folder ({@code
 * train}/{@code dev}, {@code MINDsmall_train}/{@code MINDsmall_dev}, any {@code *_train}/{@code
 * *_dev}); then the impressions table gets an int8 column {@code source_part} (0 train, 1 dev)
 * that the MIND-style split reads, and impression ids (which restart in each part) stay as given.
 *
 * <p>Items: title and abstract (text), category and subcategory (categorical); URL and entity
 * annotations are not stored. A news id seen only in a history or an impression becomes an item
 * without text, counted in the note {@code items_without_text}. Impressions are kept as
 * impressions (history, candidates, click labels); the interaction table additionally holds one
 * row per shown candidate with its label (1 clicked, 0 logged negative) at the impression time
 * (note {@code negatives=logged}). Click histories have no time, so they stay only in
 * {@code impressions.history} and are not copied into the interactions. Times are read as UTC.
 * The MIND-large test folder, whose candidates carry no click labels, is not importable (its
 * tokens fail as malformed); a folder of train + dev folders ignores any test folder beside them.
 */
public final class MindImporter implements Importer {
  /** Name of the impressions column that says which folder an impression came from. */
  public static final String SOURCE_PART = "source_part";

  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("M/d/yyyy h:mm:ss a")
      .toFormatter(Locale.US);

  /** One folder of news.tsv + behaviors.tsv; {@code label} prefixes file names in reports. */
  private record Part(String label, Path dir, byte code) {}

  /** What {@link #readAll} produces: the data and, for train+dev, the part of each impression. */

  @Override
  public String format() {
    return "mind";
  }

  @Override
  public String description() {
    return "MIND folder (news.tsv, behaviors.tsv), or a folder with train/ and dev/ (MINDsmall_*)";
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    return readAll(req);
  }

  private static List<Part> parts(Path from) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new NoSuchFileException(from.toString(), null,
          "expected a MIND folder (news.tsv + behaviors.tsv, or train/ and dev/ folders)");
    }
    if (Files.exists(from.resolve("behaviors.tsv")) || Files.exists(from.resolve("news.tsv"))) {
      return List.of(new Part("", from, (byte) 0));
    }
    List<Path> train = new ArrayList<>();
    List<Path> dev = new ArrayList<>();
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString))
          .toList()) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.equals("train") || n.endsWith("_train")) {
          train.add(p);
        } else if (n.equals("dev") || n.endsWith("_dev")) {
          dev.add(p);
        }
      }
    }
    if (train.size() > 1 || dev.size() > 1) {
      throw new IllegalArgumentException(from + ": several train or dev folders " + train + " "
          + dev + "; point --from at a folder holding one of each");
    }
    if (train.isEmpty() && dev.isEmpty()) {
      throw new NoSuchFileException(from.toString(), null,
          "no news.tsv/behaviors.tsv and no train/dev folders (e.g. MINDsmall_train,"
              + " MINDsmall_dev)");
    }
    if (train.isEmpty() || dev.isEmpty()) {
      Path only = train.isEmpty() ? dev.get(0) : train.get(0);
      return List.of(new Part(only.getFileName() + "/", only, (byte) 0));
    }
    return List.of(
        new Part(train.get(0).getFileName() + "/", train.get(0), (byte) 0),
        new Part(dev.get(0).getFileName() + "/", dev.get(0), (byte) 1));
  }

  private ImportedData readAll(ImportRequest req) throws IOException {
    List<Part> parts = parts(req.from());
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    EntityTableBuilder itemTable = new EntityTableBuilder()
        .textField("title", "news title")
        .textField("abstract", "news abstract")
        .categoryField("category", "news category")
        .categoryField("subcategory", "news subcategory");
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    for (Part p : parts) {
      readNews(req, p, items, itemTable, reports, sources);
    }
    int withText = items.size();
    ImpressionLogBuilder impressions = new ImpressionLogBuilder();
    InteractionLogBuilder log = new InteractionLogBuilder(true, false, true);
    ByteArrayOutputStream partOf = new ByteArrayOutputStream();
    long clicks = 0;
    long emptyHistories = 0;
    for (Part p : parts) {
      long[] c = readBehaviors(req, p, users, items, impressions, log, partOf, reports, sources);
      clicks += c[0];
      emptyHistories += c[1];
    }
    Map<String, String> notes = new TreeMap<>();
    notes.put("negatives", "logged");
    notes.put("items_without_text", Integer.toString(items.size() - withText));
    notes.put("clicks", Long.toString(clicks));
    notes.put("candidates", Integer.toString(impressions.candidateCount()));
    notes.put("empty_histories", Long.toString(emptyHistories));
    notes.put("interactions", "one row per shown candidate at the impression time, label 1 clicked,"
        + " 0 logged negative");
    notes.put("histories", "kept in impressions.history only (they have no time), not copied"
        + " into interactions");
    notes.put("time", "behaviors.tsv times read as UTC");
    if (parts.size() == 2) {
      impressions.byteColumn(SOURCE_PART, "folder the impression came from: 0 = train, 1 = dev",
          partOf.toByteArray());
      notes.put(SOURCE_PART, "impressions." + SOURCE_PART + ": 0 = " + parts.get(0).label()
          + ", 1 = " + parts.get(1).label() + "; impression ids restart in each part");
    } else {
      notes.put("parts", "one folder: " + (parts.get(0).label().isEmpty()
          ? req.from().getFileName() : parts.get(0).label()));
    }
    return new ImportedData("mind", users, items, log.build(), itemTable, null,
        impressions, reports, sources, notes);
  }

  private static void readNews(ImportRequest req, Part part, IdIndex items,
      EntityTableBuilder table, List<RowReport> reports, List<SourceFile> sources)
      throws IOException {
    String name = part.label() + "news.tsv";
    RowCounter rc = new RowCounter(name, req.onBadRow());
    try (TrackedSource src = TrackedSource.open(part.dir().resolve("news.tsv"), req.progress());
        DelimitedReader r =
            new DelimitedReader(src.stream(), StandardCharsets.UTF_8, name, "\t", false)) {
      while (r.next()) {
        rc.read();
        try {
          r.expectFields(8, "news id, category, subcategory, title, abstract, url,"
              + " title entities, abstract entities");
          String id = r.field(0);
          if (id.isBlank()) {
            throw new DataFormatException(name, r.line(), 1, "news id", "a news id", "");
          }
          if (items.find(id) >= 0) {
            rc.drop("news id already read, first row kept");
            continue;
          }
          int code = items.code(id);
          table.category("category", code, r.field(1));
          table.category("subcategory", code, r.field(2));
          table.text("title", code, r.field(3));
          table.text("abstract", code, r.field(4));
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());
  }

  /** Returns {clicks, empty histories} of the kept rows. */
  private static long[] readBehaviors(ImportRequest req, Part part, IdIndex users, IdIndex items,
      ImpressionLogBuilder impressions, InteractionLogBuilder log, ByteArrayOutputStream partOf,
      List<RowReport> reports, List<SourceFile> sources) throws IOException {
    String name = part.label() + "behaviors.tsv";
    RowCounter rc = new RowCounter(name, req.onBadRow());
    long clicks = 0;
    long empty = 0;
    try (TrackedSource src = TrackedSource.open(part.dir().resolve("behaviors.tsv"),
            req.progress());
        DelimitedReader r =
            new DelimitedReader(src.stream(), StandardCharsets.UTF_8, name, "\t", false)) {
      while (r.next()) {
        rc.read();
        try {
          r.expectFields(5, "impression id, user id, time, history, impressions");
          int impressionId = r.intField(0, "impression id");
          String user = r.field(1);
          if (user.isBlank()) {
            throw new DataFormatException(name, r.line(), 2, "user id", "a user id", "");
          }
          long time = time(r, name);
          List<String> history = tokens(r.field(3));
          List<String> shown = tokens(r.field(4));
          if (shown.isEmpty()) {
            throw new DataFormatException(name, r.line(), 5, "impressions",
                "at least one candidate like N123-0", "");
          }
          String[] candIds = new String[shown.size()];
          byte[] labels = new byte[shown.size()];
          for (int k = 0; k < candIds.length; k++) {
            String tok = shown.get(k);
            int dash = tok.lastIndexOf('-');
            String lab = dash < 0 ? "" : tok.substring(dash + 1);
            if (dash <= 0 || !(lab.equals("0") || lab.equals("1"))) {
              throw new DataFormatException(name, r.line(), 5, "impressions",
                  "candidates like N123-1 (clicked) or N123-0 (not clicked)", tok);
            }
            candIds[k] = tok.substring(0, dash);
            labels[k] = (byte) (lab.charAt(0) - '0');
          }
          int u = users.code(user);
          int[] hist = new int[history.size()];
          for (int k = 0; k < hist.length; k++) {
            hist[k] = items.code(history.get(k));
          }
          int[] cands = new int[candIds.length];
          for (int k = 0; k < cands.length; k++) {
            cands[k] = items.code(candIds[k]);
            log.add(u, cands[k], time, 0f, labels[k]);
            clicks += labels[k];
          }
          impressions.add(u, time, hist, cands, labels, impressionId);
          partOf.write(part.code());
          empty += hist.length == 0 ? 1 : 0;
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());
    return new long[] {clicks, empty};
  }

  private static long time(DelimitedReader r, String name) {
    String s = r.field(2).strip();
    try {
      return LocalDateTime.parse(s, TIME).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new DataFormatException(name, r.line(), 3, "time",
          "a time like 11/12/2019 2:14:46 PM", s);
    }
  }

  /** Space-separated tokens, empty tokens ignored. */
  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < n && s.charAt(i) != ' ') {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }
}
