package dev.recompose.data.synth;

import dev.recompose.data.log.EntityTableBuilder;
import dev.recompose.data.log.ImpressionLogBuilder;
import dev.recompose.data.log.IntList;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.NpyWriter;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates the embedded default dataset: a synthetic news/content log with topical item text,
 * drifting user tastes, first-order sequential dependence and MIND-style logged impressions.
 *
 * <p>It exists so that {@code recompose quickstart} and every test of a model run on a dataset
 * with known structure and no download, where a sequential model must clearly beat popularity.
 * The generative process (all draws from {@link SplittableRandom}, seeded per phase and per
 * user, and {@link StrictMath} for logarithms and powers, so the output is a pure function of
 * the {@link SynthConfig}, identical on every JVM and CPU):
 * <ul>
 *   <li>Items: item {@code j} has topic {@code j mod topics}, a random subtopic, a Zipf-like
 *       popularity {@code 1 / (rank + 1)^0.8} over a random rank, and three Markov successors
 *       drawn from its own topic (followed with probabilities 0.5, 0.3, 0.2). The title is a
 *       template over two subtopic words and one topic word; the abstract mixes topic and
 *       neutral words (see {@link TopicVocabularies}).
 *   <li>Users: a region (8) and an age bucket (6); each region and age bucket has a preferred
 *       topic, which is the user's first (resp. second) favourite with probability one half.
 *       Taste puts weights 0.6 / 0.3 / 0.1 on three favourite topics; after every click, with
 *       probability {@code driftRate}, one favourite is replaced by another topic.
 *   <li>Sequences: {@code 3 + Geometric} clicks with mean {@code meanSequenceLength}, no item
 *       twice. The next click is, with probability {@code successorRate}, a successor of the
 *       current item (if not yet clicked), else an item of a taste-drawn topic drawn by
 *       popularity. Timestamps start in a 90-day window from 2024-01-01 UTC and increase by
 *       60 s plus an exponential gap (mean 6 h).
 *   <li>Impressions: at {@code impressionsPerUser} random click positions after the first, the
 *       clicked item is shown with {@code negativesPerImpression} items drawn by global
 *       popularity (not clicked before, distinct), in random order. They form the
 *       {@code impressions} table (history = clicks before), and each negative is also an
 *       {@code interactions} row with label 0 at the impression's time (clicks have label 1).
 * </ul>
 * The generating popularity and successor structure are not stored: they would hand models the
 * answer; models must estimate them from the clicks.
 */
public final class SyntheticDatasetGenerator {
  /** The importer name recorded in provenance. */
  public static final String IMPORTER = "synth";

  private static final long EPOCH = 1_704_067_200L; // 2024-01-01T00:00:00Z
  private static final double ZIPF = 0.8;
  private static final double[] SUCCESSOR_WEIGHTS = {0.5, 0.3, 0.2};
  private static final double[] TASTE_WEIGHTS = {0.6, 0.3, 0.1};
  private static final String[] REGIONS =
      {"north", "south", "east", "west", "central", "coast", "islands", "highlands"};
  private static final String[] AGES = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
  private static final String[] TITLE_TEMPLATES = {
    "%s and %s: the %s %s", "how %s changed %s %s %s", "%s %s %s: a %s",
    "why %s meets %s in %s %s", "the %s of %s and %s %s"
  };

  private final SynthConfig config;

  // item structure
  private final int[] itemTopic;
  private final int[] itemSub;
  private final double[] popularity;
  private final int[][] successors;
  private final int[][] topicItems;
  private final double[][] topicCum;
  private final double[] globalCum;

