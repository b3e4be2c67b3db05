package dev.recompose.data.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A one-line text progress bar with rate and time left, redrawn in place on a terminal.
 *
 * <p>It exists because imports, downloads and training epochs run for minutes and a user should
 * see they move. Redraws are throttled (at most every {@code minIntervalNanos}) so that calling
 * {@link #advance} once per row costs almost nothing; the clock is injected for tests.
 */
public final class ConsoleProgressBar implements Progress {
  private static final int WIDTH = 28;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final String unit;
  private final LongSupplier nanoClock;
  private final long minIntervalNanos;
  private final long startNanos;
  private long done;
  private long lastDraw;
  private String status = "";
  private boolean closed;
  private boolean drawn;

  /**
   * Creates a bar.
   *
   * @param out where to draw (usually {@code System.err})
   * @param label what is being done, e.g. {@code "import u.data"}
   * @param total units expected, or {@code -1} when unknown (then only count and rate show)
   * @param unit name of a unit, e.g. {@code "rows"}
   * @param nanoClock a monotonic clock, {@code System::nanoTime} outside tests
   * @param minIntervalNanos the least time between two redraws
   */
  public ConsoleProgressBar(
      PrintStream out,
      String label,
      long total,
      String unit,
      LongSupplier nanoClock,
      long minIntervalNanos) {
    this.out = Objects.requireNonNull(out, "out");
    this.label = Objects.requireNonNull(label, "label");
    this.total = total;
    this.unit = Objects.requireNonNull(unit, "unit");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.minIntervalNanos = minIntervalNanos;
    this.startNanos = nanoClock.getAsLong();
    this.lastDraw = startNanos;
  }

  /** A bar on standard error redrawn at most five times a second. */
  public static ConsoleProgressBar stderr(String label, long total, String unit) {
    return new ConsoleProgressBar(System.err, label, total, unit, System::nanoTime, 200_000_000L);
  }

  @Override
  public void advance(long units) {
    if (closed) {
      return;
    }
    done += units;
    long now = nanoClock.getAsLong();
    if (now - lastDraw >= minIntervalNanos) {
      lastDraw = now;
      draw(now, false);
    }
  }

  @Override
  public void status(String text) {
    this.status = text == null ? "" : text;
  }

  /** Units finished so far. */
  public long done() {
    return done;
  }

  /** Finishes the bar: draws its final state, unless the task ended before the first redraw. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (drawn) {
      draw(nanoClock.getAsLong(), true);
    }
    closed = true;
  }

  /** Renders the line for the given state; public for tests. */
  public String render(long nowNanos) {
    double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
    double rate = done / seconds;
    StringBuilder sb = new StringBuilder(96);
    sb.append(label).append(' ');
    if (total > 0) {
      double frac = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(frac * WIDTH);
      sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      sb.append(String.format(Locale.ROOT, "%3.0f%% ", frac * 100));
      sb.append(human(done)).append('/').append(human(total)).append(' ').append(unit);
      if (rate > 0 && done < total) {
        sb.append(String.format(Locale.ROOT, " eta %s", clock((total - done) / rate)));
      }
    } else {
      sb.append(human(done)).append(' ').append(unit);
    }
    sb.append(String.format(Locale.ROOT, " %s %s/s %s", clock(seconds), human((long) rate), unit));
    if (!status.isEmpty()) {
      sb.append(" | ").append(status);
    }
    return sb.toString();
  }

  private void draw(long now, boolean last) {
    drawn = true;
    out.print('\r');
    out.print(render(now));
    out.print("\u001b[K");
    if (last) {
      out.println();
    }
    out.flush();
  }

  static String human(long n) {
    if (n < 10_000) {
      return Long.toString(n);
    }
    if (n < 10_000_000) {
      return String.format(Locale.ROOT, "%.1fk", n / 1e3);
    }
    if (n < 10_000_000_000L) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    return String.format(Locale.ROOT, "%.1fG", n / 1e9);
  }

  static String clock(double seconds) {
    long s = (long) seconds;
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
