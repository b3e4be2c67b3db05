package dev.recompose.data.importer;

import dev.recompose.data.importer.formats.Amazon2014Importer;
import dev.recompose.data.importer.formats.Amazon2018Importer;
import dev.recompose.data.importer.formats.Amazon2023Importer;
import dev.recompose.data.importer.formats.MindImporter;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.importer.formats.SasrecPairsImporter;
import dev.recompose.data.importer.formats.SequenceLinesImporter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The importers Recompose ships, by format name.
 *
 * <p>It exists so that the command line and tests look formats up in one place, and an unknown
 * name fails with the list of known ones.
 */
public final class ImporterRegistry {
  private static final Map<String, Importer> BY_FORMAT;

  static {
    Map<String, Importer> m = new LinkedHashMap<>();
    for (Importer i : List.<Importer>of(
        new MovieLens100kImporter(),
        new MindImporter(),
        new Amazon2014Importer(),
        new Amazon2018Importer(),
        new Amazon2023Importer(),
        new SasrecPairsImporter(),
        new SequenceLinesImporter())) {
      m.put(i.format(), i);
    }
    BY_FORMAT = Collections.unmodifiableMap(m);
  }

  private ImporterRegistry() {}

  public static Collection<Importer> all() {
    return BY_FORMAT.values();
  }

  /** The importer for {@code format}; fails listing the known formats. */
  public static Importer get(String format) {
    Importer i = BY_FORMAT.get(format);
    if (i == null) {
      throw new IllegalArgumentException(
          "unknown format '" + format + "'; known formats: " + String.join(", ", BY_FORMAT.keySet()));
    }
    return i;
  }
}
