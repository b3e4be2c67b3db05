package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.importer.Importer;
import dev.recompose.data.importer.RowCounter;
import dev.recompose.data.importer.TrackedSource;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.InteractionLogBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Imports the {@code user item} files that ship with SASRec (e.g. {@code data/Beauty.txt}): one
 * interaction per line, two whitespace-separated ids, each user's lines in chronological order.
 *
 * <p>Kang and McAuley, "Self-Attentive Sequential Recommendation", ICDM 2018. The files carry no
 * timestamps, so the row order is the time: the store's {@code timestamp} column holds the line's
 * position and each user's interactions keep their file order exactly. Ids are kept as the
 * strings in the file (vocabularies map them back); they are usually already 1-based integers.
 */
public final class SasrecPairsImporter implements Importer {
  @Override
  public String format() {
    return "sasrec-pairs";
  }

  @Override
  public String description() {
    return "SASRec text file: 'user item' per line, chronological per user, no timestamps";
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    Path file = req.from();
    if (Files.isDirectory(file)) {
      throw new NoSuchFileException(file.toString(), null,
          "sasrec-pairs reads one file (e.g. Beauty.txt), not a folder");
    }
    String name = file.getFileName().toString();
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    InteractionLogBuilder log = new InteractionLogBuilder(false, false, false);
    RowCounter rc = new RowCounter(name, req.onBadRow());
    try (TrackedSource src = TrackedSource.open(file, req.progress());
        WhitespaceLines r = new WhitespaceLines(src.stream())) {
      while (r.next()) {
        rc.read();
        try {
          List<String> t = r.tokens();
          if (t.size() != 2) {
            throw new DataFormatException(name, r.line(), Math.min(t.size(), 2) + 1, null,
                "2 fields (user, item)", t.size() + " fields: " + r.raw());
          }
          log.add(users.code(t.get(0)), items.code(t.get(1)), 0, 0f, (byte) 1);
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      var source = src.finish();
      return new ImportedData(stem(name), users, items, log.build(), null, null, null,
          List.of(rc.report()), List.of(source),
          Map.of("time", "none in the source: timestamp is the line's position, so each user's"
              + " interactions keep their file order",
              "feedback", "implicit (every line is a positive interaction)"));
    }
  }

  static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
