package dev.recompose.data.importer.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Chooses the character set of a text file: UTF-8 when the whole file decodes as UTF-8, else
 * latin-1 (ISO-8859-1, which decodes any byte sequence).
 *
 * <p>It exists because older datasets are distributed in latin-1 while re-distributed copies are
 * often converted to UTF-8 (the hetrec2011 Last.fm {@code tags.dat} exists in both forms), and
 * decoding either with the other charset silently corrupts names. The check streams the file
 * once with a strict decoder; it never holds the file in memory.
 */
final class TextEncoding {
  private TextEncoding() {}

  /** {@code auto}, {@code utf-8} or {@code latin-1} (option value) to a charset for {@code file}. */
  static Charset resolve(String option, Path file) throws IOException {
    return switch (option.toLowerCase(Locale.ROOT)) {
      case "auto" -> detect(file);
      case "utf-8", "utf8" -> StandardCharsets.UTF_8;
      case "latin-1", "latin1", "iso-8859-1" -> StandardCharsets.ISO_8859_1;
      default -> throw new IllegalArgumentException(
          "encoding: expected auto, utf-8 or latin-1, found '" + option + "'");
    };
  }

  /** UTF-8 when {@code file} is valid UTF-8 throughout, else ISO-8859-1. */
  static Charset detect(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      char[] buf = new char[1 << 14];
      while (r.read(buf) >= 0) {
        // decode only
      }
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }
}
