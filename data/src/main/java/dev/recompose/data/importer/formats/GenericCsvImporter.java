package dev.recompose.data.importer.formats;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports any interaction log kept as CSV, TSV or JSON lines, described by a small YAML mapping
 * ({@code --option mapping=path.yaml}, see {@link CsvMapping}): which column is the user, the
 * item, the time, the rating or the 0/1 label, and which columns are item text, item categories
 * (single- or multi-valued) and user categories.
 *
 * <p>It exists so that in-house data needs no code. Item and user attributes sit on the
 * interaction rows, so each item (user) takes the first non-empty value of each attribute
 * column in file order; later, different values are ignored. Times are Unix seconds (default),
 * Unix milliseconds ({@code unix-ms}) or ISO-8601 ({@code iso-8601}: with an offset or
 * {@code Z}, or zone-less and then taken as UTC, or a bare date at UTC midnight); without a time
 * column the store keeps each user's rows in file order. Store field names are the column
 * names with characters other than letters, digits, {@code _}, {@code -} and {@code .} replaced by
 * {@code _} ({@code column_N} for headerless files).
 */
public final class GenericCsvImporter implements Importer {
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String description() {
    return "generic CSV / TSV / JSONL interaction file described by a YAML mapping"
        + " (--option mapping=path.yaml)";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mapping", "YAML file naming the user, item, timestamp, rating, label and attribute"
        + " columns (required)");
    m.put("timestamp_format", "unix (seconds, default), unix-ms or iso-8601; overrides the"
        + " mapping's timestamp_format");
    return m;
  }

  /** What each slot (mapped column) means. */
  private enum Role { USER, ITEM, TIME, RATING, LABEL, ITEM_TEXT, ITEM_CATEGORY, ITEM_MULTI,
    USER_CATEGORY }

  /** One mapped column: its role, reference in the file, store field name and separator. */
  private record Slot(Role role, String ref, String field, String separator) {}

  /** The values of one row, whatever the file format. */
  private interface Cells {
    /** The value of slot {@code s} as text; empty when empty or absent. */
    String text(int s);

    /** The values of multi-valued slot {@code s}. */
    List<String> multi(int s);

    /** An error about slot {@code s}, located in the file. */
    DataFormatException error(int s, String expected);
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    String mappingOption = req.options().get("mapping");
    if (mappingOption == null) {
      throw new IllegalArgumentException("csv: --option mapping=path.yaml is required (keys: "
          + CsvMapping.KEYS + ")");
    }
    Path data = req.from();
    if (!Files.isRegularFile(data)) {
      throw new IllegalArgumentException("csv: --from must be the data file (.csv, .tsv or"
          + " .jsonl, optionally .gz), found " + data);
    }
    List<RowReport> reports = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    Path mappingFile = Path.of(mappingOption);
    CsvMapping mapping;
    try (TrackedSource src = TrackedSource.open(mappingFile, req.progress())) {
      mapping = CsvMapping.parse(src.stream(), mappingFile.getFileName().toString(),
          formatOf(data));
      sources.add(src.finish());
    }
    if (req.options().containsKey("timestamp_format")) {
      mapping = mapping.withTimestampFormat(req.options().get("timestamp_format"));
    }
    mapping.columns(); // fails when a column is mapped twice
    List<Slot> slots = slots(mapping);
    Reader reader = new Reader(mapping, slots);
    if (mapping.format().equals("jsonl")) {
      reader.readJson(req, data, reports, sources);
    } else {
      reader.readDelimited(req, data, reports, sources);
    }
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("mapping", mappingFile.toAbsolutePath().normalize().toString());
    notes.put("attributes", "first non-empty value per item (user) in file order");
    if (mapping.timestamp() == null) {
      notes.put("timestamps", "none mapped: each user's rows keep their file order");
    } else {
      notes.put("timestamp_format", mapping.timestampFormat());
    }
    return new ImportedData(baseName(data), reader.users, reader.items, reader.log.build(),
        reader.itemTable, reader.userTable, null, reports, sources, notes);
  }

  private static String formatOf(Path data) {
    String n = data.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".csv")) {
      return "csv";
    }
    if (n.endsWith(".tsv") || n.endsWith(".tab")) {
      return "tsv";
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return "jsonl";
    }
    return null;
  }

  private static String baseName(Path data) {
    String n = data.getFileName().toString();
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static List<Slot> slots(CsvMapping m) {
    List<Slot> s = new ArrayList<>();
    s.add(new Slot(Role.USER, m.user(), null, null));
    s.add(new Slot(Role.ITEM, m.item(), null, null));
    if (m.timestamp() != null) {
      s.add(new Slot(Role.TIME, m.timestamp(), null, null));
    }
    if (m.rating() != null) {
      s.add(new Slot(Role.RATING, m.rating(), null, null));
    }
    if (m.label() != null) {
      s.add(new Slot(Role.LABEL, m.label(), null, null));
    }
    boolean byNumber = !m.format().equals("jsonl") && !m.header();
    for (String c : m.itemText()) {
      s.add(new Slot(Role.ITEM_TEXT, c, fieldName(c, byNumber), null));
    }
    for (String c : m.itemCategorical()) {
      s.add(new Slot(Role.ITEM_CATEGORY, c, fieldName(c, byNumber), null));
    }
    for (Map.Entry<String, String> e : m.itemMulti().entrySet()) {
      s.add(new Slot(Role.ITEM_MULTI, e.getKey(), fieldName(e.getKey(), byNumber), e.getValue()));
    }
    for (String c : m.userCategorical()) {
      s.add(new Slot(Role.USER_CATEGORY, c, fieldName(c, byNumber), null));
    }
    return s;
  }

  private static String fieldName(String ref, boolean byNumber) {
    return byNumber ? "column_" + ref : UNSAFE.matcher(ref).replaceAll("_");
  }

  /** Parses rows of either format into the log and side tables. */
  private static final class Reader {
    final CsvMapping mapping;
    final List<Slot> slots;
    final IdIndex users = new IdIndex();
    final IdIndex items = new IdIndex();
    final InteractionLogBuilder log;
    final EntityTableBuilder itemTable = new EntityTableBuilder();
    final EntityTableBuilder userTable = new EntityTableBuilder();
    final BitSet[] seen;
    final int time;
    final int rating;
    final int label;
    final String[] pending;
    final List<List<String>> pendingMulti;

    Reader(CsvMapping mapping, List<Slot> slots) {
      this.mapping = mapping;
      this.slots = slots;
      int t = -1;
      int r = -1;
      int l = -1;
      for (int i = 0; i < slots.size(); i++) {
        Slot s = slots.get(i);
        switch (s.role()) {
          case TIME -> t = i;
          case RATING -> r = i;
          case LABEL -> l = i;
          case ITEM_TEXT -> itemTable.textField(s.field(), "column '" + s.ref() + "'");
          case ITEM_CATEGORY -> itemTable.categoryField(s.field(), "column '" + s.ref() + "'");
          case ITEM_MULTI -> itemTable.categoriesField(s.field(),
              "column '" + s.ref() + "' split on '" + s.separator() + "'");
          case USER_CATEGORY -> userTable.categoryField(s.field(), "column '" + s.ref() + "'");
          default -> { }
        }
      }
      time = t;
      rating = r;
      label = l;
      log = new InteractionLogBuilder(t >= 0, r >= 0, l >= 0);
      seen = new BitSet[slots.size()];
      for (int i = 0; i < seen.length; i++) {
        seen[i] = new BitSet();
      }
      pending = new String[slots.size()];
      pendingMulti = new ArrayList<>();
      for (int i = 0; i < slots.size(); i++) {
        pendingMulti.add(null);
      }
    }

    /** Parses one row; every check comes before any code is assigned. */
    void row(Cells c) {
      String u = c.text(0);
      if (u.isEmpty()) {
        throw c.error(0, "a non-empty user id");
      }
      String i = c.text(1);
      if (i.isEmpty()) {
        throw c.error(1, "a non-empty item id");
      }
      long ts = time >= 0 ? parseTime(c, time) : 0L;
      float r = 0f;
      if (rating >= 0) {
        String s = c.text(rating).strip();
        try {
          r = Float.parseFloat(s);
        } catch (NumberFormatException e) {
          r = Float.NaN;
        }
        if (!Float.isFinite(r)) {
          throw c.error(rating, "a number");
        }
      }
      byte lb = 0;
      if (label >= 0) {
        lb = switch (c.text(label).strip().toLowerCase(Locale.ROOT)) {
          case "1", "true" -> 1;
          case "0", "false" -> 0;
          default -> throw c.error(label, "0 or 1");
        };
      }
      int ic = items.find(i);
      int uc = users.find(u);
      for (int k = 0; k < slots.size(); k++) {
        pending[k] = null;
        pendingMulti.set(k, null);
        Role role = slots.get(k).role();
        int code = role == Role.USER_CATEGORY ? uc : ic;
        if (role.ordinal() < Role.ITEM_TEXT.ordinal() || (code >= 0 && seen[k].get(code))) {
          continue;
        }
        if (role == Role.ITEM_MULTI) {
          List<String> v = c.multi(k);
          if (!v.isEmpty()) {
            pendingMulti.set(k, v);
          }
        } else {
          String v = c.text(k);
          if (!v.isBlank()) {
            pending[k] = role == Role.ITEM_TEXT ? v : v.strip();
          }
        }
      }
      ic = items.code(i);
      uc = users.code(u);
      log.add(uc, ic, ts, r, lb);
      for (int k = 0; k < slots.size(); k++) {
        Slot s = slots.get(k);
        if (pending[k] == null && pendingMulti.get(k) == null) {
          continue;
        }
        int code = s.role() == Role.USER_CATEGORY ? uc : ic;
        seen[k].set(code);
        switch (s.role()) {
          case ITEM_TEXT -> itemTable.text(s.field(), code, pending[k]);
          case ITEM_CATEGORY -> itemTable.category(s.field(), code, pending[k]);
          case ITEM_MULTI -> itemTable.categories(s.field(), code, pendingMulti.get(k));
          case USER_CATEGORY -> userTable.category(s.field(), code, pending[k]);
          default -> { }
        }
      }
    }

    long parseTime(Cells c, int slot) {
      String s = c.text(slot).strip();
      String f = mapping.timestampFormat();
      try {
        return switch (f) {
          case "unix" -> unix(s);
          case "unix-ms" -> Math.floorDiv(unix(s), 1000L);
          default -> iso(s);
        };
      } catch (NumberFormatException | DateTimeParseException e) {
        throw c.error(slot, switch (f) {
          case "unix" -> "Unix seconds";
          case "unix-ms" -> "Unix milliseconds";
          default -> "an ISO-8601 time";
        });
      }
    }

    private static long unix(String s) {
      if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
          throw new NumberFormatException(s);
        }
        return (long) Math.floor(d);
      }
      return Long.parseLong(s);
    }

    private static long iso(String s) {
      if (s.length() > 10 && s.charAt(10) == ' ') {
        s = s.substring(0, 10) + 'T' + s.substring(11);
      }
      if (s.length() <= 10) {
        return LocalDate.parse(s).toEpochDay() * 86_400L;
      }
      try {
        return OffsetDateTime.parse(s).toEpochSecond();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
      }
    }

    void readDelimited(ImportRequest req, Path file, List<RowReport> reports,
        List<SourceFile> sources) throws IOException {
      String name = file.getFileName().toString();
      RowCounter rc = new RowCounter(name, req.onBadRow());
      try (TrackedSource src = TrackedSource.open(file, req.progress());
          DelimitedReader r = new DelimitedReader(src.stream(), StandardCharsets.UTF_8, name,
              mapping.delimiter(), mapping.quoted())) {
        int[] col = new int[slots.size()];
        int width;
        if (mapping.header()) {
          if (!r.next()) {
            throw new DataFormatException(name, 1, 0, null, "a header line", "an empty file");
          }
          List<String> header = new ArrayList<>();
          Map<String, Integer> index = new HashMap<>();
          for (int k = 0; k < r.fieldCount(); k++) {
            String h = r.field(k).strip();
            header.add(h);
            index.putIfAbsent(h, k);
          }
          for (int k = 0; k < slots.size(); k++) {
            Integer at = index.get(slots.get(k).ref());
            if (at == null) {
              throw new IllegalArgumentException("csv: column '" + slots.get(k).ref()
                  + "' (mapping key " + key(slots.get(k).role()) + ") is not in the header of "
                  + name + "; header columns: " + header);
            }
            col[k] = at;
          }
          width = header.size();
        } else {
          int max = 0;
          for (int k = 0; k < slots.size(); k++) {
            String ref = slots.get(k).ref();
            try {
              col[k] = Integer.parseInt(ref.strip()) - 1;
            } catch (NumberFormatException e) {
              col[k] = -1;
            }
            if (col[k] < 0) {
              throw new IllegalArgumentException("csv: with header: false, columns are 1-based"
                  + " numbers; mapping key " + key(slots.get(k).role()) + " names '" + ref + "'");
            }
            max = Math.max(max, col[k] + 1);
          }
          width = -max;
        }
        Cells cells = new Cells() {
          @Override
          public String text(int s) {
            return r.field(col[s]);
          }

          @Override
          public List<String> multi(int s) {
            String v = r.field(col[s]);
            List<String> out = new ArrayList<>();
            for (String part : v.split(Pattern.quote(slots.get(s).separator()))) {
              if (!part.isBlank()) {
                out.add(part.strip());
              }
            }
            return out;
          }

          @Override
          public DataFormatException error(int s, String expected) {
            return new DataFormatException(name, r.line(), col[s] + 1, slots.get(s).ref(),
                expected, r.field(col[s]));
          }
        };
        while (r.next()) {
          rc.read();
          try {
            if (width > 0) {
              r.expectFields(width, "as many as the header");
            } else {
              r.expectAtLeast(-width, "the mapped columns");
            }
            row(cells);
            rc.kept();
          } catch (DataFormatException e) {
            rc.bad(e);
          }
        }
        sources.add(src.finish());
      }
      reports.add(rc.report());
    }

    void readJson(ImportRequest req, Path file, List<RowReport> reports, List<SourceFile> sources)
        throws IOException {
      JsonLineLoop.read(req, file, reports, sources, row -> {
        row(new Cells() {
          @Override
          public String text(int s) {
            String f = slots.get(s).ref();
            JsonNode v = row.node().get(f);
            if (v == null || v.isNull()) {
              return "";
            }
            if (!v.isValueNode()) {
              throw row.error(f, "a string or number", v);
            }
            return v.asText();
          }

          @Override
          public List<String> multi(int s) {
            String f = slots.get(s).ref();
            JsonNode v = row.node().get(f);
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
              return out;
            }
            if (v.isArray()) {
              for (JsonNode e : v) {
                if (!e.isValueNode() || e.isNull()) {
                  throw row.error(f, "an array of strings", v);
                }
                if (!e.asText().isBlank()) {
                  out.add(e.asText().strip());
                }
              }
              return out;
            }
            if (!v.isValueNode()) {
              throw row.error(f, "an array or a separated string", v);
            }
            for (String part : v.asText().split(Pattern.quote(slots.get(s).separator()))) {
              if (!part.isBlank()) {
                out.add(part.strip());
              }
            }
            return out;
          }

          @Override
          public DataFormatException error(int s, String expected) {
            String f = slots.get(s).ref();
            return row.error(f, expected, row.node().get(f));
          }
        });
        return null;
      });
    }

    private static String key(Role role) {
      return switch (role) {
        case USER -> "user";
        case ITEM -> "item";
        case TIME -> "timestamp";
        case RATING -> "rating";
        case LABEL -> "label";
        case ITEM_TEXT -> "item_text";
        case ITEM_CATEGORY -> "item_categorical";
        case ITEM_MULTI -> "item_multi";
        case USER_CATEGORY -> "user_categorical";
      };
    }
  }
}
