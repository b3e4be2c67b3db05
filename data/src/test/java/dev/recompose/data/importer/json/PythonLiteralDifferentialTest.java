package dev.recompose.data.importer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link PythonLiteral} with Python itself: python3 writes random dicts both as
 * Python 2 style {@code repr} lines (byte strings with {@code \xhh} UTF-8 escapes, as in the
 * Amazon 2014 metadata) and as JSON; both must parse to the same tree. Skipped without python3.
 */
class PythonLiteralDifferentialTest {
  @TempDir Path tmp;

  private static final String SCRIPT = """
      import json, random, sys
      random.seed(7)
      ALPHA = list("abc XYZ'\\"\\\\\\n\\t,:{}[]()#") + ["\\u00e9", "\\u2019", "\\u4e2d", "\\U0001F600"]
      def s():
          return "".join(random.choice(ALPHA) for _ in range(random.randint(0, 12)))
      def py2(v):
          if isinstance(v, str):
              return repr(v.encode("utf-8"))[1:]
          if isinstance(v, bool) or v is None:
              return repr(v)
          if isinstance(v, (int, float)):
              return repr(v)
          if isinstance(v, list):
              return "[" + ", ".join(py2(x) for x in v) + "]"
          if isinstance(v, tuple):
              return "(" + ", ".join(py2(x) for x in v) + ("," if len(v) == 1 else "") + ")"
          return "{" + ", ".join(py2(k) + ": " + py2(x) for k, x in v.items()) + "}"
      def val(d):
          r = random.random()
          if d > 2 or r < 0.3: return s()
          if r < 0.4: return random.randint(-10**6, 10**6)
          if r < 0.5: return random.uniform(-1e4, 1e4)
          if r < 0.55: return random.choice([True, False, None])
          if r < 0.75: return [val(d + 1) for _ in range(random.randint(0, 4))]
          if r < 0.8: return tuple(val(d + 1) for _ in range(random.randint(1, 3)))
          return {s(): val(d + 1) for _ in range(random.randint(0, 4))}
      with open(sys.argv[1], "w") as lit, open(sys.argv[2], "w") as js:
          for _ in range(500):
              o = {"asin": s()}
              for _ in range(random.randint(0, 5)):
                  o[s()] = val(0)
              lit.write(py2(o) + "\\n")
              js.write(json.dumps(o) + "\\n")
      """;

  @Test
  void agreesWithPythonOnRandomLiterals() throws Exception {
    Path script = tmp.resolve("gen.py");
    Files.writeString(script, SCRIPT);
    Path lit = tmp.resolve("lit.txt");
    Path js = tmp.resolve("json.txt");
    Process p;
    try {
      p = new ProcessBuilder("python3", script.toString(), lit.toString(), js.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "python3 not available: skipping (" + e.getMessage() + ")");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 failed: " + out);
    List<String> literals = Files.readAllLines(lit, StandardCharsets.UTF_8);
    List<String> jsons = Files.readAllLines(js, StandardCharsets.UTF_8);
    assertEquals(500, literals.size());
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < literals.size(); i++) {
      JsonNode expected = mapper.readTree(jsons.get(i));
      JsonNode actual = PythonLiteral.parse(literals.get(i));
      assertEquals(normalize(mapper, expected), normalize(mapper, actual),
          "line " + (i + 1) + ": " + literals.get(i));
    }
  }

  /** Numbers compared by value (Python ints may come back as longs or doubles). */
  private static String normalize(ObjectMapper m, JsonNode n) throws IOException {
    return m.writeValueAsString(m.readTree(m.writeValueAsString(n)
        .replaceAll("(?<=[:\\[,])(-?\\d+)\\.0(?=[,\\]}])", "$1")));
  }
}
