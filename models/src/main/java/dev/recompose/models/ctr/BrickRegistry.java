package dev.recompose.models.ctr;

import dev.recompose.models.ctr.item.FeatureItemEncoder;
import dev.recompose.models.ctr.item.IdItemEncoder;
import dev.recompose.models.ctr.item.ItemEncoder;
import dev.recompose.models.ctr.item.SemanticIdItemEncoder;
import dev.recompose.models.ctr.item.TextItemEncoder;
import dev.recompose.models.ctr.item.VectorItemEncoder;
import dev.recompose.models.ctr.predictor.DcnPredictor;
import dev.recompose.models.ctr.predictor.DcnV2Predictor;
import dev.recompose.models.ctr.predictor.DeepFmPredictor;
import dev.recompose.models.ctr.predictor.DinPredictor;
import dev.recompose.models.ctr.predictor.DnnPredictor;
import dev.recompose.models.ctr.predictor.DotPredictor;
import dev.recompose.models.ctr.predictor.FinalMlpPredictor;
import dev.recompose.models.ctr.predictor.LrPredictor;
import dev.recompose.models.ctr.predictor.Predictor;
import dev.recompose.models.ctr.user.AdditiveUserEncoder;
import dev.recompose.models.ctr.user.DinUserEncoder;
import dev.recompose.models.ctr.user.FeatureUserEncoder;
import dev.recompose.models.ctr.user.GruUserEncoder;
import dev.recompose.models.ctr.user.IdUserEncoder;
import dev.recompose.models.ctr.user.MeanUserEncoder;
import dev.recompose.models.ctr.user.NrmsUserEncoder;
import dev.recompose.models.ctr.user.TransformerUserEncoder;
import dev.recompose.models.ctr.user.UserEncoder;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names recipes use for bricks, mapped to their constructors.
 *
 * <p>It exists so that adding a brick is one class plus one line here (or one
 * {@code register*} call from outside): the class takes {@code (BrickConfig, BrickContext)} and
 * the name becomes usable in any YAML recipe.
 */
public final class BrickRegistry {
  /** Builds a brick from its settings and the model context. */
  @FunctionalInterface
  public interface Factory<T> {
    /** A new brick. */
    T create(BrickConfig cfg, BrickContext ctx);
  }

  private static final Map<String, Factory<? extends ItemEncoder>> ITEMS = new ConcurrentHashMap<>();
  private static final Map<String, Factory<? extends UserEncoder>> USERS = new ConcurrentHashMap<>();
  private static final Map<String, Factory<? extends Predictor>> PREDICTORS =
      new ConcurrentHashMap<>();

  static {
    ITEMS.put("id", IdItemEncoder::new);
    ITEMS.put("features", FeatureItemEncoder::new);
    ITEMS.put("text", TextItemEncoder::new);
    ITEMS.put("vector", VectorItemEncoder::new);
    ITEMS.put("semantic-id", SemanticIdItemEncoder::new);
    USERS.put("id", IdUserEncoder::new);
    USERS.put("features", FeatureUserEncoder::new);
    USERS.put("additive", AdditiveUserEncoder::new);
    USERS.put("nrms", NrmsUserEncoder::new);
    USERS.put("gru", GruUserEncoder::new);
    USERS.put("mean", MeanUserEncoder::new);
    USERS.put("transformer", TransformerUserEncoder::new);
    USERS.put("din", DinUserEncoder::new);
    PREDICTORS.put("dot", DotPredictor::new);
    PREDICTORS.put("lr", LrPredictor::new);
    PREDICTORS.put("dnn", DnnPredictor::new);
    PREDICTORS.put("deepfm", DeepFmPredictor::new);
    PREDICTORS.put("dcn", DcnPredictor::new);
    PREDICTORS.put("dcnv2", DcnV2Predictor::new);
    PREDICTORS.put("din", DinPredictor::new);
    PREDICTORS.put("finalmlp", FinalMlpPredictor::new);
  }

  private BrickRegistry() {}

  /** Registers (or replaces) an item encoder name. */
  public static void registerItem(String name, Factory<? extends ItemEncoder> f) {
    ITEMS.put(name, f);
  }

  /** Registers (or replaces) a user encoder name. */
  public static void registerUser(String name, Factory<? extends UserEncoder> f) {
    USERS.put(name, f);
  }

  /** Registers (or replaces) a predictor name. */
  public static void registerPredictor(String name, Factory<? extends Predictor> f) {
    PREDICTORS.put(name, f);
  }

  /** Builds the item encoder named in {@code cfg}. */
  public static ItemEncoder item(BrickConfig cfg, BrickContext ctx) {
    return lookup(ITEMS, "item encoder", cfg.name()).create(cfg, ctx);
  }

  /** Builds the user encoder named in {@code cfg}. */
  public static UserEncoder user(BrickConfig cfg, BrickContext ctx) {
    return lookup(USERS, "user encoder", cfg.name()).create(cfg, ctx);
  }

  /** Builds the predictor named in {@code cfg}. */
  public static Predictor predictor(BrickConfig cfg, BrickContext ctx) {
    return lookup(PREDICTORS, "predictor", cfg.name()).create(cfg, ctx);
  }

  /** Registered names per kind, sorted (for help texts). */
  public static Map<String, java.util.Set<String>> names() {
    Map<String, java.util.Set<String>> m = new TreeMap<>();
    m.put("item", new java.util.TreeSet<>(ITEMS.keySet()));
    m.put("user", new java.util.TreeSet<>(USERS.keySet()));
    m.put("predictor", new java.util.TreeSet<>(PREDICTORS.keySet()));
    return m;
  }

  private static <T> Factory<? extends T> lookup(Map<String, Factory<? extends T>> m, String kind,
      String name) {
    Factory<? extends T> f = m.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; known: "
          + new java.util.TreeSet<>(m.keySet()));
    }
    return f;
  }
}
