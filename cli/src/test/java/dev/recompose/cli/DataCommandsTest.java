package dev.recompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recompose.data.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandsTest {
  @TempDir Path tmp;

  Path ml100kFixture() throws IOException {
    Path d = tmp.resolve("src");
    Files.createDirectories(d);
    Files.writeString(d.resolve("u.data"), "1\t10\t5\t881250949\n1\t20\t3\t881250950\n2\t10\t4\t8\n");
    Files.writeString(d.resolve("u.genre"), "unknown|0\nAction|1\n");
    Files.write(d.resolve("u.item"),
        "10|Toy Story (1995)|01-Jan-1995||u|0|1\n20|B (2001)|||u|1|0\n".getBytes(StandardCharsets.ISO_8859_1));
    return d;
  }

  @Test
  void everySubcommandHasHelp() {
    List<String[]> paths = new ArrayList<>();
    collect(new CommandLine(new RecomposeCommand()), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 4, "found " + paths.size());
    for (String[] p : paths) {
      String[] args = java.util.Arrays.copyOf(p, p.length + 1);
      args[p.length] = "--help";
      CliRunner r = CliRunner.run(args);
      assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.out().contains("Usage:"), String.join(" ", args));
    }
  }

  private static void collect(CommandLine cl, List<String> prefix, List<String[]> out) {
    out.add(prefix.toArray(String[]::new));
    cl.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        List<String> p = new ArrayList<>(prefix);
        p.add(name);
        collect(sub, p, out);
      }
    });
  }

  @Test
  void importThenInfoTextAndJson() throws IOException {
    Path out = tmp.resolve("ds");
    CliRunner imp = CliRunner.run("data", "import", "movielens-100k", "--from",
        ml100kFixture().toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, imp.code(), imp.err());
    assertTrue(imp.out().contains("2 users, 2 items, 3 interactions"), imp.out());
    CliRunner info = CliRunner.run("data", "info", out.toString());
    assertEquals(0, info.code(), info.err());
    assertTrue(info.out().contains("density      0.750000"), info.out());
    assertTrue(info.out().contains("split        none"), info.out());
    CliRunner json = CliRunner.run("data", "info", out.toString(), "--json");
    assertEquals(0, json.code(), json.err());
    JsonNode n = Json.mapper().readTree(json.out());
    assertEquals(3, n.at("/counts/interactions").asInt());
    assertEquals(2, n.at("/interactionsPerUser/count").asInt());
    assertEquals("movielens-100k", n.at("/provenance/importer").asText());
  }

  @Test
  void userErrorsExitOneWithOneLine() throws IOException {
    CliRunner unknown = CliRunner.run("data", "import", "nope", "--from", "x", "--out", "y");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().startsWith("error: unknown format 'nope'; known formats: "),
        unknown.err());
    assertTrue(unknown.err().contains("movielens-100k"), unknown.err());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
    Path src = ml100kFixture();
    Files.writeString(src.resolve("u.data"), "1\t10\t5\t881250949\n1\t20\t3\n");
    CliRunner bad = CliRunner.run("data", "import", "movielens-100k", "--from", src.toString(),
        "--out", tmp.resolve("bad").toString(), "--quiet");
    assertEquals(1, bad.code());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().contains("u.data:2: column 4: expected 4 fields"), bad.err());
    CliRunner missing = CliRunner.run("data", "info", tmp.resolve("nothing").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith("error: ") && missing.err().contains("not a dataset directory"));
    CliRunner badOption = CliRunner.run("data", "info");
    assertEquals(1, badOption.code());
    assertTrue(badOption.err().contains("Missing required parameter"), badOption.err());
  }

  @Test
  void verboseAddsStackTrace() {
    CliRunner r = CliRunner.run("--verbose", "data", "info", tmp.resolve("nothing").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("at dev.recompose"), r.err());
  }

  @Test
  void synthThenSplitThenInfo() throws IOException {
    Path out = tmp.resolve("syn");
    CliRunner g = CliRunner.run("data", "synth", "--users", "200", "--items", "100", "--out",
        out.toString());
    assertEquals(0, g.code(), g.err());
    assertTrue(g.out().contains("200 users, 100 items"), g.out());
    CliRunner s = CliRunner.run("data", "split", out.toString(), "--scheme", "leave-one-out");
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("test   200"), s.out());
    JsonNode n = Json.mapper().readTree(CliRunner.run("data", "info", out.toString(), "--json").out());
    assertEquals("leave-one-out", n.at("/split/scheme").asText());
    assertEquals(200, n.at("/split/sizes/test").asInt());
    CliRunner bad = CliRunner.run("data", "split", out.toString(), "--scheme", "leave-one-out",
        "-p", "nope=1");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("nope") && bad.err().contains("min-len"), bad.err());
    CliRunner list = CliRunner.run("data", "split", "--list");
    assertTrue(list.out().contains("recbench-ctr"), list.out());
  }
}
