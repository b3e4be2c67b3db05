package dev.recompose.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recompose.models.recipe.Recipes;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
  @Test
  void schedules() {
    var r = Recipes.load("sasrec");
    TrainConfig c = TrainConfig.from(r);
    assertEquals(1e-3, c.lrAt(0, 100));
    assertEquals(1e-3, c.lrAt(99, 100));
    TrainConfig w = TrainConfig.from(r.with(Map.of("lr_schedule", "warmup-linear",
        "warmup_steps", "10")));
    assertEquals(1e-4, w.lrAt(0, 110), 1e-12);
    assertEquals(1e-3, w.lrAt(10, 110), 1e-12);
    assertEquals(5e-4, w.lrAt(60, 110), 1e-12);
    assertEquals(0, w.lrAt(110, 110), 1e-12);
    TrainConfig cos = TrainConfig.from(r.with(Map.of("lr_schedule", "warmup-cosine",
        "warmup_steps", "0")));
    assertEquals(5e-4, cos.lrAt(50, 100), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> TrainConfig.from(r.with(Map.of("lr_schedule", "linear"))));
    assertThrows(IllegalArgumentException.class,
        () -> TrainConfig.from(r.with(Map.of("batch_size", "0"))));
  }

  @Test
  void stateRoundTripsExactly() {
    TrainState s = new TrainState(3, 7, 31, 0.1 + 0.2, 1.5, 0.123456789012345678, 2, 1, 3,
        false);
    assertEquals(s, TrainState.fromMetadata(s.toMetadata()));
    assertEquals(TrainState.start(), TrainState.fromMetadata(TrainState.start().toMetadata()));
  }

  @Test
  void streamsArePureFunctionsOfSeedAndStep() {
    int[] a = Seeds.permutation(50, Seeds.epoch(7, 3));
    assertArrayEquals(a, Seeds.permutation(50, Seeds.epoch(7, 3)));
    assertNotEquals(Arrays.toString(a), Arrays.toString(Seeds.permutation(50, Seeds.epoch(7, 4))));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, sorted[i]);
    }
    assertEquals(Seeds.step(1, 5).nextInt(1000), Seeds.step(1, 5).nextInt(1000));
    assertNotEquals(Seeds.step(1, 5).nextDouble(), Seeds.step(1, 6).nextDouble());
  }
}
