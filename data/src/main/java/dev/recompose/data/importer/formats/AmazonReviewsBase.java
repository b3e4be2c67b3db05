package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.importer.RowCounter;
import dev.recompose.data.importer.TrackedSource;
import dev.recompose.data.importer.json.JsonLinesReader;
import dev.recompose.data.importer.json.JsonRecord;
import dev.recompose.data.log.EntityTableBuilder;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.IntList;
import dev.recompose.data.log.InteractionLogBuilder;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared reading loop of the three Amazon review releases (2014, 2018, 2023): reviews become
 * rated, timed interactions; the category's metadata file, when present, fills the item table for
 * the items that have reviews.
 *
 * <p>It exists so that the releases differ only in field names and item attributes. Every review
 * line is accounted (kept, or dropped with a reason); metadata lines for items without reviews
 * are counted as dropped ("item not in reviews", as the S3Rec preprocessing reads only those),
 * repeated metadata rows of a reviewed item keep the first and are counted (note {@code
 * meta_duplicates}; a repeated row of an item without reviews counts as "item not in reviews").
 * Review text is not stored (the store's interaction table has no text columns).
 */
abstract class AmazonReviewsBase implements Importer {
  private static final Pattern PRICE =
      Pattern.compile("^\\s*\\$?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?|\\.[0-9]+)\\s*$");

  /** How this release names its files. */
  abstract AmazonFiles.Naming naming();

  /** Review field holding the user id. */
  abstract String userField();

  /** Review field holding the item id the interactions use. */
  abstract String itemField(ImportRequest req);

  /** Review field whose value is the metadata key of the review's item. */
  String joinField(ImportRequest req) {
    return itemField(req);
  }

  /** Review field holding the 1-5 rating. */
  abstract String ratingField();

  /** Review field holding the time. */
  abstract String timeField();

  /** The time field's value in Unix seconds. */
  long seconds(long value) {
    return value;
  }

  /** Review field saying whether the purchase was verified, or null when the release has none. */
  abstract String verifiedField();

  /** Whether metadata lines are Python literals (2014) or JSON. */
  abstract JsonLinesReader.Syntax metaSyntax();

  /** Metadata field holding the item key. */
  abstract String metaKeyField();

  /** Declares the item table's fields. */
  abstract EntityTableBuilder itemTable();

  /**
   * Parses one metadata row completely (so a bad row writes nothing) and returns what writes it
   * for an item code; {@code counts} collects notes such as unparsable prices.
   */
  abstract IntConsumer parseMeta(JsonRecord r, EntityTableBuilder table, Map<String, Long> counts);

  /** Format-specific notes. */
  abstract Map<String, String> baseNotes(ImportRequest req);

  /** Options shared by the releases. */
  static Map<String, String> commonOptions(boolean fiveCoreFiles, boolean verified) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("category", "category to import when --from is a folder holding several (e.g. Beauty)");
    if (fiveCoreFiles) {
      m.put("five-core", "true: the publisher's _5 review file, false: the full one (when a"
          + " folder holds both)");
    }
    if (verified) {
      m.put("verified-only", "true: keep verified purchases only (default false)");
    }
    return m;
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    AmazonFiles files = AmazonFiles.locate(req, naming(), format());
    boolean verifiedOnly = verifiedField() != null
        && parseBool(req.option("verified-only", "false"), "verified-only");
    String userF = userField();
    String itemF = itemField(req);
    String joinF = joinField(req);
    boolean joinDiffers = !joinF.equals(itemF);
    String ratingF = ratingField();
    String timeF = timeField();
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    Map<String, IntList> byJoin = joinDiffers ? new HashMap<>() : null;
    InteractionLogBuilder log = new InteractionLogBuilder(true, true, false);
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    String reviewName = files.reviews().getFileName().toString();
    RowCounter rc = new RowCounter(reviewName, req.onBadRow());
    try (TrackedSource src = TrackedSource.open(files.reviews(), req.progress());
        JsonLinesReader r = new JsonLinesReader(src.stream(), reviewName,
            JsonLinesReader.Syntax.JSON, rc, req.onBadRow())) {
      while (r.next()) {
        JsonRecord rec = r.record();
        try {
          String user = rec.requiredText(userF);
          String item = rec.requiredText(itemF);
          String join = joinDiffers ? rec.requiredText(joinF) : null;
          double rating = rec.requiredNumber(ratingF);
          if (!(rating >= 1 && rating <= 5)) {
            throw rec.error(ratingF, "a rating from 1 to 5", Double.toString(rating));
          }
          long time = seconds(rec.requiredLong(timeF));
          if (verifiedOnly && !Boolean.TRUE.equals(rec.optionalBoolean(verifiedField()))) {
            rc.drop("not a verified purchase (verified-only)");
            continue;
          }
          int before = items.size();
          int code = items.code(item);
          if (joinDiffers && code == before) {
            byJoin.computeIfAbsent(join, k -> new IntList()).add(code);
          }
          log.add(users.code(user), code, time, (float) rating, (byte) 1);
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(rc.report());

    Map<String, String> notes = new TreeMap<>(baseNotes(req));
    notes.put("feedback", "explicit ratings 1-5 (field " + ratingF + "), review text not stored");
    if (files.category() != null) {
      notes.put("category", files.category());
    }
    notes.put("five_core_file", Boolean.toString(files.fiveCore()));
    EntityTableBuilder table = itemTable();
    if (files.meta() == null) {
      notes.put("meta", "absent: no " + naming().metaPrefix() + "<Category>" + naming().extension()
          + "(.gz) next to the reviews; items have no attributes");
    } else {
      readMeta(req, files, items, byJoin, table, reports, sources, notes);
    }
    String name = format() + "-" + (files.category() != null
        ? files.category() + (files.fiveCore() ? "_5" : "")
        : stem(reviewName));
    return new ImportedData(name, users, items, log.build(), table, null, null, reports, sources,
        notes);
  }

  private void readMeta(ImportRequest req, AmazonFiles files, IdIndex items,
      Map<String, IntList> byJoin, EntityTableBuilder table, List<RowReport> reports,
      List<SourceFile> sources, Map<String, String> notes) throws IOException {
    String metaName = files.meta().getFileName().toString();
    RowCounter mc = new RowCounter(metaName, req.onBadRow());
    BitSet described = new BitSet(items.size());
    Map<String, Long> counts = new TreeMap<>();
    long duplicates = 0;
    String keyF = metaKeyField();
    try (TrackedSource src = TrackedSource.open(files.meta(), req.progress());
        JsonLinesReader r = new JsonLinesReader(src.stream(), metaName, metaSyntax(), mc,
            req.onBadRow())) {
      while (r.next()) {
        JsonRecord rec = r.record();
        try {
          String key = rec.requiredText(keyF);
          int[] codes = codes(key, items, byJoin);
          if (codes.length == 0) {
            mc.drop("item not in reviews");
            continue;
          }
          if (described.get(codes[0])) {
            duplicates++;
            mc.drop("duplicate " + keyF + ", first row kept");
            continue;
          }
          IntConsumer write = parseMeta(rec, table, counts);
          for (int c : codes) {
            write.accept(c);
            described.set(c);
          }
          mc.kept();
        } catch (DataFormatException e) {
          mc.bad(e);
        }
      }
      sources.add(src.finish());
    }
    reports.add(mc.report());
    notes.put("meta", metaName);
    notes.put("meta_duplicates", Long.toString(duplicates));
    notes.put("items_with_meta", Integer.toString(described.cardinality()));
    notes.put("items_without_meta", Integer.toString(items.size() - described.cardinality()));
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      notes.put(e.getKey(), Long.toString(e.getValue()));
    }
  }

  private static int[] codes(String key, IdIndex items, Map<String, IntList> byJoin) {
    if (byJoin == null) {
      int c = items.find(key);
      return c < 0 ? new int[0] : new int[] {c};
    }
    IntList l = byJoin.get(key);
    if (l == null) {
      return new int[0];
    }
    return l.toArray();
  }

  /**
   * A price as Amazon writes it: a number, or a string such as {@code "$1,299.99"}; NaN (counted
   * in {@code counts} under {@code price_unparsed}) for ranges and other text, NaN for absent.
   */
  static float price(JsonRecord r, String field, Map<String, Long> counts) {
    if (!r.has(field)) {
      return Float.NaN;
    }
    var v = r.node().get(field);
    if (v.isNumber()) {
      return (float) v.asDouble();
    }
    String s = v.isTextual() ? v.asText() : v.toString();
    if (s.isBlank()) {
      return Float.NaN;
    }
    Matcher m = PRICE.matcher(s);
    if (m.matches()) {
      return Float.parseFloat(m.group(1).replace(",", ""));
    }
    counts.merge("price_unparsed", 1L, Long::sum);
    return Float.NaN;
  }

  static boolean parseBool(String v, String option) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(
          option + ": expected true or false, found '" + v + "'");
    };
  }

  private static String stem(String fileName) {
    int dot = fileName.indexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
