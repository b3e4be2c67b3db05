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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports the {@code user item1 item2 ...} files of S3Rec, ICLRec and the TIGER reproductions
 * (e.g. {@code data/Beauty.txt}): each line is one user's whole chronological sequence,
 * whitespace-separated.
 *
 * <p>Zhou et al., "S3-Rec: Self-Supervised Learning for Sequential Recommendation with Mutual
 * Information Maximization", CIKM 2020; Chen et al., "Intent Contrastive Learning for Sequential
 * Recommendation", WWW 2022; Rajput et al., "Recommender Systems with Generative Retrieval",
 * NeurIPS 2023. Ids are kept as the strings in the file. The files have no timestamps: the store's
 * {@code timestamp} column is the position in the file, so each sequence keeps its order exactly
 * (repeated items included). A user named on several lines gets the lines' items appended in file
 * order (counted in the note {@code repeated_users}); a line with a user and no items is malformed
 * (the papers' loaders fail on it too). {@code --option first-is-user=false} reads files whose lines hold items only (the
 * user id is then the line number).
 */
public final class SequenceLinesImporter implements Importer {
  @Override
  public String format() {
    return "sequence-lines";
  }

  @Override
  public String description() {
    return "S3Rec/ICLRec/TIGER text file: 'user item1 item2 ...' per line, one sequence per user";
  }

  @Override
  public Map<String, String> options() {
    return Map.of("first-is-user", "true (default): the first token of a line is the user id;"
        + " false: every token is an item and the user id is the line number");
  }

  @Override
  public ImportedData read(ImportRequest req) throws IOException {
    Path file = req.from();
    if (Files.isDirectory(file)) {
      throw new NoSuchFileException(file.toString(), null,
          "sequence-lines reads one file (e.g. Beauty.txt), not a folder");
    }
    boolean firstIsUser =
        AmazonReviewsBase.parseBool(req.option("first-is-user", "true"), "first-is-user");
    String name = file.getFileName().toString();
    IdIndex users = new IdIndex();
    IdIndex items = new IdIndex();
    InteractionLogBuilder log = new InteractionLogBuilder(false, false, false);
    RowCounter rc = new RowCounter(name, req.onBadRow());
    Set<String> seen = new HashSet<>();
    long repeated = 0;
    long longest = 0;
    try (TrackedSource src = TrackedSource.open(file, req.progress());
        WhitespaceLines r = new WhitespaceLines(src.stream())) {
      while (r.next()) {
        rc.read();
        try {
          List<String> t = r.tokens();
          int first = firstIsUser ? 1 : 0;
          if (firstIsUser && t.size() < 2) {
            throw new DataFormatException(name, r.line(), 2, "item1",
                "a user id followed by at least one item", r.raw());
          }
          String user = firstIsUser ? t.get(0) : Long.toString(r.line());
          if (!seen.add(user)) {
            repeated++;
          }
          int u = users.code(user);
          for (int k = first; k < t.size(); k++) {
            log.add(u, items.code(t.get(k)), 0, 0f, (byte) 1);
          }
          longest = Math.max(longest, t.size() - first);
          rc.kept();
        } catch (DataFormatException e) {
          rc.bad(e);
        }
      }
      var source = src.finish();
      Map<String, String> notes = new TreeMap<>();
      notes.put("time", "none in the source: timestamp is the position in the file, so each"
          + " sequence keeps its order");
      notes.put("feedback", "implicit (every listed item is a positive interaction)");
      notes.put("repeated_users", Long.toString(repeated));
      notes.put("longest_sequence", Long.toString(longest));
      notes.put("first_is_user", Boolean.toString(firstIsUser));
      return new ImportedData(SasrecPairsImporter.stem(name), users, items, log.build(), null,
          null, null, List.of(rc.report()), List.of(source), notes);
    }
  }
}
