package dev.recompose.bench.report;

import static dev.recompose.bench.report.Svg.esc;
import static dev.recompose.bench.report.Svg.f;

import java.util.ArrayList;
import java.util.List;

/**
 * An inline-SVG scatter plot of quality against cost with the Pareto front drawn as a step line
 * and its points ringed.
 *
 * <p>It exists for RecBench's central picture, quality versus inference latency: the x axis is
 * logarithmic when latencies span more than a decade (they do once LLM rankers are in).
 */
final class ScatterChart {
  private static final double W = 560;
  private static final double H = 340;
  private static final double L = 70;
  private static final double R = 150;
  private static final double T = 30;
  private static final double B = 50;

  private ScatterChart() {}

  static String render(String title, List<Pareto.Point> points, String xLabel, String yLabel) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Pareto.Point p : points) {
      xs.add(p.cost());
      ys.add(p.quality());
    }
    Svg.Scale x = Svg.Scale.of(xs, L, W - R, true, false);
    Svg.Scale y = Svg.Scale.of(ys, H - B, T, false, false);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart scatter\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(f(W)).append("\" height=\"").append(f(H)).append("\" viewBox=\"0 0 ").append(f(W))
        .append(' ').append(f(H)).append("\" role=\"img\" aria-label=\"").append(esc(title))
        .append("\">");
    sb.append("<text class=\"title\" x=\"").append(f(L)).append("\" y=\"18\">").append(esc(title))
        .append("</text>");
    Svg.axes(sb, x, y, L, T, W - R, H - B, xLabel + (x.log() ? " (log scale)" : ""), yLabel);
    List<Pareto.Point> front = Pareto.front(points);
    if (front.size() > 1) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < front.size(); i++) {
        Pareto.Point p = front.get(i);
        if (i == 0) {
          d.append("M").append(f(x.px(p.cost()))).append(',').append(f(y.px(p.quality())));
        } else {
          d.append(" H").append(f(x.px(p.cost()))).append(" V").append(f(y.px(p.quality())));
        }
      }
      sb.append("<path class=\"pareto\" d=\"").append(d).append("\"/>");
    }
    for (int i = 0; i < points.size(); i++) {
      Pareto.Point p = points.get(i);
      boolean onFront = front.contains(p);
      String color = Svg.PALETTE.get(i % Svg.PALETTE.size());
      sb.append("<circle class=\"mark").append(onFront ? " front" : "").append("\" cx=\"")
          .append(f(x.px(p.cost()))).append("\" cy=\"").append(f(y.px(p.quality())))
          .append("\" r=\"6\" fill=\"").append(color).append("\"><title>").append(esc(p.label()))
          .append(": ").append(esc(Svg.tick(p.quality()))).append(" at ")
          .append(esc(Svg.tick(p.cost()))).append(onFront ? " (Pareto front)" : "")
          .append("</title></circle>");
      double ly = T + 14 + i * 18;
      sb.append("<circle cx=\"").append(f(W - R + 16)).append("\" cy=\"").append(f(ly - 4))
          .append("\" r=\"5\" fill=\"").append(color).append("\"/>");
      sb.append("<text class=\"legend\" x=\"").append(f(W - R + 26)).append("\" y=\"")
          .append(f(ly)).append("\">").append(esc(p.label())).append(onFront ? " \u2605" : "")
          .append("</text>");
    }
    sb.append("</svg>");
    return sb.toString();
  }
}
