package dev.recompose.data.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a synthetic dataset; with the seed they determine its content exactly.
 *
 * @param users number of users (>= 1)
 * @param items number of items (>= 4 per topic, so every item has three same-topic successors)
 * @param topics number of topics (categories), 1 to 12 (one per built-in vocabulary)
 * @param meanSequenceLength mean clicks per user (>= 3; lengths are 3 + a geometric draw)
 * @param driftRate probability, per click, that one of the user's three favourite topics is
 *     replaced by another (0 to 1)
 * @param successorRate probability that the next click is a Markov successor of the current
 *     item rather than a draw from taste and popularity (0 to 1): the sequential signal
 * @param impressionsPerUser logged impressions per user (at most clicks - 1)
 * @param negativesPerImpression non-clicked candidates shown per impression
 * @param seed seed of every random choice
 */
public record SynthConfig(
    int users,
    int items,
    int topics,
    double meanSequenceLength,
    double driftRate,
    double successorRate,
    int impressionsPerUser,
    int negativesPerImpression,
    long seed) {
  /** Users of the quickstart default. */
  public static final int DEFAULT_USERS = 2_000;

  /** Items of the quickstart default. */
  public static final int DEFAULT_ITEMS = 1_000;

  public SynthConfig {
    require(users >= 1, "users must be >= 1, was " + users);
    require(topics >= 1 && topics <= TopicVocabularies.TOPICS.size(),
        "topics must be in 1.." + TopicVocabularies.TOPICS.size() + ", was " + topics);
    require(items >= 4 * topics, "items must be >= 4 per topic (" + 4 * topics + "), was " + items);
    require(meanSequenceLength >= 3 && Double.isFinite(meanSequenceLength),
        "meanSequenceLength must be >= 3, was " + meanSequenceLength);
    require(driftRate >= 0 && driftRate <= 1, "driftRate must be in [0, 1], was " + driftRate);
    require(successorRate >= 0 && successorRate <= 1,
        "successorRate must be in [0, 1], was " + successorRate);
    require(impressionsPerUser >= 0, "impressionsPerUser must be >= 0, was " + impressionsPerUser);
    require(negativesPerImpression >= 0 && negativesPerImpression < items,
        "negativesPerImpression must be in [0, items), was " + negativesPerImpression);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The quickstart default: 2,000 users, 1,000 items, 10 topics, seed 42. */
  public static SynthConfig defaults() {
    return new SynthConfig(DEFAULT_USERS, DEFAULT_ITEMS, 10, 20, 0.05, 0.5, 5, 4, 42);
  }

  /** The defaults with another size and seed (what {@code data synth --users --items} sets). */
  public static SynthConfig of(int users, int items, long seed) {
    SynthConfig d = defaults();
    return new SynthConfig(users, items, d.topics, d.meanSequenceLength, d.driftRate,
        d.successorRate, d.impressionsPerUser, d.negativesPerImpression, seed);
  }

  public SynthConfig withUsers(int n) {
    return new SynthConfig(n, items, topics, meanSequenceLength, driftRate, successorRate,
        impressionsPerUser, negativesPerImpression, seed);
  }

  public SynthConfig withItems(int n) {
    return new SynthConfig(users, n, topics, meanSequenceLength, driftRate, successorRate,
        impressionsPerUser, negativesPerImpression, seed);
  }

  public SynthConfig withSeed(long s) {
    return new SynthConfig(users, items, topics, meanSequenceLength, driftRate, successorRate,
        impressionsPerUser, negativesPerImpression, s);
  }

  /**
   * This config with parameters overridden by name (the names of {@link #asOptions()}, e.g.
   * {@code successor-rate=0.3}); fails on an unknown name, listing the valid ones, or on a
   * malformed value, naming it.
   */
  public SynthConfig withOptions(Map<String, String> options) {
    Map<String, String> m = asOptions();
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (!m.containsKey(e.getKey())) {
        throw new IllegalArgumentException("unknown synth option '" + e.getKey() + "'; valid: "
            + m.keySet());
      }
      m.put(e.getKey(), e.getValue().trim());
    }
    try {
      return new SynthConfig(
          Integer.parseInt(m.get("users")),
          Integer.parseInt(m.get("items")),
          Integer.parseInt(m.get("topics")),
          Double.parseDouble(m.get("mean-sequence-length")),
          Double.parseDouble(m.get("drift-rate")),
          Double.parseDouble(m.get("successor-rate")),
          Integer.parseInt(m.get("impressions-per-user")),
          Integer.parseInt(m.get("negatives-per-impression")),
          Long.parseLong(m.get("seed")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("synth option: expected a number: " + e.getMessage(), e);
    }
  }

  /** The parameters as provenance options (names as on the command line). */
  public Map<String, String> asOptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("users", Integer.toString(users));
    m.put("items", Integer.toString(items));
    m.put("topics", Integer.toString(topics));
    m.put("mean-sequence-length", Double.toString(meanSequenceLength));
    m.put("drift-rate", Double.toString(driftRate));
    m.put("successor-rate", Double.toString(successorRate));
    m.put("impressions-per-user", Integer.toString(impressionsPerUser));
    m.put("negatives-per-impression", Integer.toString(negativesPerImpression));
    m.put("seed", Long.toString(seed));
    return m;
  }
}
