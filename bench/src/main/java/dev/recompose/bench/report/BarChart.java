package dev.recompose.bench.report;

import static dev.recompose.bench.report.Svg.esc;
import static dev.recompose.bench.report.Svg.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inline-SVG grouped bar chart with error bars: one group per model, one bar per item
 * representation.
 *
 * <p>It exists for RecBench's comparison of the four item forms (ID, text, semantic embedding,
 * semantic ID) per model: the bars of a group share the model and differ only in what an item
 * is. Error bars are ± one standard deviation over seeds.
 */
final class BarChart {
  private static final double H = 300;
  private static final double L = 70;
  private static final double T = 30;
  private static final double B = 60;

  private BarChart() {}

  /** {@code groups}: group to (bar to {mean, std}); {@code bars}: every bar name, in order. */
  static String render(String title, Map<String, Map<String, double[]>> groups, List<String> bars,
      String yLabel) {
    double barW = 22;
    double groupW = bars.size() * barW + 24;
    double w = Math.max(520, L + groups.size() * groupW + 140);
    List<Double> ys = new ArrayList<>();
    ys.add(0.0);
    for (Map<String, double[]> g : groups.values()) {
      for (double[] v : g.values()) {
        ys.add(v[0] + v[1]);
      }
    }
    Svg.Scale y = Svg.Scale.of(ys, H - B, T, false, true);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(f(w)).append("\" height=\"").append(f(H)).append("\" viewBox=\"0 0 ").append(f(w))
        .append(' ').append(f(H)).append("\" role=\"img\" aria-label=\"").append(esc(title))
        .append("\">");
    sb.append("<text class=\"title\" x=\"").append(f(L)).append("\" y=\"18\">").append(esc(title))
        .append("</text>");
    double right = L + groups.size() * groupW;
    Svg.axes(sb, null, y, L, T, right, H - B, "model", yLabel);
    int gi = 0;
    for (Map.Entry<String, Map<String, double[]>> g : new LinkedHashMap<>(groups).entrySet()) {
      double x0 = L + gi * groupW + 12;
      for (int b = 0; b < bars.size(); b++) {
        double[] v = g.getValue().get(bars.get(b));
        if (v == null) {
          continue;
        }
        double x = x0 + b * barW;
        double top = y.px(v[0]);
        double base = y.px(Math.max(0, y.lo()));
        sb.append("<rect class=\"bar\" x=\"").append(f(x)).append("\" y=\"")
            .append(f(Math.min(top, base))).append("\" width=\"").append(f(barW - 3))
            .append("\" height=\"").append(f(Math.abs(base - top))).append("\" fill=\"")
            .append(Svg.PALETTE.get(b % Svg.PALETTE.size())).append("\"><title>")
            .append(esc(g.getKey() + " / " + bars.get(b) + ": " + Svg.tick(v[0]) + " ± "
                + Svg.tick(v[1]))).append("</title></rect>");
        if (v[1] > 0) {
          double cx = x + (barW - 3) / 2;
          sb.append("<path class=\"err\" d=\"M").append(f(cx)).append(',')
              .append(f(y.px(v[0] - v[1]))).append(" V").append(f(y.px(v[0] + v[1])))
              .append("\"/>");
        }
      }
      sb.append("<text class=\"tick\" x=\"").append(f(x0 + bars.size() * barW / 2))
          .append("\" y=\"").append(f(H - B + 16)).append("\" text-anchor=\"middle\">")
          .append(esc(g.getKey())).append("</text>");
      gi++;
    }
    for (int b = 0; b < bars.size(); b++) {
      double ly = T + 14 + b * 18;
      sb.append("<rect x=\"").append(f(right + 20)).append("\" y=\"").append(f(ly - 10))
          .append("\" width=\"12\" height=\"12\" fill=\"")
          .append(Svg.PALETTE.get(b % Svg.PALETTE.size())).append("\"/>");
      sb.append("<text class=\"legend\" x=\"").append(f(right + 38)).append("\" y=\"")
          .append(f(ly)).append("\">").append(esc(bars.get(b))).append("</text>");
    }
    sb.append("</svg>");
    return sb.toString();
  }
}
