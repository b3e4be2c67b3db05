package dev.recompose.data.importer.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recompose.data.importer.DataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One object read from a JSON-lines (or Python-literal) file, with typed field access whose
 * errors name the file, line and field.
 *
 * <p>It exists so that importers state what they need ({@code requiredText("asin")},
 * {@code requiredNumber("overall")}) and a damaged row produces one message a person can act on,
 * e.g. {@code reviews_Beauty_5.json:17: field 'overall': expected a number, found 'five'}. Fields
 * the importer does not ask for are ignored: the public dumps add fields over time.
 *
 * @param file the file name for messages
 * @param line the 1-based line number
 * @param node the parsed object
 */
public record JsonRecord(String file, long line, JsonNode node) {
  public JsonRecord {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(node, "node");
  }

  /** An error about {@code field} on this line. */
  public DataFormatException error(String field, String expected, String found) {
    return new DataFormatException(file, line, 0, field, expected, found);
  }

  private JsonNode present(String field, String expected) {
    JsonNode v = node.get(field);
    if (v == null || v.isMissingNode()) {
      throw error(field, expected + ", but the field is missing", null);
    }
    if (v.isNull()) {
      throw error(field, expected, "null");
    }
    return v;
  }

  /** Whether {@code field} is present and not null. */
  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** A required non-empty string (a number is taken as its text). */
  public String requiredText(String field) {
    JsonNode v = present(field, "a non-empty string");
    if (!v.isTextual() && !v.isNumber()) {
      throw error(field, "a non-empty string", v.toString());
    }
    String s = v.asText();
    if (s.isEmpty()) {
      throw error(field, "a non-empty string", "");
    }
    return s;
  }

  /** An optional string: null when absent or null; a list of strings is joined by newlines. */
  public String optionalText(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() || v.isNumber() || v.isBoolean()) {
      return v.asText();
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode e : v) {
        if (e.isContainerNode()) {
          throw error(field, "a string or a list of strings", v.toString());
        }
        if (!e.isNull() && !e.asText().isBlank()) {
          parts.add(e.asText());
        }
      }
      return String.join("\n", parts);
    }
    throw error(field, "a string or a list of strings", v.toString());
  }

  /** A required number; a numeric string is accepted. */
  public double requiredNumber(String field) {
    JsonNode v = present(field, "a number");
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        double d = Double.parseDouble(v.asText().strip());
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw error(field, "a number", v.isTextual() ? v.asText() : v.toString());
  }

  /** A required integer; an integral string is accepted. */
  public long requiredLong(String field) {
    JsonNode v = present(field, "an integer");
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().strip());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw error(field, "an integer", v.isTextual() ? v.asText() : v.toString());
  }

  /** An optional boolean: null when absent or null. */
  public Boolean optionalBoolean(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    throw error(field, "true or false", v.toString());
  }

  /**
   * The strings of a possibly nested list (a list of category paths in Amazon 2014), flattened
   * depth-first, blanks dropped, each distinct string once in order of first appearance. A single
   * string is a one-element list; absent or null is the empty list.
   */
  public List<String> flatStrings(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    collect(field, v, out);
    return List.copyOf(out);
  }

  private void collect(String field, JsonNode v, LinkedHashSet<String> out) {
    if (v.isArray()) {
      for (JsonNode e : v) {
        collect(field, e, out);
      }
    } else if (v.isTextual() || v.isNumber()) {
      String s = v.asText().strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    } else if (!v.isNull()) {
      throw error(field, "a list of strings", v.toString());
    }
  }
}
