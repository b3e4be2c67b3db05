package dev.recompose.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small helpers for hand-written SVG: escaping, coordinates, axis scales with "nice" ticks.
 *
 * <p>It exists because the report must be one self-contained file with no scripts or external
 * libraries, so charts are plain inline SVG written here; keeping escaping and scales in one
 * place keeps every chart well-formed.
 */
final class Svg {
  /** Colours for series and representations (colour-blind-safe Okabe-Ito palette). */
  static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7",
      "#56B4E9", "#D55E00", "#F0E442", "#000000");

  private Svg() {}

  /** XML-escapes text and attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A coordinate with two decimals. */
  static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** A tick label: compact, no trailing zeros. */
  static String tick(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e4 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.0e", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A linear or base-10 logarithmic map from a data range to a pixel range. */
  record Scale(double lo, double hi, double p0, double p1, boolean log, boolean integer) {
    /** A scale over {@code values} (padded), logarithmic when asked and all values positive. */
    static Scale of(List<Double> values, double p0, double p1, boolean wantLog, boolean zero) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (values.isEmpty()) {
        lo = 0;
        hi = 1;
      }
      boolean log = wantLog && lo > 0 && hi / lo > 10;
      if (log) {
        return new Scale(Math.pow(10, Math.floor(Math.log10(lo))),
            Math.pow(10, Math.ceil(Math.log10(hi))), p0, p1, true, false);
      }
      if (zero) {
        lo = Math.min(0, lo);
      }
      if (hi - lo < 1e-12) {
        double pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
        lo -= zero && lo == 0 ? 0 : pad;
        hi += pad;
      } else {
        double pad = (hi - lo) * 0.08;
        hi += pad;
        lo = zero && lo >= 0 ? lo : lo - pad;
      }
      return new Scale(lo, hi, p0, p1, false, false);
    }

    /** This scale with ticks on whole numbers only (epochs). */
    Scale withIntegerTicks() {
      return new Scale(lo, hi, p0, p1, log, true);
    }

    double px(double v) {
      double t = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
          : (v - lo) / (hi - lo);
      return p0 + t * (p1 - p0);
    }

    List<Double> ticks() {
      List<Double> out = new ArrayList<>();
      if (log) {
        for (double t = lo; t <= hi * 1.0001; t *= 10) {
          out.add(t);
        }
        return out;
      }
      double raw = (hi - lo) / 5;
      double mag = Math.pow(10, Math.floor(Math.log10(raw)));
      double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5
          ? 5 * mag : 10 * mag;
      if (integer) {
        step = Math.max(1, Math.ceil(step));
      }
      for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
        out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
      }
      return out;
    }
  }

  /** Axes with ticks, grid lines and labels for a plot area. */
  static void axes(StringBuilder sb, Scale x, Scale y, double left, double top, double right,
      double bottom, String xLabel, String yLabel) {
    sb.append("<g class=\"axes\">");
    for (double t : y.ticks()) {
      double py = y.px(t);
      sb.append("<line class=\"grid\" x1=\"").append(f(left)).append("\" x2=\"").append(f(right))
          .append("\" y1=\"").append(f(py)).append("\" y2=\"").append(f(py)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(f(left - 6)).append("\" y=\"")
          .append(f(py + 4)).append("\" text-anchor=\"end\">").append(esc(tick(t)))
          .append("</text>");
    }
    if (x != null) {
      for (double t : x.ticks()) {
        double px = x.px(t);
        sb.append("<line class=\"grid\" x1=\"").append(f(px)).append("\" x2=\"").append(f(px))
            .append("\" y1=\"").append(f(top)).append("\" y2=\"").append(f(bottom))
            .append("\"/>").append("<text class=\"tick\" x=\"").append(f(px)).append("\" y=\"")
            .append(f(bottom + 16)).append("\" text-anchor=\"middle\">").append(esc(tick(t)))
            .append("</text>");
      }
    }
    sb.append("<line class=\"axis\" x1=\"").append(f(left)).append("\" x2=\"").append(f(right))
        .append("\" y1=\"").append(f(bottom)).append("\" y2=\"").append(f(bottom)).append("\"/>");
    sb.append("<line class=\"axis\" x1=\"").append(f(left)).append("\" x2=\"").append(f(left))
        .append("\" y1=\"").append(f(top)).append("\" y2=\"").append(f(bottom)).append("\"/>");
    sb.append("<text class=\"label\" x=\"").append(f((left + right) / 2)).append("\" y=\"")
        .append(f(bottom + 34)).append("\" text-anchor=\"middle\">").append(esc(xLabel))
        .append("</text>");
    sb.append("<text class=\"label\" transform=\"translate(").append(f(left - 46)).append(",")
        .append(f((top + bottom) / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(esc(yLabel)).append("</text>");
    sb.append("</g>");
  }
}