  public SyntheticDatasetGenerator(SynthConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    int n = config.items();
    int t = config.topics();
    SplittableRandom rng = new SplittableRandom(mix(config.seed(), -1));
    itemTopic = new int[n];
    itemSub = new int[n];
    popularity = new double[n];
    int[] rank = permutation(n, rng);
    for (int j = 0; j < n; j++) {
      itemTopic[j] = j % t;
      itemSub[j] = rng.nextInt(4);
      popularity[j] = 1.0 / StrictMath.pow(rank[j] + 1, ZIPF);
    }
    topicItems = new int[t][];
    topicCum = new double[t][];
    for (int k = 0; k < t; k++) {
      IntList l = new IntList();
      for (int j = k; j < n; j += t) {
        l.add(j);
      }
      topicItems[k] = l.toArray();
      topicCum[k] = cumulative(topicItems[k]);
    }
    int[] all = new int[n];
    for (int j = 0; j < n; j++) {
      all[j] = j;
    }
    globalCum = cumulative(all);
    successors = new int[n][];
    for (int j = 0; j < n; j++) {
      int[] pool = topicItems[itemTopic[j]];
      int[] s = new int[SUCCESSOR_WEIGHTS.length];
      for (int i = 0; i < s.length; i++) {
        int c;
        do {
          c = pool[rng.nextInt(pool.length)];
        } while (c == j || contains(s, i, c));
        s[i] = c;
      }
      successors[j] = s;
    }
  }

  /** Generates {@code config}'s dataset into {@code out} (replacing it when {@code force}). */
  public static Manifest generate(SynthConfig config, Path out, boolean force) throws IOException {
    return new SyntheticDatasetGenerator(config).write(out, force);
  }

  /** The Markov successors of {@code item} (for tests and documentation). */
  int[] successors(int item) {
    return successors[item].clone();
  }

