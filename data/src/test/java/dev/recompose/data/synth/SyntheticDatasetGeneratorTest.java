package dev.recompose.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.split.Splits;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.ListColumn;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.data.store.TextColumn;
import dev.recompose.data.store.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetGeneratorTest {
  @TempDir Path tmp;

  static SynthConfig small(long seed) {
    return new SynthConfig(300, 200, 6, 12, 0.05, 0.5, 4, 3, seed);
  }

  @Test
  void sameSeedSameContentOtherSeedOtherContent() throws IOException {
    Manifest a = SyntheticDatasetGenerator.generate(small(7), tmp.resolve("a"), false);
    Manifest b = SyntheticDatasetGenerator.generate(small(7), tmp.resolve("b"), false);
    Manifest c = SyntheticDatasetGenerator.generate(small(8), tmp.resolve("c"), false);
    assertEquals(a.contentSha256(), b.contentSha256());
    assertNotEquals(a.contentSha256(), c.contentSha256());
    assertEquals("synth", a.provenance().importer());
    assertEquals("7", a.provenance().options().get("seed"));
    assertEquals("0.5", a.provenance().options().get("successor-rate"));
  }

  @Test
  void tablesAreConsistent() throws IOException {
    SynthConfig cfg = small(3);
    Manifest m = SyntheticDatasetGenerator.generate(cfg, tmp.resolve("ds"), false);
    Dataset ds = Dataset.open(tmp.resolve("ds"));
    assertEquals(300, m.counts().users());
    assertEquals(200, m.counts().items());
    Table inter = ds.table(StoreLayout.INTERACTIONS);
    int[] users = inter.scalar("user").toIntArray();
    int[] items = inter.scalar("item").toIntArray();
    long[] ts = inter.scalar("timestamp").toLongArray();
    byte[] label = inter.scalar("label").toByteArray();
    Table imp = ds.table(StoreLayout.IMPRESSIONS);
    assertEquals(m.counts().impressions(), imp.rows());
    ListColumn cand = imp.list("candidates");
    ListColumn labels = imp.list("labels");
    ListColumn hist = imp.list("history");
    int negatives = 0;
    for (byte b : label) {
      negatives += b == 0 ? 1 : 0;
    }
    assertEquals(imp.rows() * cfg.negativesPerImpression(), negatives,
        "every shown negative is also a label-0 interaction");
    // per user: rows contiguous, time non-decreasing, clicks strictly increasing, no repeats
    Set<Long> clicked = new HashSet<>();
    long clicks = 0;
    long lastClickTime = Long.MIN_VALUE;
    for (int i = 0; i < users.length; i++) {
      if (i > 0 && users[i] != users[i - 1]) {
        assertTrue(users[i] == users[i - 1] + 1, "grouped by user in code order");
        lastClickTime = Long.MIN_VALUE;
      } else if (i > 0) {
        assertTrue(ts[i] >= ts[i - 1], "time order");
      }
      if (label[i] == 1) {
        assertTrue(ts[i] > lastClickTime, "clicks strictly increasing in time");
        lastClickTime = ts[i];
        assertTrue(clicked.add(((long) users[i] << 32) | items[i]), "no item clicked twice");
        clicks++;
      }
    }
    assertTrue(clicks >= 300 * 3, "at least three clicks per user");
    double meanLen = clicks / 300.0;
    assertTrue(meanLen > 9 && meanLen < 15, "mean length near 12, was " + meanLen);
    for (long r = 0; r < imp.rows(); r++) {
      int[] c = cand.ints(r);
      byte[] l = labels.bytes(r);
      assertEquals(1 + cfg.negativesPerImpression(), c.length);
      assertEquals(1, l[0] + l[1] + l[2] + l[3], "exactly one click per impression");
      assertEquals(c.length, new HashSet<>(Arrays.stream(c).boxed().toList()).size());
      assertTrue(hist.length(r) >= 1, "impressions come after the first click");
      Set<Integer> h = new HashSet<>(Arrays.stream(hist.ints(r)).boxed().toList());
      for (int x : c) {
        assertTrue(!h.contains(x), "no candidate was clicked before");
      }
    }
    // items: text from the topic vocabulary of their category
    Table it = ds.table(StoreLayout.ITEMS);
    TextColumn title = it.text("title");
    TextColumn abs = it.text("abstract");
    Vocabulary cat = ds.vocab("item_category");
    Vocabulary sub = ds.vocab("item_subcategory");
    assertEquals(6, cat.size());
    assertEquals(List.of("space", "cooking", "sports", "finance", "music", "travel"), cat.tokens());
    assertTrue(sub.size() > 6 && sub.size() <= 24);
    for (int j = 0; j < 200; j++) {
      String topic = cat.token(it.scalar("category").getInt(j));
      String subtopic = sub.token(it.scalar("subcategory").getInt(j));
      assertTrue(subtopic.startsWith(topic + "/"));
      TopicVocabularies.Topic t = TopicVocabularies.TOPICS.stream()
          .filter(x -> x.name().equals(topic)).findFirst().orElseThrow();
      List<String> words = List.of(title.get(j).toLowerCase().replace(":", "").split(" "));
      assertTrue(words.stream().filter(t.general()::contains).count() >= 1, title.get(j));
      assertTrue(abs.get(j).endsWith("."));
    }
    Table u = ds.table(StoreLayout.USERS);
    assertEquals(300, u.rows());
    assertEquals(8, ds.vocab("user_region").size());
    assertEquals(6, ds.vocab("user_age").size());
  }

  @Test
  void optionsOverrideByName() {
    SynthConfig c = SynthConfig.defaults().withOptions(Map.of("successor-rate", "0.3", "seed", "9"));
    assertEquals(0.3, c.successorRate());
    assertEquals(9, c.seed());
    assertEquals(SynthConfig.DEFAULT_USERS, c.users());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SynthConfig.defaults().withOptions(Map.of("user", "3")));
    assertTrue(e.getMessage().startsWith("unknown synth option 'user'; valid: [users, items,"),
        e.getMessage());
  }

  @Test
  void everySplitSchemeRunsOnTheDefault() throws IOException {
    Path dir = tmp.resolve("d");
    SyntheticDatasetGenerator.generate(SynthConfig.defaults(), dir, false);
    Dataset ds = Dataset.open(dir);
    var ctr = Splits.compute(ds, "recbench-ctr", Map.of(), 1).sizes();
    assertTrue(ctr.get("test") >= 20_000 && ctr.get("train") > 0 && ctr.get("valid") > 0,
        ctr.toString());
    var imp = Splits.compute(ds, "impression", Map.of(), 1).sizes();
    assertTrue(imp.get("train") > imp.get("test") && imp.get("test") > 0, imp.toString());
    var loo = Splits.compute(ds, "leave-one-out", Map.of(), 1);
    assertEquals(2000L, loo.sizes().get("test"));
    assertEquals("true", loo.params().get("positive-only"));
  }

  @Test
  void successorsShareTheTopic() {
    SyntheticDatasetGenerator g = new SyntheticDatasetGenerator(small(1));
    for (int j = 0; j < 200; j++) {
      int[] s = g.successors(j);
      assertEquals(3, s.length);
      for (int x : s) {
        assertEquals(j % 6, x % 6);
        assertNotEquals(j, x);
      }
    }
  }

  @Test
  void invalidConfigFailsClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SynthConfig(10, 20, 10, 20, 0.05, 0.5, 5, 4, 1));
    assertEquals("items must be >= 4 per topic (40), was 20", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SynthConfig(10, 100, 13, 20, 0.05, 0.5, 5, 4, 1));
    assertEquals("topics must be in 1..12, was 13", e.getMessage());
  }

  /**
   * The quickstart-sized dataset has a strong sequential signal: on a leave-one-out split a
   * first-order Markov scorer (how often item j followed the user's last item in training
   * sequences) beats most-popular on HR@10 by more than 2x.
   */
  @Test
  void markovBeatsPopularityByAWideMargin() throws IOException {
    Path dir = tmp.resolve("q");
    SyntheticDatasetGenerator.generate(SynthConfig.defaults(), dir, false);
    Splits.apply(Dataset.open(dir), "leave-one-out", Map.of(), 1);
    Dataset ds = Dataset.open(dir);
    Table t = ds.table(StoreLayout.INTERACTIONS);
    int[] users = t.scalar("user").toIntArray();
    int[] items = t.scalar("item").toIntArray();
    byte[] split = t.scalar("split").toByteArray();
    int nItems = (int) ds.manifest().counts().items();
    int nUsers = (int) ds.manifest().counts().users();
    // sequences per user (clicks in stored time order), train part only for fitting
    int[] pop = new int[nItems];
    Map<Long, Integer> follow = new java.util.HashMap<>();
    int prevUser = -1;
    int prevItem = -1;
    int[] lastBeforeTest = new int[nUsers];
    int[] target = new int[nUsers];
    Arrays.fill(target, -1);
    List<Set<Integer>> seen = new java.util.ArrayList<>();
    for (int u = 0; u < nUsers; u++) {
      seen.add(new HashSet<>());
    }
    for (int i = 0; i < users.length; i++) {
      if (split[i] == StoreLayout.SPLIT_NONE) {
        continue; // logged negatives
      }
      int u = users[i];
      if (u != prevUser) {
        prevItem = -1;
        prevUser = u;
      }
      if (split[i] == StoreLayout.SPLIT_TRAIN) {
        pop[items[i]]++;
        if (prevItem >= 0) {
          follow.merge(((long) prevItem << 32) | items[i], 1, Integer::sum);
        }
      }
      if (split[i] == StoreLayout.SPLIT_TEST) {
        target[u] = items[i];
        lastBeforeTest[u] = prevItem;
      } else {
        seen.get(u).add(items[i]);
      }
      prevItem = items[i];
    }
    Integer[] byPop = new Integer[nItems];
    for (int j = 0; j < nItems; j++) {
      byPop[j] = j;
    }
    Arrays.sort(byPop, (x, y) -> pop[y] != pop[x] ? pop[y] - pop[x] : x - y);
    int popHits = 0;
    int markovHits = 0;
    int evaluated = 0;
    for (int u = 0; u < nUsers; u++) {
      if (target[u] < 0) {
        continue;
      }
      evaluated++;
      Set<Integer> s = seen.get(u);
      popHits += topK(byPop, s, 10).contains(target[u]) ? 1 : 0;
      int last = lastBeforeTest[u];
      double[] score = new double[nItems];
      for (int j = 0; j < nItems; j++) {
        score[j] = follow.getOrDefault(((long) last << 32) | j, 0) + pop[j] * 1e-6;
      }
      Integer[] byScore = byPop.clone();
      Arrays.sort(byScore, (x, y) -> Double.compare(score[y], score[x]));
      markovHits += topK(byScore, s, 10).contains(target[u]) ? 1 : 0;
    }
    double hrPop = popHits / (double) evaluated;
    double hrMarkov = markovHits / (double) evaluated;
    System.out.printf("synthetic quickstart: users %d, HR@10 popularity %.3f, Markov %.3f%n",
        evaluated, hrPop, hrMarkov);
    assertEquals(2000, evaluated);
    assertTrue(hrMarkov > 2 * hrPop, "Markov " + hrMarkov + " vs popularity " + hrPop);
  }

  private static Set<Integer> topK(Integer[] ranked, Set<Integer> exclude, int k) {
    Set<Integer> out = new HashSet<>();
    for (int j : ranked) {
      if (out.size() == k) {
        break;
      }
      if (!exclude.contains(j)) {
        out.add(j);
      }
    }
    return out;
  }

  @Test
  void tenThousandUsersFiveThousandItemsInSeconds() throws IOException {
    long t0 = System.nanoTime();
    Manifest m = SyntheticDatasetGenerator.generate(
        SynthConfig.of(10_000, 5_000, 5), tmp.resolve("big"), false);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("synthetic 10,000 x 5,000: %d interactions, %d impressions in %.2f s%n",
        m.counts().interactions(), m.counts().impressions(), s);
    assertEquals(10_000, m.counts().users());
    assertTrue(s < 10, "took " + s + " s");
  }
}
