package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.CtrDataLoader;
import dev.recompose.models.ctr.data.CtrDataOptions;
import dev.recompose.models.ctr.predictor.Predictor;
import dev.recompose.models.ctr.train.CtrEvaluator;
import dev.recompose.models.ctr.train.CtrSteps;
import dev.recompose.models.ctr.train.SimpleCtrTrainer;
import dev.recompose.models.ctr.train.TrainConfig;
import dev.recompose.models.ctr.train.TrainReport;
import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CtrModelTest {
  @TempDir static Path tmp;
  static Dataset news;

  @BeforeAll
  static void data() throws IOException {
    news = Dataset.open(TinyDatasets.news(tmp.resolve("news"), 24, 48, 400, true, 3));
  }

  /** Small sizes so that every recipe runs in a second or two. */
  static Map<String, String> small(String recipe) {
    Map<String, String> m = new HashMap<>();
    m.put("train.epochs", "2");
    m.put("train.batch_size", "64");
    switch (recipe) {
      case "nrms" -> {
        m.put("model.dim", "16");
        m.put("model.item.word_dim", "12");
        m.put("model.item.heads", "4");
        m.put("model.item.query_dim", "8");
        m.put("model.user.heads", "4");
        m.put("model.user.query_dim", "8");
      }
      case "naml" -> {
        m.put("model.dim", "16");
        m.put("model.item.word_dim", "12");
        m.put("model.item.category_dim", "8");
        m.put("model.item.query_dim", "8");
        m.put("model.user.query_dim", "8");
      }
      case "lstur" -> {
        m.put("model.dim", "16");
        m.put("model.item.word_dim", "12");
        m.put("model.item.query_dim", "8");
        m.put("train.lr", "0.001");
      }
      case "finalmlp" -> {
        m.put("model.predictor.mlp1", "[20]");
        m.put("model.predictor.mlp2", "[20]");
        m.put("model.predictor.fs_hidden", "[16]");
        m.put("model.predictor.heads", "4");
      }
      case "din" -> {
        m.put("model.dim", "8");
        m.put("model.user.1.attention", "[8]");
        m.put("model.predictor.hidden", "[16]");
      }
      case "lr" -> { }
      default -> m.put("model.predictor.hidden", "[32, 32]");
    }
    return m;
  }

  static List<String> recipes() {
    return CtrRecipe.BUILT_IN;
  }

  @ParameterizedTest
  @MethodSource("recipes")
  void everyRecipeTrainsAndEvaluatesEndToEnd(String name) throws IOException {
    CtrRecipe r = CtrRecipe.load(name).with(small(name));
    assertEquals(name, r.name());
    assertTrue(r.paper().length() > 20, "recipe cites its paper");
    List<String> log = new java.util.ArrayList<>();
    CtrRun.Outcome o = CtrRun.train(news, r, log::add, new SimpleCtrTrainer());
    TrainReport rep = o.report();
    assertEquals(2, rep.epochs().size());
    for (TrainReport.Epoch e : rep.epochs()) {
      assertTrue(Double.isFinite(e.loss()), "loss " + e.loss());
      assertTrue(e.samplesPerSecond() > 0);
      assertTrue(Double.isFinite(e.valid().auc()));
    }
    assertTrue(Double.isFinite(rep.test().gauc()));
    assertTrue(Double.isFinite(rep.test().logloss()));
    assertTrue(log.stream().anyMatch(s -> s.startsWith("test (epoch")), log.toString());
  }

  private static CtrRecipe learnable(String name) throws IOException {
    Map<String, String> m = small(name);
    m.put("train.epochs", "12");
    m.put("train.patience", "0");
    m.put("train.lr", name.equals("nrms") ? "0.005" : "0.01");
    m.put("model.user.dropout", name.equals("nrms") ? "0.0" : null);
    m.values().removeIf(v -> v == null);
    return CtrRecipe.load(name).with(m);
  }

  @Test
  void deepFmLearnsTheTopicPreference() throws IOException {
    // clicks = candidate topic == user's topic; user ID x item category is all it takes
    CtrRun.Outcome o = CtrRun.train(news, learnable("deepfm"), s -> { }, new SimpleCtrTrainer());
    System.out.println("DeepFM on the tiny news data: " + o.report().test());
    assertTrue(o.report().test().auc() > 0.85, "DeepFM test " + o.report().test());
  }

  @Test
  void nrmsLearnsTheTopicFromTitlesAndHistory() throws IOException {
    // the topic is only visible as a title word; users are seen through their clicked titles
    CtrRun.Outcome o = CtrRun.train(news, learnable("nrms"), s -> { }, new SimpleCtrTrainer());
    System.out.println("NRMS on the tiny news data: " + o.report().test());
    assertTrue(o.report().test().gauc() > 0.75, "NRMS test " + o.report().test());
  }

  @Test
  void cachedItemTableScoresLikePerBatchEncoding() throws IOException {
    CtrRecipe r = CtrRecipe.load("naml").with(small("naml"));
    CtrData data = CtrDataLoader.load(news, r.data());
    CtrModel model = new CtrModel(r.model(), data, 5);
    model.eval();
    int[] idx = java.util.Arrays.copyOf(data.indices(StoreLayout.SPLIT_TEST), 60);
    CtrBatch b = CtrBatch.pointwise(data, idx, 50);
    try (var g = GradMode.noGrad()) {
      float[] direct = model.logits(b, model.batchTable(b)).data();
      float[] cached = model.logits(b, model.allItemsTable(7)).data();
      for (int k = 0; k < direct.length; k++) {
        assertEquals(direct[k], cached[k], 1e-4f);
      }
      // an impression's candidates share one user row
      assertEquals(10, b.users().length);
    }
    float[] probs = CtrEvaluator.score(model, data, idx, 50, 13);
    for (int k = 0; k < probs.length; k++) {
      float p = (float) (1 / (1 + Math.exp(-model.logits(b, model.batchTable(b)).data()[k])));
      assertEquals(p, probs[k], 1e-4f);
    }
  }

  @Test
  void listwiseBatchesPutThePositiveFirstAndDrawNegativesFromTheImpression() throws IOException {
    CtrData data = CtrDataLoader.load(news, CtrDataOptions.defaults());
    TrainConfig cfg =
        new TrainConfig("listwise", 1, 16, 1e-3, "adam", 3, 50, 1, 64, 0, "auto", 0f);
    CtrSteps steps = new CtrSteps(data, cfg);
    Map<Integer, Set<Integer>> impressionNegatives = new HashMap<>();
    Map<String, Integer> positiveGroup = new HashMap<>();
    for (int i : data.indices(StoreLayout.SPLIT_TRAIN)) {
      if (data.label()[i] == 0) {
        impressionNegatives.computeIfAbsent(data.group()[i], g -> new HashSet<>())
            .add(data.item()[i]);
      }
    }
    int lists = 0;
    int fromImpression = 0;
    for (CtrBatch b : steps.epoch(new Rng(1))) {
      assertEquals(4, b.listSize());
      for (int r = 0; r < b.size(); r += 4) {
        assertEquals(1f, b.labels()[r]);
        for (int k = 1; k < 4; k++) {
          assertEquals(0f, b.labels()[r + k]);
          assertNotEquals(b.candidates()[r], b.candidates()[r + k]);
        }
        lists++;
      }
    }
    int positives = 0;
    for (int i : data.indices(StoreLayout.SPLIT_TRAIN)) {
      positives += (int) data.label()[i];
    }
    assertEquals(positives, lists);
    // a direct check of the pool: the first positive's negatives come from its impression
    int first = -1;
    for (int i : data.indices(StoreLayout.SPLIT_TRAIN)) {
      if (data.label()[i] > 0 && impressionNegatives.getOrDefault(data.group()[i], Set.of())
          .size() >= 3) {
        first = i;
        break;
      }
    }
    CtrBatch one = CtrBatch.listwise(data, new int[] {first}, new int[][] {{1, 2, 3}}, 50);
    assertEquals(data.item()[first], one.candidates()[0]);
    TrainConfig pick =
        new TrainConfig("listwise", 1, 100000, 1e-3, "adam", 3, 50, 1, 64, 0, "auto", 0f);
    for (CtrBatch b : new CtrSteps(data, pick).epoch(new Rng(2))) {
      for (int r = 0; r < b.size(); r += 4) {
        int pos = b.candidates()[r];
        if (pos == data.item()[first] && b.users()[b.rowUser()[r]] == data.user()[first]) {
          Set<Integer> pool = impressionNegatives.get(data.group()[first]);
          for (int k = 1; k < 4; k++) {
            fromImpression += pool.contains(b.candidates()[r + k]) ? 1 : 0;
          }
        }
      }
    }
    assertTrue(fromImpression >= 3, "negatives drawn from the impression: " + fromImpression);
  }

  @Test
  void otherBrickCombinationsRun() throws IOException {
    CtrData data = CtrDataLoader.load(news, CtrDataOptions.defaults());
    List<ModelSpec> specs = List.of(
        new ModelSpec(8, List.of(new BrickConfig("semantic-id", Map.of("column", "sid",
            "mode", "concat"))), List.of(new BrickConfig("mean", Map.of())),
            new BrickConfig("dot", Map.of())),
        new ModelSpec(8, List.of(new BrickConfig("semantic-id", Map.of("column", "sid"))),
            List.of(new BrickConfig("transformer", Map.of("heads", 2))),
            new BrickConfig("dot", Map.of())),
        new ModelSpec(8, List.of(new BrickConfig("vector", Map.of("column", "emb")),
            new BrickConfig("id", Map.of())), List.of(new BrickConfig("additive",
            Map.of("query_dim", 4)), new BrickConfig("id", Map.of())),
            new BrickConfig("dcn", Map.of("hidden", List.of(8)))),
        new ModelSpec(8, List.of(new BrickConfig("text", Map.of("encoder", "mean", "word_dim", 8,
            "categories", List.of("category")))), List.of(new BrickConfig("gru",
            Map.of("with_user_id", false))), new BrickConfig("dot", Map.of())),
        new ModelSpec(8, List.of(new BrickConfig("text", Map.of("encoder", "attention",
            "word_dim", 8, "query_dim", 4))), List.of(new BrickConfig("din",
            Map.of("softmax", true))), new BrickConfig("dcnv2", Map.of("hidden", List.of(8)))));
    TrainConfig cfg =
        new TrainConfig("pointwise", 1, 128, 1e-3, "lazyadam", 4, 50, 1, 512, 0, "auto", 0f);
    for (ModelSpec s : specs) {
      CtrModel m = new CtrModel(s, data, 1);
      TrainReport r = new SimpleCtrTrainer().fit(m, data, cfg, x -> { });
      assertTrue(Double.isFinite(r.epochs().getFirst().loss()), s.toString());
      assertTrue(Double.isFinite(r.test().auc()), s.toString());
    }
  }

  /** A brick written outside the package: the item-side field sum, registered by name. */
  static final class SumPredictor extends Predictor {
    private final Tensor bias;

    SumPredictor(BrickConfig cfg, BrickContext ctx) {
      this.bias = parameter("bias", Tensor.full(cfg.getFloat("start", 0f), 1));
    }

    @Override
    public Tensor score(Tensor user, Tensor item) {
      return flat(user).mul(flat(item)).sum(1, false).add(bias);
    }
  }

  @Test
  void aNewBrickIsOneClassAndANameInTheRegistry() throws IOException {
    BrickRegistry.registerPredictor("test-sum", SumPredictor::new);
    CtrRecipe r = CtrRecipe.load("nrms").with(small("nrms"))
        .with(Map.of("model.predictor", "{name: test-sum, start: 0.5}", "train.epochs", "1"));
    CtrRun.Outcome o = CtrRun.train(news, r, s -> { }, new SimpleCtrTrainer());
    assertTrue(o.model().parameters().containsKey("predictor.bias"));
    assertTrue(BrickRegistry.names().get("predictor").contains("test-sum"));
  }

  @Test
  void embeddingL2ShrinksOnlyTheEmbeddingTables() throws IOException {
    Map<String, Double> norms = new HashMap<>();
    for (String r : List.of("0", "5")) {
      Map<String, String> m = new HashMap<>(small("deepfm"));
      m.put("train.embedding_l2", r);
      m.put("train.epochs", "1");
      CtrModel model = CtrRun.train(news, CtrRecipe.load("deepfm").with(m), s -> { },
          new SimpleCtrTrainer()).model();
      double emb = 0;
      double dense = 0;
      for (var e : model.parameters().entrySet()) {
        double sq = 0;
        for (float v : e.getValue().data()) {
          sq += v * v;
        }
        if (e.getKey().contains(".fields.") && e.getKey().endsWith(".weight")) {
          emb += sq;
        } else if (e.getKey().startsWith("predictor.")) {
          dense += sq;
        }
      }
      norms.put("emb" + r, emb);
      norms.put("dense" + r, dense);
    }
    assertTrue(norms.get("emb5") < 0.5 * norms.get("emb0"), norms.toString());
    assertEquals(norms.get("dense0"), norms.get("dense5"), 0.2 * norms.get("dense0"));
  }

  @Test
  void recipesFailClearly() throws IOException {
    var e = assertThrows(IllegalArgumentException.class, () -> CtrRecipe.load("nope"));
    assertTrue(e.getMessage().contains("deepfm"), e.getMessage());
    CtrRecipe bad = CtrRecipe.load("deepfm").with(Map.of("model.predictor", "nosuch"));
    CtrData data = CtrDataLoader.load(news, CtrDataOptions.defaults());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> new CtrModel(bad.model(), data, 1));
    assertTrue(e2.getMessage().contains("unknown predictor 'nosuch'"), e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class,
        () -> CtrRecipe.load("nrms").with(Map.of("train.mode", "pairwise")));
    assertTrue(e3.getMessage().contains("pointwise or listwise"), e3.getMessage());
    CtrRecipe dotMismatch = CtrRecipe.load("deepfm").with(Map.of("model.predictor", "dot"));
    var e4 = assertThrows(IllegalArgumentException.class,
        () -> new CtrModel(dotMismatch.model(), data, 1));
    assertTrue(e4.getMessage().contains("one width"), e4.getMessage());
  }

  @Test
  void overridesReachNestedKeysAndListEntries() throws IOException {
    CtrRecipe r = CtrRecipe.load("din").with(Map.of("train.epochs", "3",
        "model.predictor.hidden", "[8, 4]", "model.user.1.softmax", "true", "data.recbench_cap",
        "true"));
    assertEquals(3, r.train().epochs());
    assertArrayEquals(new int[] {8, 4}, r.model().predictor().getInts("hidden", null));
    assertTrue(r.model().users().get(1).getBool("softmax", false));
    assertTrue(r.data().recbenchCap());
    assertEquals(2021, r.data().seed());
    assertTrue(r.toYaml().contains("softmax: true"));
  }

  @Test
  void misspelledOverrideKeysAreErrorsListingValidKeys() throws IOException {
    CtrRecipe r = CtrRecipe.load("deepfm");
    IllegalArgumentException train = assertThrows(IllegalArgumentException.class,
        () -> r.with(Map.of("train.epoch", "3")));
    assertTrue(train.getMessage().contains("train.epoch") && train.getMessage().contains("epochs"),
        train.getMessage());
    IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
        () -> r.with(Map.of("data.recbenchcap", "true")));
    assertTrue(data.getMessage().contains("recbench_cap"), data.getMessage());
    IllegalArgumentException top = assertThrows(IllegalArgumentException.class,
        () -> r.with(Map.of("trian.epochs", "3")));
    assertTrue(top.getMessage().contains("unknown key 'trian'"), top.getMessage());
  }
}
