package dev.recompose.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in a real headless Chromium: the DOM it builds has the charts and their
 * marks, nothing is logged to the console, and a screenshot is kept as
 * {@code bench/target/report-screenshot.png}. Skips with a message when no chromium is
 * installed (Debian: {@code apt-get install chromium}).
 */
class BrowserReportTest {
  @TempDir Path tmp;

  private static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result browse(String exe, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
        "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 240 s");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void rendersInHeadlessChromiumWithChartsAndNoConsoleErrors() throws Exception {
    String exe = chromium();
    assumeTrue(exe != null, "chromium not installed: skipping the browser test of the report"
        + " (Debian: apt-get install -y chromium)");
    Path report = HtmlReport.write(ReportFixture.create(tmp.resolve("bench")));
    String url = report.toUri().toString();
    Result dom = browse(exe, "--dump-dom", url);
    assertEquals(0, dom.exit(), dom.stderr());
    assertEquals(6, count(dom.stdout(), "<svg "), "every chart is in the rendered DOM");
    assertEquals(ReportFixture.SCATTER_POINTS + 15,
        count(dom.stdout(), "<circle class=\"mark"),
        "scatter points and 5 epochs x (loss, valid NDCG@10, valid HR@10) curve points");
    assertTrue(dom.stdout().contains("class=\"pareto\""));
    for (String bad : List.of("Uncaught", "ERROR:CONSOLE", "console(")) {
      assertFalse(dom.stderr().contains(bad), bad + " in chromium's log:\n" + dom.stderr());
    }
    Path shot = Path.of(System.getProperty("basedir", ".")).resolve("target")
        .resolve("report-screenshot.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    Result png = browse(exe, "--screenshot=" + shot, "--window-size=1280,2000",
        "--hide-scrollbars", url);
    assertEquals(0, png.exit(), png.stderr());
    assertTrue(Files.size(shot) > 10_000, "screenshot written: " + shot);
    byte[] head = Files.readAllBytes(shot);
    assertEquals((byte) 0x89, head[0]);
    assertEquals('P', head[1]);
  }
}
