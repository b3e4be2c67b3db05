package dev.recompose.data.importer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {
  @Test
  void parsesAmazon2014MetaLine() {
    JsonNode n = PythonLiteral.parse("{'asin': '0000031852', 'title': 'Girls Ballet Tutu Zebra Hot"
        + " Pink', 'price': 3.17, 'related': {'also_bought': ['B00JHONN1S', 'B002BZX8Z6']},"
        + " 'salesRank': {'Toys & Games': 211836}, 'brand': 'Coxlures', 'categories':"
        + " [['Sports & Outdoors', 'Other Sports', 'Dance']]}");
    assertEquals("0000031852", n.get("asin").asText());
    assertEquals(3.17, n.get("price").asDouble(), 1e-12);
    assertEquals("B002BZX8Z6", n.get("related").get("also_bought").get(1).asText());
    assertEquals(211836, n.get("salesRank").get("Toys & Games").asLong());
    assertEquals("Dance", n.get("categories").get(0).get(2).asText());
  }

  @Test
  void scalarsTuplesAndTrailingCommas() {
    JsonNode n = PythonLiteral.parse(
        "{'t': True, 'f': False, 'n': None, 'neg': -4, 'e': 1.5e3, 'tup': (1, 'a',), 'l': [],"
            + " 'big': 123456789012345678901234567890, 'long': 10L, 'hex': 0xff, 7: 'seven',}");
    assertTrue(n.get("t").asBoolean());
    assertTrue(n.get("f").isBoolean() && !n.get("f").asBoolean());
    assertTrue(n.get("n").isNull());
    assertEquals(-4, n.get("neg").asLong());
    assertEquals(1500.0, n.get("e").asDouble());
    assertEquals(2, n.get("tup").size());
    assertEquals("a", n.get("tup").get(1).asText());
    assertEquals(0, n.get("l").size());
    assertEquals("123456789012345678901234567890", n.get("big").bigIntegerValue().toString());
    assertEquals(10, n.get("long").asLong());
    assertEquals(255, n.get("hex").asLong());
    assertEquals("seven", n.get("7").asText(), "non-string keys become their text");
  }

  @Test
  void stringQuotingAndEscapes() {
    JsonNode n = PythonLiteral.parse("{'a': \"It's\", 'b': 'say \\'hi\\'', 'c': 'tab\\there',"
        + " 'd': 'back\\\\slash', 'e': 'x' \"y\", 'f': '''tri'ple''', 'g': r'raw\\n'}");
    assertEquals("It's", n.get("a").asText());
    assertEquals("say 'hi'", n.get("b").asText());
    assertEquals("tab\there", n.get("c").asText());
    assertEquals("back\\slash", n.get("d").asText());
    assertEquals("xy", n.get("e").asText(), "adjacent literals concatenate");
    assertEquals("tri'ple", n.get("f").asText());
    assertEquals("raw\\n", n.get("g").asText());
  }

  @Test
  void python2ByteEscapesAreUtf8AndUnicodeEscapesAreCodePoints() {
    JsonNode n = PythonLiteral.parse("{'a': 'Women\\xe2\\x80\\x99s', 'b': u'Caf\\xe9',"
        + " 'c': u'\\u2019\\U0001F600', 'd': 'Caf\\xe9', 'e': 'd\\xc3\\xa9j\\xc3\\xa0 \\u00e9',"
        + " 'f': 'caf\u00e9 \\xe2\\x80\\x99'}");
    assertEquals("Women\u2019s", n.get("a").asText());
    assertEquals("Caf\u00e9", n.get("b").asText());
    assertEquals("\u2019\uD83D\uDE00", n.get("c").asText());
    assertEquals("Caf\u00e9", n.get("d").asText(), "invalid UTF-8 bytes fall back to Latin-1");
    assertEquals("d\u00e9j\u00e0 \\u00e9", n.get("e").asText(),
        "\\u is not an escape in a Python 2 byte string");
    assertEquals("caf\u00e9 \u2019", n.get("f").asText(), "raw non-ASCII text is kept");
  }

  @Test
  void errorsNameWhatWasExpectedAndTheColumn() {
    PythonLiteralException e = assertThrows(PythonLiteralException.class,
        () -> PythonLiteral.parse("{'asin': 'B001, 'x': 1}"));
    assertEquals("expected ',' or '}' in a dict, found 'x': 1}' at column 18", e.getMessage());
    e = assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("{'asin': 'B001}"));
    assertEquals("expected a closing quote ' for the string at column 10", e.getMessage());
    e = assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("{'p': nan}"));
    assertEquals("expected a literal (dict, list, tuple, string, number, True, False or None),"
        + " found 'nan' at column 7", e.getMessage());
    e = assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("{'a' 1}"));
    assertEquals("expected ':', found '1}' at column 6", e.getMessage());
    e = assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("{'a': 1} x"));
    assertEquals("expected end of the literal, found 'x' at column 10", e.getMessage());
    e = assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("{'a': [1, 2}"));
    assertEquals(12, e.column());
    e = assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("{'a': __import__('os')}"));
    assertTrue(e.getMessage().startsWith("expected a literal"), "no code, only literals");
  }
}
