package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.ImportRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The review file and optional metadata file of one Amazon category, found from {@code --from}
 * (a review file, or a folder holding one or several categories).
 *
 * <p>It exists because McAuley's Amazon releases name files by category ({@code
 * reviews_Beauty_5.json.gz}, {@code meta_Beauty.json.gz}; {@code All_Beauty.jsonl.gz}, {@code
 * meta_All_Beauty.jsonl.gz}) and a folder often holds several categories or both the full and the
 * 5-core review file: the options {@code category} and {@code five-core} choose, and an ambiguous
 * folder fails listing the choices.
 *
 * @param reviews the review file
 * @param meta the metadata file, or null when there is none
 * @param category the category name from the file name (null when it does not follow the
 *     naming)
 * @param fiveCore whether the review file is the publisher's 5-core file ({@code _5})
 */
record AmazonFiles(Path reviews, Path meta, String category, boolean fiveCore) {
  /**
   * How one release names its files.
   *
   * @param reviews matches a review file name; group {@code cat} the category, optional group
   *     {@code five} the {@code _5} suffix of a 5-core file
   * @param metaPrefix prefix of metadata files ({@code meta_})
   * @param extension the uncompressed extension ({@code .json} or {@code .jsonl})
   * @param example an example review file name, for messages
   */
  record Naming(Pattern reviews, String metaPrefix, String extension, String example) {}

  /** Finds the files named by {@code req.from()} and the options {@code category}/{@code five-core}. */
  static AmazonFiles locate(ImportRequest req, Naming naming, String format) throws IOException {
    Path from = req.from();
    String wantCategory = req.options().get("category");
    String fiveOpt = req.options().get("five-core");
    Boolean wantFive = null;
    if (fiveOpt != null) {
      wantFive = switch (fiveOpt.strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1" -> Boolean.TRUE;
        case "false", "no", "0" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException(
            "five-core: expected true or false, found '" + fiveOpt + "'");
      };
    }
    if (Files.isRegularFile(from)) {
      String name = from.getFileName().toString();
      if (name.startsWith(naming.metaPrefix())) {
        throw new IllegalArgumentException(from + " is a metadata file; pass the review file"
            + " (or the folder holding both) to --from");
      }
      Matcher m = naming.reviews().matcher(name);
      if (!m.matches()) {
        return new AmazonFiles(from, null, null, false);
      }
      String cat = m.group("cat");
      return new AmazonFiles(from, meta(from.toAbsolutePath().getParent(), naming, cat), cat,
          five(m));
    }
    if (!Files.isDirectory(from)) {
      throw new NoSuchFileException(from.toString(), null, "no such file or folder");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(from)) {
      files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
    }
    // (category, five-core) -> files, uncompressed first
    TreeMap<String, List<Path>> groups = new TreeMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.startsWith(naming.metaPrefix())) {
        continue;
      }
      Matcher m = naming.reviews().matcher(name);
      if (!m.matches()) {
        continue;
      }
      String cat = m.group("cat");
      boolean five = five(m);
      String key = cat + (five ? "_5" : "");
      if (wantCategory != null && !wantCategory.equals(cat) && !wantCategory.equals(key)) {
        continue;
      }
      if (wantFive != null && wantFive != five) {
        continue;
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    if (groups.isEmpty()) {
      String wanted = "review files named like " + example(naming)
          + (wantCategory != null ? " for category '" + wantCategory + "'" : "")
          + (wantFive != null ? " with five-core=" + wantFive : "");
      throw new IllegalArgumentException(from + ": no " + wanted + " for format " + format
          + "; found " + names(files));
    }
    if (groups.size() > 1) {
      throw new IllegalArgumentException(from + " holds several review files: " + groups.keySet()
          + "; choose one with --option category=NAME (and five-core=true|false when both the"
          + " full and the _5 file are present), or pass the file itself");
    }
    String key = groups.firstKey();
    List<Path> g = new ArrayList<>(groups.firstEntry().getValue());
    g.sort(Comparator.comparing((Path p) -> p.toString().endsWith(".gz")));
    Path reviews = g.get(0);
    Matcher m = naming.reviews().matcher(reviews.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalStateException(key);
    }
    String cat = m.group("cat");
    return new AmazonFiles(reviews, meta(from, naming, cat), cat, five(m));
  }

  private static boolean five(Matcher m) {
    return m.pattern().pattern().contains("(?<five>") && m.group("five") != null;
  }

  private static String example(Naming n) {
    return n.example();
  }

  private static List<String> names(List<Path> files) {
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      out.add(f.getFileName().toString());
      if (out.size() == 20) {
        out.add("...");
        break;
      }
    }
    return out;
  }

  private static Path meta(Path dir, Naming naming, String category) {
    if (dir == null) {
      return null;
    }
    Path plain = dir.resolve(naming.metaPrefix() + category + naming.extension());
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = dir.resolve(naming.metaPrefix() + category + naming.extension() + ".gz");
    return Files.isRegularFile(gz) ? gz : null;
  }
}
