package dev.recompose.data.importer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Parses one Python literal, as written by {@code repr()}, into a Jackson tree.
 *
 * <p>It exists because the Amazon 2014 product metadata ({@code meta_<Category>.json.gz}, McAuley
 * et al., SIGIR 2015 and He &amp; McAuley, WWW 2016) is one Python 2 dict literal per line, not
 * JSON: strings in single quotes, {@code True}/{@code False}/{@code None}, tuples. The publisher's
 * own loader calls {@code eval}; this parser accepts only literals, never code.
 *
 * <p>Accepted: dicts (any scalar key, stored as its text), lists and tuples (as JSON arrays),
 * strings in single, double or triple quotes with the prefixes {@code u}, {@code b}, {@code r}
 * (any case and order), adjacent string literals (concatenated), integers (decimal, hex, octal,
 * binary, underscores, a trailing Python 2 {@code L}), floats, {@code True}, {@code False},
 * {@code None}. Escapes follow Python: in non-unicode (Python 2 byte) strings {@code \xhh} and
 * octal escapes are bytes, and the string's bytes are decoded as UTF-8 (Latin-1 when they are not
 * valid UTF-8), which is how the Amazon 2014 files encode non-ASCII text.
 */
public final class PythonLiteral {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final String s;
  private int pos;

  private PythonLiteral(String s) {
    this.s = s;
  }

  /** Parses {@code text}, which must hold exactly one literal (surrounding blanks allowed). */
  public static JsonNode parse(String text) {
    Objects.requireNonNull(text, "text");
    PythonLiteral p = new PythonLiteral(text);
    p.skipBlanks();
    JsonNode v = p.value();
    p.skipBlanks();
    if (p.pos < text.length()) {
      throw p.error("end of the literal, found '" + p.snippet() + "'");
    }
    return v;
  }

  private PythonLiteralException error(String expected) {
    return new PythonLiteralException("expected " + expected, pos + 1);
  }

  private String snippet() {
    int end = Math.min(s.length(), pos + 12);
    return s.substring(pos, end);
  }