  /** Writes the dataset directory. */
  public Manifest write(Path out, boolean force) throws IOException {
    int nu = config.users();
    int t = config.topics();
    List<TopicVocabularies.Topic> vocab = TopicVocabularies.TOPICS;
    SplittableRandom setup = new SplittableRandom(mix(config.seed(), -2));
    int[] regionTopic = new int[REGIONS.length];
    for (int r = 0; r < regionTopic.length; r++) {
      regionTopic[r] = setup.nextInt(t);
    }
    int[] ageTopic = new int[AGES.length];
    for (int a = 0; a < ageTopic.length; a++) {
      ageTopic[a] = setup.nextInt(t);
    }

    EntityTableBuilder users = new EntityTableBuilder()
        .categoryField("region", "home region (synthetic; biases the first favourite topic)")
        .categoryField("age", "age bucket (synthetic; biases the second favourite topic)");
    IntList iu = new IntList(nu * 32);
    IntList ii = new IntList(nu * 32);
    long[] its = new long[Math.max(16, nu * 32)];
    byte[] ilab = new byte[its.length];
    int rows = 0;
    ImpressionLogBuilder impressions = new ImpressionLogBuilder();
    BitSet seen = new BitSet(config.items());
    BitSet shown = new BitSet(config.items());
    int impressionId = 0;
    double p = 1.0 / (config.meanSequenceLength() - 2); // geometric on {0,1,..} mean (m - 3)
    int maxLen = (int) Math.min(config.items() - 1L, Math.round(10 * config.meanSequenceLength()));
    for (int u = 0; u < nu; u++) {
      SplittableRandom rng = new SplittableRandom(mix(config.seed(), u));
      int region = rng.nextInt(REGIONS.length);
      int age = rng.nextInt(AGES.length);
      users.category("region", u, REGIONS[region]);
      users.category("age", u, AGES[age]);
      int[] fav = new int[3];
      fav[0] = rng.nextDouble() < 0.5 ? regionTopic[region] : rng.nextInt(t);
      fav[1] = rng.nextDouble() < 0.5 ? ageTopic[age] : rng.nextInt(t);
      fav[2] = rng.nextInt(t);
      int len = 3;
      if (p < 1) {
        len += (int) Math.floor(StrictMath.log(1 - rng.nextDouble()) / StrictMath.log(1 - p));
      }
      len = Math.max(Math.min(len, maxLen), Math.min(3, maxLen));
      int[] seq = new int[len];
      long[] ts = new long[len];
      seen.clear();
      long time = EPOCH + rng.nextLong(90L * 86_400);
      for (int i = 0; i < len; i++) {
        int next = -1;
        if (i > 0 && rng.nextDouble() < config.successorRate()) {
          int s = successors[seq[i - 1]][pick(SUCCESSOR_WEIGHTS, rng)];
          if (!seen.get(s)) {
            next = s;
          }
        }
        if (next < 0) {
          next = tasteDraw(fav, rng, seen);
        }
        seq[i] = next;
        seen.set(next);
        ts[i] = time;
        time += 60 + (long) (-StrictMath.log(1 - rng.nextDouble()) * 6 * 3600);
        if (t > 1 && rng.nextDouble() < config.driftRate()) {
          fav[rng.nextInt(3)] = rng.nextInt(t);
        }
      }
      int k = Math.min(config.impressionsPerUser(), len - 1);
      int[] positions = Arrays.copyOf(permutationFrom1(len, rng), k);
      Arrays.sort(positions);
      int next = 0;
      for (int i = 0; i < len; i++) {
        if (rows + 1 + config.negativesPerImpression() > its.length) {
          its = Arrays.copyOf(its, its.length * 2 + config.negativesPerImpression());
          ilab = Arrays.copyOf(ilab, its.length);
        }
        iu.add(u);
        ii.add(seq[i]);
        its[rows] = ts[i];
        ilab[rows++] = 1;
        if (next < k && positions[next] == i) {
          next++;
          int[] cands = candidates(seq, i, rng, shown);
          byte[] labels = new byte[cands.length];
          for (int c = 0; c < cands.length; c++) {
            labels[c] = (byte) (cands[c] == seq[i] ? 1 : 0);
            if (cands[c] != seq[i]) {
              iu.add(u);
              ii.add(cands[c]);
              its[rows] = ts[i];
              ilab[rows++] = 0;
            }
          }
          impressions.add(u, ts[i], Arrays.copyOf(seq, i), cands, labels, impressionId++);
        }
      }
    }

    EntityTableBuilder items = new EntityTableBuilder()
        .textField("title", "generated title (topic and subtopic words)")
        .textField("abstract", "generated abstract (topic and neutral words)")
        .categoryField("category", "topic")
        .categoryField("subcategory", "subtopic (topic/first word of its vocabulary)");
    SplittableRandom textRng = new SplittableRandom(mix(config.seed(), -3));
    for (int j = 0; j < config.items(); j++) {
      TopicVocabularies.Topic topic = vocab.get(itemTopic[j]);
      List<String> sub = topic.subtopics().get(itemSub[j]);
      items.text("title", j, title(topic, sub, textRng));
      items.text("abstract", j, abstractText(topic, sub, textRng));
      items.category("category", j, topic.name());
      items.category("subcategory", j, topic.name() + "/" + sub.get(0));
    }

    List<String> userIds = new ArrayList<>(nu);
    for (int u = 0; u < nu; u++) {
      userIds.add(String.format(Locale.ROOT, "u%06d", u + 1));
    }
    List<String> itemIds = new ArrayList<>(config.items());
    for (int j = 0; j < config.items(); j++) {
      itemIds.add(String.format(Locale.ROOT, "i%06d", j + 1));
    }
    try (DatasetWriter w = DatasetWriter.create(out, force)) {
      TableWriter tw = w.table(StoreLayout.INTERACTIONS, "one row per click (label 1) or shown"
          + " but not clicked candidate (label 0), grouped by user, in time order");
      tw.ints(StoreLayout.USER, iu.toArray(), StoreLayout.USER, "user code");
      tw.ints(StoreLayout.ITEM, ii.toArray(), StoreLayout.ITEM, "item code");
      tw.longs(StoreLayout.TIMESTAMP, Arrays.copyOf(its, rows), "Unix seconds");
      tw.bytes(StoreLayout.LABEL, Arrays.copyOf(ilab, rows), "1 = clicked, 0 = shown, not"
          + " clicked (logged negative)");
      items.write(w, w.table(StoreLayout.ITEMS, "row i describes item i"), config.items(),
          "item_");
      users.write(w, w.table(StoreLayout.USERS, "row i describes user i"), nu, "user_");
      impressions.write(w.table(StoreLayout.IMPRESSIONS, "logged impressions with clicks"),
          null, null);
      w.vocab(StoreLayout.USER, userIds, "synthetic user ids");
      w.vocab(StoreLayout.ITEM, itemIds, "synthetic item ids");
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("negatives", "logged: shown in impressions, drawn by item popularity");
      notes.put("generator", "SyntheticDatasetGenerator (topics, drifting taste, Markov"
          + " successors, popularity)");
      Provenance prov = new Provenance(IMPORTER, "generated", config.asOptions(), List.of(),
          List.of(), List.of(), notes);
      return w.commit("synthetic", null, prov, null);
    }
  }

