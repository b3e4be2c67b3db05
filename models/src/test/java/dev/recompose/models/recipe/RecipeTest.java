package dev.recompose.models.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.models.train.TrainConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeTest {
  @Test
  void everyBuiltInRecipeLoadsAndNeuralOnesHaveTrainerKeys() {
    for (String name : Recipes.NAMES) {
      Recipe r = Recipes.load(name);
      assertEquals(name, r.name());
      assertEquals(2020, r.getInt("seed"));
      if (r.has("epochs")) {
        TrainConfig c = TrainConfig.from(r);
        assertTrue(c.epochs() > 0);
      }
    }
  }

  @Test
  void paperDefaultsOfSasRec() {
    Recipe r = Recipes.load("sasrec");
    assertEquals("sasrec", r.model());
    assertEquals("bce", r.getString("loss"));
    assertEquals(50, r.getInt("hidden_size"));
    assertEquals(2, r.getInt("blocks"));
    assertEquals(1, r.getInt("heads"));
    assertEquals(0.98, r.getDouble("adam_beta2"));
    assertEquals(1e-8, r.getDouble("ln_eps"));
    assertEquals("ce", Recipes.load("sasrec-ce").getString("loss"));
    assertEquals(0.2, Recipes.load("bert4rec").getDouble("mask_prob"));
  }

  @Test
  void overridesAreTypedAndChangeTheHash() {
    Recipe r = Recipes.load("sasrec");
    Recipe o = r.with(Map.of("hidden_size", "64", "lr", "1e-4", "scale_embedding", "false",
        "block_layout", "pre-ln"));
    assertEquals(64, o.getInt("hidden_size"));
    assertEquals(1e-4, o.getDouble("lr"));
    assertEquals(false, o.getBool("scale_embedding"));
    assertEquals("pre-ln", o.getString("block_layout"));
    assertEquals(50, r.getInt("hidden_size"), "the original is unchanged");
    assertNotEquals(r.hash(), o.hash());
    assertEquals(r.hash(), Recipes.load("sasrec").hash());
    assertEquals(64, r.hash().length());
  }

  @Test
  void unknownKeyListsTheValidOnes() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Recipes.load("sasrec").with(Map.of("hiden_size", "64")));
    assertTrue(e.getMessage().startsWith("unknown key 'hiden_size' for recipe 'sasrec'; valid"
        + " keys: model, loss, max_len, hidden_size,"), e.getMessage());
  }

  @Test
  void badValuesAreRejectedWithTheExpectedType() {
    Recipe r = Recipes.load("sasrec");
    assertEquals("key 'blocks' of recipe 'sasrec' expects an integer, got '2.5'",
        assertThrows(IllegalArgumentException.class, () -> r.with(Map.of("blocks", "2.5")))
            .getMessage());
    assertEquals("key 'scale_embedding' of recipe 'sasrec' expects true or false, got 'yes'",
        assertThrows(IllegalArgumentException.class,
            () -> r.with(Map.of("scale_embedding", "yes"))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.with(Map.of("model", "bert4rec")));
    assertThrows(IllegalArgumentException.class, () -> Recipes.load("sasrec2"));
  }

  @Test
  void listsAndCommandLineAssignments() {
    Recipe r = Recipes.parse("t", "model: x\nks: [1, 5]\n");
    assertEquals(List.of(1, 5), r.getIntList("ks"));
    assertEquals(List.of(10, 20), r.with(Map.of("ks", "[10, 20]")).getIntList("ks"));
    assertEquals(List.of(3), r.with(Map.of("ks", "3")).getIntList("ks"));
    assertEquals(Map.of("a", "1", "b", "x=y"), Recipes.overrides(List.of("a=1", "b=x=y")));
    assertThrows(IllegalArgumentException.class, () -> Recipes.overrides(List.of("a")));
    assertThrows(IllegalArgumentException.class, () -> Recipes.overrides(List.of("a=1", "a=2")));
  }

  @Test
  void yamlRoundTripKeepsTypes() {
    Recipe r = Recipes.load("caser");
    Recipe back = Recipes.parse("caser", Recipes.toYaml(r.values()));
    assertEquals(r.values(), back.values());
    assertEquals(r.hash(), back.hash());
  }
}
