package dev.recompose.data.synth;

import java.util.List;

/**
 * Twelve topics of real English words from which synthetic item titles and abstracts are built.
 *
 * <p>It exists so that text and embedding representations of synthetic items carry the same
 * signal as their categories: every topic has eight general words and four subtopics of six
 * words each, and an item's text is drawn mostly from its own topic and subtopic.
 */
final class TopicVocabularies {
  private TopicVocabularies() {}

  /** One topic: its name, general words, and subtopics (name = first word, then its words). */
  record Topic(String name, List<String> general, List<List<String>> subtopics) {}

  /** Words with no topical signal, used to pad titles and abstracts. */
  static final List<String> NEUTRAL =
      List.of("new", "guide", "story", "notes", "week", "today", "people", "look", "first",
          "best", "inside", "behind", "year", "world", "report", "ideas", "simple", "big",
          "small", "secret", "real", "life", "time", "way");

  static final List<Topic> TOPICS =
      List.of(
          topic("space", "space universe astronomy cosmic sky stellar nasa mission",
              "galaxy nebula cluster spiral quasar halo",
              "orbit satellite launch rocket booster capsule",
              "planet mars jupiter moon crater rover",
              "telescope observatory lens mirror spectrum signal"),
          topic("cooking", "recipe kitchen chef dinner flavor meal taste cook",
              "bread dough yeast flour oven crust",
              "pasta sauce tomato basil garlic noodle",
              "dessert chocolate cake sugar cream butter",
              "grill barbecue smoke steak charcoal brisket"),
          topic("sports", "team season coach league match player fans score",
              "football goal striker penalty midfield keeper",
              "basketball dunk court rebound playoff hoop",
              "tennis serve racket volley wimbledon baseline",
              "marathon runner sprint stamina finish pace"),
          topic("finance", "money market investor economy bank price profit fund",
              "stock shares dividend equity trading broker",
              "mortgage loan interest housing rent credit",
              "budget savings retirement pension tax income",
              "crypto bitcoin token blockchain wallet ledger"),
          topic("music", "song album band concert sound artist stage melody",
              "guitar chord riff amplifier solo strings",
              "jazz saxophone swing trumpet blues improvisation",
              "orchestra symphony violin conductor cello opera",
              "festival vinyl playlist tour encore headliner"),
          topic("travel", "trip journey tourist destination hotel flight passport vacation",
              "beach island coast surf sand lagoon",
              "mountain hiking trail summit glacier valley",
              "city museum street cafe skyline metro",
              "cruise ship harbor ferry deck voyage"),
          topic("health", "doctor patient clinic wellness medicine body habit care",
              "diet nutrition protein vitamin fiber calorie",
              "fitness workout muscle strength cardio gym",
              "sleep insomnia dream rest melatonin nap",
              "vaccine virus immune antibody infection fever"),
          topic("technology", "software computer digital device startup engineer code data",
              "smartphone battery screen camera charger app",
              "robot automation sensor drone machine actuator",
              "cloud server network database cluster storage",
              "chip processor silicon transistor memory circuit"),
          topic("gardening", "garden plant soil seed grow green leaf bloom",
              "rose tulip orchid petal lily daisy",
              "vegetable carrot lettuce pepper cucumber squash",
              "compost mulch fertilizer worm manure humus",
              "tree oak pine maple pruning bark"),
          topic("history", "ancient empire century war king dynasty archive heritage",
              "rome roman senate caesar legion forum",
              "egypt pharaoh pyramid nile tomb papyrus",
              "medieval castle knight feudal crusade monastery",
              "revolution colony independence treaty republic parliament"),
          topic("fashion", "style designer trend wardrobe outfit fabric model runway",
              "dress gown silk lace skirt hem",
              "sneaker boot heel leather sole lace-up",
              "jewelry necklace ring pearl bracelet gold",
              "denim jeans jacket cotton stitch indigo"),
          topic("cinema", "film movie director actor screen studio premiere scene",
              "horror ghost haunted scream monster vampire",
              "comedy laugh sitcom parody joke satire",
              "documentary footage interview archive narrator wildlife",
              "animation cartoon pixel sketch voice frame"));

  private static Topic topic(String name, String general, String... subtopics) {
    List<List<String>> subs = java.util.Arrays.stream(subtopics)
        .map(s -> List.of(s.split(" ")))
        .toList();
    return new Topic(name, List.of(general.split(" ")), subs);
  }
}