  private void skipBlanks() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pos++;
      } else {
        return;
      }
    }
  }

  private JsonNode value() {
    if (pos >= s.length()) {
      throw error("a value, found the end of the line");
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        return dict();
      case '[':
        return sequence(']');
      case '(':
        return sequence(')');
      case '\'':
      case '"':
        return NODES.textNode(strings());
      default:
        break;
    }
    if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      String word = s.substring(start, pos);
      if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"') && isPrefix(word)) {
        pos = start;
        return NODES.textNode(strings());
      }
      return switch (word) {
        case "True" -> NODES.booleanNode(true);
        case "False" -> NODES.booleanNode(false);
        case "None" -> NODES.nullNode();
        default -> {
          pos = start;
          throw error("a literal (dict, list, tuple, string, number, True, False or None), found '"
              + word + "'");
        }
      };
    }
    throw error("a value, found '" + snippet() + "'");
  }

  private static boolean isPrefix(String w) {
    String l = w.toLowerCase(java.util.Locale.ROOT);
    return switch (l) {
      case "u", "b", "r", "ur", "ru", "br", "rb" -> true;
      default -> false;
    };
  }

  private ObjectNode dict() {
    pos++; // {
    ObjectNode o = NODES.objectNode();
    skipBlanks();
    if (peek('}')) {
      pos++;
      return o;
    }
    while (true) {
      skipBlanks();
      JsonNode key = value();
      if (key.isContainerNode()) {
        throw error("a dict key that is a string or number");
      }
      skipBlanks();
      expect(':');
      skipBlanks();
      JsonNode v = value();
      o.set(key.isNull() ? "None" : key.asText(), v);
      skipBlanks();
      if (peek(',')) {
        pos++;
        skipBlanks();
        if (peek('}')) {
          pos++;
          return o;
        }
        continue;
      }
      if (peek('}')) {
        pos++;
        return o;
      }
      throw error("',' or '}' in a dict, found '" + snippet() + "'");
    }
  }

  private ArrayNode sequence(char close) {
    pos++;
    ArrayNode a = NODES.arrayNode();
    skipBlanks();
    if (peek(close)) {
      pos++;
      return a;
    }
    while (true) {
      skipBlanks();
      a.add(value());
      skipBlanks();
      if (peek(',')) {
        pos++;
        skipBlanks();
        if (peek(close)) {
          pos++;
          return a;
        }
        continue;
      }
      if (peek(close)) {
        pos++;
        return a;
      }
      throw error("',' or '" + close + "', found '" + snippet() + "'");
    }
  }

  private boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "', found '" + (pos < s.length() ? snippet() : "end of line") + "'");
    }
    pos++;
  }

  /** One or more adjacent string literals, concatenated. */
  private String strings() {
    StringBuilder sb = new StringBuilder();
    sb.append(string());
    while (true) {
      int save = pos;
      skipBlanks();
      int p = pos;
      while (p < s.length() && Character.isLetter(s.charAt(p)) && p - pos < 2) {
        p++;
      }
      if (p < s.length() && (s.charAt(p) == '\'' || s.charAt(p) == '"')
          && (p == pos || isPrefix(s.substring(pos, p)))) {
        sb.append(string());
      } else {
        pos = save;
        return sb.toString();
      }
    }
  }

  private String string() {
    boolean unicode = false;
    boolean raw = false;
    while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
      char c = Character.toLowerCase(s.charAt(pos));
      if (c == 'u') {
        unicode = true;
      } else if (c == 'r') {
        raw = true;
      }
      pos++;
    }
    int open = pos;
    char q = s.charAt(pos);
    boolean triple = s.startsWith(String.valueOf(q).repeat(3), pos);
    pos += triple ? 3 : 1;
    // Characters go to chars; escaped bytes (non-unicode strings) go through bytes.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean sawByteEscape = false;
    StringBuilder direct = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        pos = open;
        throw error("a closing " + (triple ? "triple " : "") + "quote " + q + " for the string");
      }
      char c = s.charAt(pos);
      if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(3), pos))) {
        pos += triple ? 3 : 1;
        break;
      }
      if (c == '\\' && !raw) {
        pos++;
        if (pos >= s.length()) {
          pos = open;
          throw error("a closing quote " + q + " for the string");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '\n' -> { }
          case '\\' -> append(bytes, direct, '\\', sawByteEscape);
          case '\'' -> append(bytes, direct, '\'', sawByteEscape);
          case '"' -> append(bytes, direct, '"', sawByteEscape);
          case 'a' -> append(bytes, direct, '\u0007', sawByteEscape);
          case 'b' -> append(bytes, direct, '\b', sawByteEscape);
          case 'f' -> append(bytes, direct, '\f', sawByteEscape);
          case 'n' -> append(bytes, direct, '\n', sawByteEscape);
          case 'r' -> append(bytes, direct, '\r', sawByteEscape);
          case 't' -> append(bytes, direct, '\t', sawByteEscape);
          case 'v' -> append(bytes, direct, '\u000b', sawByteEscape);
          case 'x' -> {
            int v = hex(2);
            if (unicode) {
              append(bytes, direct, (char) v, sawByteEscape);
            } else {
              if (!sawByteEscape) {
                writeUtf8(bytes, direct);
                direct.setLength(0);
                sawByteEscape = true;
              }
              bytes.write(v);
            }
          }
          case 'u', 'U' -> {
            if (!unicode) {
              // Python 2 byte strings keep \\u literally.
              append(bytes, direct, '\\', sawByteEscape);
              append(bytes, direct, e, sawByteEscape);
            } else {
              int cp = hex(e == 'u' ? 4 : 8);
              if (!Character.isValidCodePoint(cp)) {
                throw error("a valid code point in \\U escape");
              }
              for (char ch : Character.toChars(cp)) {
                append(bytes, direct, ch, sawByteEscape);
              }
            }
          }
          default -> {
            if (e >= '0' && e <= '7') {
              int v = e - '0';
              for (int k = 0; k < 2 && pos < s.length() && s.charAt(pos) >= '0'
                  && s.charAt(pos) <= '7'; k++) {
                v = v * 8 + (s.charAt(pos++) - '0');
              }
              if (unicode) {
                append(bytes, direct, (char) v, sawByteEscape);
              } else {
                if (!sawByteEscape) {
                  writeUtf8(bytes, direct);
                  direct.setLength(0);
                  sawByteEscape = true;
                }
                bytes.write(v & 0xFF);
              }
            } else {
              // unknown escapes stay as written, as in Python
              append(bytes, direct, '\\', sawByteEscape);
              append(bytes, direct, e, sawByteEscape);
            }
          }
        }
        continue;
      }
      if (!triple && c == '\n') {
        pos = open;
        throw error("a closing quote " + q + " before the end of the line");
      }
      if (Character.isHighSurrogate(c) && pos + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(pos + 1))) {
        if (sawByteEscape) {
          byte[] b = s.substring(pos, pos + 2).getBytes(StandardCharsets.UTF_8);
          bytes.write(b, 0, b.length);
        } else {
          direct.append(c).append(s.charAt(pos + 1));
        }
        pos += 2;
        continue;
      }
      append(bytes, direct, c, sawByteEscape);
      pos++;
    }
    if (!sawByteEscape) {
      return direct.toString();
    }
    byte[] b = bytes.toByteArray();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }

  /** Appends a character either to the plain buffer or, once bytes are involved, as UTF-8. */
  private static void append(ByteArrayOutputStream bytes, StringBuilder direct, char c,
      boolean toBytes) {
    if (toBytes) {
      byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      bytes.write(b, 0, b.length);
    } else {
      direct.append(c);
    }
  }

  private static void writeUtf8(ByteArrayOutputStream bytes, StringBuilder direct) {
    byte[] b = direct.toString().getBytes(StandardCharsets.UTF_8);
    bytes.write(b, 0, b.length);
  }

  private int hex(int digits) {
    if (pos + digits > s.length()) {
      throw error(digits + " hex digits in an escape");
    }
    int v = 0;
    for (int k = 0; k < digits; k++) {
      int d = Character.digit(s.charAt(pos + k), 16);
      if (d < 0) {
        throw error(digits + " hex digits in an escape, found '" + s.substring(pos, pos + digits)
            + "'");
      }
      v = v * 16 + d;
    }
    pos += digits;
    return v;
  }

  private JsonNode number() {
    int start = pos;
    if (peek('-') || peek('+')) {
      pos++;
    }
    boolean isFloat = false;
    int digitsStart = pos;
    if (s.startsWith("0x", pos) || s.startsWith("0X", pos) || s.startsWith("0o", pos)
        || s.startsWith("0O", pos) || s.startsWith("0b", pos) || s.startsWith("0B", pos)) {
      char kind = Character.toLowerCase(s.charAt(pos + 1));
      int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      pos += 2;
      int ds = pos;
      while (pos < s.length() && (Character.digit(s.charAt(pos), radix) >= 0 || s.charAt(pos) == '_')) {
        pos++;
      }
      String digits = s.substring(ds, pos).replace("_", "");
      if (digits.isEmpty()) {
        pos = start;
        throw error("digits after '0" + kind + "'");
      }
      skipLongSuffix();
      BigInteger v = new BigInteger(digits, radix);
      return integer(s.charAt(start) == '-' ? v.negate() : v);
    }
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if ((c >= '0' && c <= '9') || c == '_') {
        pos++;
      } else if (c == '.' ) {
        isFloat = true;
        pos++;
      } else if (c == 'e' || c == 'E') {
        isFloat = true;
        pos++;
        if (peek('+') || peek('-')) {
          pos++;
        }
      } else {
        break;
      }
    }
    String text = s.substring(digitsStart, pos).replace("_", "");
    if (text.isEmpty() || text.equals(".")) {
      pos = start;
      throw error("a number, found '" + snippet() + "'");
    }
    boolean negative = s.charAt(start) == '-';
    try {
      if (isFloat) {
        double d = Double.parseDouble(text);
        return NODES.numberNode(negative ? -d : d);
      }
      skipLongSuffix();
      String digits = text;
      // Python 2 octal literal such as 0777
      BigInteger v = digits.length() > 1 && digits.charAt(0) == '0' && digits.chars().allMatch(
          ch -> ch >= '0' && ch <= '7') ? new BigInteger(digits, 8) : new BigInteger(digits);
      return integer(negative ? v.negate() : v);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("a number, found '" + snippet() + "'");
    }
  }

  private void skipLongSuffix() {
    if (peek('L') || peek('l')) {
      pos++;
    }
  }

  private static JsonNode integer(BigInteger v) {
    if (v.bitLength() < 64) {
      return NODES.numberNode(v.longValue());
    }
    return NODES.numberNode(v);
  }
}
