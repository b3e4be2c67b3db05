package dev.recompose.bench.report;

import static dev.recompose.bench.report.Svg.esc;
import static dev.recompose.bench.report.Svg.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inline-SVG line chart of one or more series over epochs.
 *
 * <p>It exists for the report's training curves (loss and validation metric per epoch, from a
 * run's {@code train-log.jsonl}): a curve shows whether a model converged, overfit or was cut
 * by its budget, which a final number hides.
 */
final class LineChart {
  private static final double W = 380;
  private static final double H = 240;
  private static final double L = 64;
  private static final double R = 16;
  private static final double T = 40;
  private static final double B = 48;

  private LineChart() {}

  /** {@code series}: name to points {x, y}, in x order. */
  static String render(String title, Map<String, List<double[]>> series, String xLabel,
      String yLabel) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (List<double[]> s : series.values()) {
      for (double[] p : s) {
        xs.add(p[0]);
        ys.add(p[1]);
      }
    }
    Svg.Scale x = Svg.Scale.of(xs, L, W - R, false, false);
    if (xs.stream().allMatch(v -> v == Math.rint(v))) {
      x = x.withIntegerTicks();
    }
    Svg.Scale y = Svg.Scale.of(ys, H - B, T, false, false);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart line\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(f(W)).append("\" height=\"").append(f(H)).append("\" viewBox=\"0 0 ").append(f(W))
        .append(' ').append(f(H)).append("\" role=\"img\" aria-label=\"").append(esc(title))
        .append("\">");
    sb.append("<text class=\"title\" x=\"").append(f(L)).append("\" y=\"18\">").append(esc(title))
        .append("</text>");
    Svg.axes(sb, x, y, L, T, W - R, H - B, xLabel, yLabel);
    int i = 0;
    for (Map.Entry<String, List<double[]>> s : new LinkedHashMap<>(series).entrySet()) {
      String color = Svg.PALETTE.get(i++ % Svg.PALETTE.size());
      StringBuilder pts = new StringBuilder();
      for (double[] p : s.getValue()) {
        pts.append(f(x.px(p[0]))).append(',').append(f(y.px(p[1]))).append(' ');
      }
      sb.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(color)
          .append("\" points=\"").append(pts.toString().trim()).append("\"><title>")
          .append(esc(s.getKey())).append("</title></polyline>");
      for (double[] p : s.getValue()) {
        sb.append("<circle class=\"mark\" r=\"2.5\" fill=\"").append(color).append("\" cx=\"")
            .append(f(x.px(p[0]))).append("\" cy=\"").append(f(y.px(p[1]))).append("\"/>");
      }
      if (series.size() > 1) {
        double lx = L + 8 + (i - 1) * 150;
        sb.append("<rect x=\"").append(f(lx)).append("\" y=\"").append(f(T - 8))
            .append("\" width=\"10\" height=\"3\" fill=\"").append(color).append("\"/>")
            .append("<text class=\"legend\" x=\"").append(f(lx + 14)).append("\" y=\"")
            .append(f(T - 3)).append("\">").append(esc(s.getKey())).append("</text>");
      }
    }
    sb.append("</svg>");
    return sb.toString();
  }
}
