package dev.recompose.data.store;

/**
 * The names every dataset directory uses for its standard tables, columns and split codes.
 *
 * <p>It exists so that importers write, and models read, the same names without string literals
 * scattered over the code base. Conventions:
 * <ul>
 *   <li>{@code interactions}: {@code user}, {@code item} (int32 codes of the {@code user} and
 *       {@code item} vocabularies), {@code timestamp} (int64 Unix seconds; when the source has no
 *       time, the row order), optional {@code rating} (float32), optional {@code label} (int8,
 *       1 = positive, 0 = logged or sampled negative), optional {@code split}.
 *   <li>{@code items}: row i describes item i: text columns ({@code title}, {@code abstract}...),
 *       categorical columns with their own vocabularies, list columns such as {@code genres}.
 *   <li>{@code users}: row i describes user i (age, gender, occupation...).
 *   <li>{@code impressions}: one row per logged impression: {@code user}, {@code timestamp},
 *       {@code history} (list of items clicked before), {@code candidates} (list of items shown),
 *       {@code labels} (int8 list aligned with candidates), optional {@code split}.
 * </ul>
 * Ids are dense and 0-based; reserving a padding index is a model's business, not the store's.
 */
public final class StoreLayout {
  private StoreLayout() {}

  public static final String MANIFEST = "manifest.json";
  public static final String VOCAB_DIR = "vocab";

  public static final String INTERACTIONS = "interactions";
  public static final String ITEMS = "items";
  public static final String USERS = "users";
  public static final String IMPRESSIONS = "impressions";

  public static final String USER = "user";
  public static final String ITEM = "item";
  public static final String TIMESTAMP = "timestamp";
  public static final String RATING = "rating";
  public static final String LABEL = "label";
  public static final String SPLIT = "split";
  public static final String HISTORY = "history";
  public static final String CANDIDATES = "candidates";
  public static final String LABELS = "labels";

  /** Split code: row used for training. */
  public static final byte SPLIT_TRAIN = 0;

  /** Split code: row held out for validation. */
  public static final byte SPLIT_VALID = 1;

  /** Split code: row held out for testing. */
  public static final byte SPLIT_TEST = 2;

  /** Split code: row excluded from every part (for example dropped by a sample cap). */
  public static final byte SPLIT_NONE = -1;

  /** File name of a scalar or vector column. */
  public static String scalarFile(String table, String column) {
    return table + "." + column + ".npy";
  }

  /** File name of the values of a list or text column. */
  public static String valuesFile(String table, String column) {
    return table + "." + column + ".values.npy";
  }

  /** File name of the CSR offsets of a list or text column. */
  public static String offsetsFile(String table, String column) {
    return table + "." + column + ".offsets.npy";
  }

  /** File name of a vocabulary. */
  public static String vocabFile(String vocab) {
    return VOCAB_DIR + "/" + vocab + ".tsv";
  }

  /** Name of a split part code. */
  public static String splitName(byte code) {
    return switch (code) {
      case SPLIT_TRAIN -> "train";
      case SPLIT_VALID -> "valid";
      case SPLIT_TEST -> "test";
      default -> "none";
    };
  }
}
