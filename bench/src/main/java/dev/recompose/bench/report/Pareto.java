package dev.recompose.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto front of (cost, quality) points: the points no other point beats on both lower
 * cost and higher quality.
 *
 * <p>It exists for the report's quality-versus-latency chart: RecBench's conclusion is a
 * trade-off, and the front shows which models are worth their cost. A point is on the front
 * when every point with lower or equal cost has strictly lower quality (ties in cost keep the
 * better quality only).
 */
public final class Pareto {
  /** A labelled point: {@code cost} lower is better, {@code quality} higher is better. */
  public record Point(double cost, double quality, String label) {}

  private Pareto() {}

  /** The front, ordered by increasing cost. */
  public static List<Point> front(List<Point> points) {
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(Point::cost)
        .thenComparing(Comparator.comparingDouble(Point::quality).reversed()));
    List<Point> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (Point p : sorted) {
      if (p.quality() > best) {
        out.add(p);
        best = p.quality();
      }
    }
    return out;
  }
}
