package dev.recompose.models.ctr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which bricks make a model and its field width: the {@code model} section of a recipe.
 *
 * <p>It exists so that a model is data ({@code item: [features]}, {@code user: [nrms]},
 * {@code predictor: dot}) that can be printed, hashed and overridden, not code.
 *
 * @param dim field width shared by the bricks
 * @param items item encoders; their fields are concatenated
 * @param users user encoders; their fields are concatenated
 * @param predictor the predictor
 */
public record ModelSpec(int dim, List<BrickConfig> items, List<BrickConfig> users,
    BrickConfig predictor) {
  public ModelSpec {
    if (dim <= 0) {
      throw new IllegalArgumentException("model.dim must be positive, got " + dim);
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("model.item names no item encoder");
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException("model.user names no user encoder");
    }
    Objects.requireNonNull(predictor, "model.predictor");
    items = List.copyOf(items);
    users = List.copyOf(users);
  }

  /** Parses the {@code model} mapping of a recipe. */
  public static ModelSpec parse(Map<String, Object> m) {
    Object dim = m.get("dim");
    if (!(dim instanceof Number n)) {
      throw new IllegalArgumentException("model.dim must be a number, got " + dim);
    }
    return new ModelSpec(n.intValue(), bricks(m.get("item"), "model.item"),
        bricks(m.get("user"), "model.user"), BrickConfig.of(m.get("predictor"), "model.predictor"));
  }

  private static List<BrickConfig> bricks(Object node, String where) {
    if (node == null) {
      throw new IllegalArgumentException(where + " is missing");
    }
    if (node instanceof List<?> l) {
      return l.stream().map(o -> BrickConfig.of(o, where)).toList();
    }
    return List.of(BrickConfig.of(node, where));
  }
}
