package dev.recompose.data.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

  @Test
  void rendersFractionRateAndEtaFromInjectedClock() {
    AtomicLong now = new AtomicLong(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgressBar bar =
        new ConsoleProgressBar(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), "import", 1000, "rows", now::get, 1);
    now.set(2_000_000_000L);
    bar.advance(500);
    String line = bar.render(now.get());
    assertTrue(line.contains(" 50% 500/1000 rows"), line);
    assertTrue(line.contains("eta 0:02"), line);
    assertTrue(line.contains("250/s"), line);
    now.set(3_000_000_000L);
    bar.advance(1);
    bar.close();
    assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith(System.lineSeparator()));
  }

  @Test
  void throttlesRedraws() {
    AtomicLong now = new AtomicLong(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgressBar bar =
        new ConsoleProgressBar(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", -1, "rows", now::get, 1000);
    for (int i = 0; i < 100; i++) {
      bar.advance(1);
    }
    assertEquals(0, bytes.size(), "no redraw before the interval has passed");
    now.set(5000);
    bar.advance(1);
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("101 rows"));
  }

  @Test
  void quickTaskPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgressBar bar = new ConsoleProgressBar(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", 10, "rows", () -> 0L, 1000);
    bar.advance(10);
    bar.close();
    assertEquals(0, bytes.size());
  }

  @Test
  void formatsLargeCountsAndClock() {
    assertEquals("12.3k", ConsoleProgressBar.human(12_345));
    assertEquals("1:01:01", ConsoleProgressBar.clock(3661));
  }
}