  private int tasteDraw(int[] fav, SplittableRandom rng, BitSet seen) {
    for (int attempt = 0; attempt < 32; attempt++) {
      int topic = fav[pick(TASTE_WEIGHTS, rng)];
      int j = topicItems[topic][draw(topicCum[topic], rng)];
      if (!seen.get(j)) {
        return j;
      }
    }
    // the favourite topics are exhausted: any unclicked item, scanning from a random start
    int n = popularity.length;
    int j = seen.nextClearBit(rng.nextInt(n));
    return j < n ? j : seen.nextClearBit(0);
  }

  private int[] candidates(int[] seq, int pos, SplittableRandom rng, BitSet shown) {
    int neg = config.negativesPerImpression();
    shown.clear();
    for (int i = 0; i <= pos; i++) {
      shown.set(seq[i]);
    }
    int available = popularity.length - shown.cardinality();
    int k = Math.min(neg, available);
    int[] c = new int[k + 1];
    c[0] = seq[pos];
    for (int i = 1; i <= k; i++) {
      int j;
      int attempt = 0;
      do {
        j = attempt++ < 64 ? draw(globalCum, rng) : shown.nextClearBit(0);
      } while (shown.get(j));
      shown.set(j);
      c[i] = j;
    }
    for (int i = c.length - 1; i > 0; i--) {
      int r = rng.nextInt(i + 1);
      int x = c[i];
      c[i] = c[r];
      c[r] = x;
    }
    return c;
  }

  private static String title(TopicVocabularies.Topic topic, List<String> sub,
      SplittableRandom rng) {
    String a = sub.get(rng.nextInt(sub.size()));
    String b;
    do {
      b = sub.get(rng.nextInt(sub.size()));
    } while (b.equals(a));
    String c = topic.general().get(rng.nextInt(topic.general().size()));
    String d = TopicVocabularies.NEUTRAL.get(rng.nextInt(TopicVocabularies.NEUTRAL.size()));
    String s = String.format(Locale.ROOT, TITLE_TEMPLATES[rng.nextInt(TITLE_TEMPLATES.length)],
        a, b, c, d);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String abstractText(TopicVocabularies.Topic topic, List<String> sub,
      SplittableRandom rng) {
    StringBuilder sb = new StringBuilder();
    int words = 10 + rng.nextInt(6);
    for (int i = 0; i < words; i++) {
      double r = rng.nextDouble();
      List<String> from = r < 0.35 ? sub : r < 0.6 ? topic.general() : TopicVocabularies.NEUTRAL;
      String w = from.get(rng.nextInt(from.size()));
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
    }
    return sb.append('.').toString();
  }

  private double[] cumulative(int[] members) {
    double[] cum = new double[members.length];
    double s = 0;
    for (int i = 0; i < members.length; i++) {
      s += popularity[members[i]];
      cum[i] = s;
    }
    return cum;
  }

  /** Index {@code i} with probability proportional to {@code cum[i] - cum[i - 1]}. */
  private static int draw(double[] cum, SplittableRandom rng) {
    double x = rng.nextDouble() * cum[cum.length - 1];
    int i = Arrays.binarySearch(cum, x);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, cum.length - 1);
  }

  private static int pick(double[] weights, SplittableRandom rng) {
    double x = rng.nextDouble();
    for (int i = 0; i < weights.length - 1; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int x = p[i];
      p[i] = p[j];
      p[j] = x;
    }
    return p;
  }

  /** A random permutation of {@code 1 .. len-1}. */
  private static int[] permutationFrom1(int len, SplittableRandom rng) {
    int[] p = permutation(Math.max(0, len - 1), rng);
    for (int i = 0; i < p.length; i++) {
      p[i]++;
    }
    return p;
  }

  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
