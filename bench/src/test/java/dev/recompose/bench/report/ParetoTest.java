package dev.recompose.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {
  @Test
  void keepsOnlyPointsNothingBeatsOnBothAxes() {
    Pareto.Point fastBad = new Pareto.Point(0.01, 0.10, "pop");
    Pareto.Point mid = new Pareto.Point(0.5, 0.25, "itemknn");
    Pareto.Point dominated = new Pareto.Point(0.6, 0.20, "gru4rec");
    Pareto.Point slowGood = new Pareto.Point(40, 0.30, "llm");
    Pareto.Point sameCostWorse = new Pareto.Point(0.5, 0.22, "caser");
    Pareto.Point slowerSame = new Pareto.Point(80, 0.30, "llm-big");
    assertEquals(List.of(fastBad, mid, slowGood), Pareto.front(List.of(slowGood, dominated,
        sameCostWorse, mid, slowerSame, fastBad)));
    assertEquals(List.of(fastBad), Pareto.front(List.of(fastBad)));
    assertEquals(List.of(), Pareto.front(List.of()));
  }
}
