package dev.recompose.data.filter;

import dev.recompose.data.importer.ImportedData;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.InteractionLog;
import dev.recompose.data.store.FilterStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters an import can apply, in a fixed order: minimum rating, de-duplication, k-core.
 *
 * <p>It exists so that the common cleaning steps of recommendation papers are options of every
 * importer ({@code --option kcore=5}), each recorded in the manifest with rows before and after.
 */
public final class ImportFilters {
  /** Option names and help. */
  public static final Map<String, String> OPTIONS;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("min-rating", "keep interactions with rating >= this value (e.g. 4)");
    m.put("dedupe", "one row per user-item pair: 'first' or 'last' by time (default: keep all)");
    m.put("kcore", "iteratively keep users and items with at least k interactions");
    m.put("user-kcore", "like kcore, for users only (combine with item-kcore)");
    m.put("item-kcore", "like kcore, for items only (combine with user-kcore)");
    OPTIONS = Collections.unmodifiableMap(m);
  }

  private ImportFilters() {}

  /** Filtered data and the steps applied. */
  public record Result(ImportedData data, List<FilterStep> steps) {}

  /** Applies the filters named in {@code options}; returns {@code data} unchanged when none. */
  public static Result apply(ImportedData data, Map<String, String> options) {
    List<FilterStep> steps = new ArrayList<>();
    InteractionLog log = data.interactions();
    if (options.containsKey("min-rating")) {
      float min = parseFloat(options, "min-rating");
      if (log.ratings() == null) {
        throw new IllegalArgumentException("min-rating: this dataset has no ratings");
      }
      InteractionLog before = log;
      log = MinRatingFilter.apply(log, min);
      steps.add(new FilterStep("min-rating", Map.of("min", Float.toString(min)), before.size(),
          log.size()));
    }
    if (options.containsKey("dedupe")) {
      String keep = options.get("dedupe");
      InteractionLog before = log;
      log = DuplicateFilter.apply(log, data.users().size(), keep);
      steps.add(new FilterStep("dedupe", Map.of("keep", keep), before.size(), log.size()));
    }
    int uk = 0;
    int ik = 0;
    if (options.containsKey("kcore")) {
      uk = ik = parseInt(options, "kcore");
    }
    if (options.containsKey("user-kcore")) {
      uk = parseInt(options, "user-kcore");
    }
    if (options.containsKey("item-kcore")) {
      ik = parseInt(options, "item-kcore");
    }
    ImportedData out = data;
    if (uk > 0 || ik > 0) {
      if (data.impressions() != null) {
        throw new IllegalArgumentException(
            "k-core filtering is not supported for datasets with impressions (format keeps"
                + " impressions as logged)");
      }
      InteractionLog before = log;
      KCoreFilter.Result r = KCoreFilter.apply(log, data.users().size(), data.items().size(), uk, ik);
      log = r.log();
      steps.add(new FilterStep("kcore", Map.of("user_k", Integer.toString(uk), "item_k",
          Integer.toString(ik), "rounds", Integer.toString(r.rounds())), before.size(), log.size()));
      out = compact(data, log, r.keptUsers(), r.keptItems());
    } else if (log != data.interactions()) {
      out = withLog(data, log);
    }
    return new Result(out, steps);
  }

  private static ImportedData withLog(ImportedData d, InteractionLog log) {
    return new ImportedData(d.name(), d.users(), d.items(), log, d.itemTable(), d.userTable(),
        d.impressions(), d.reports(), d.sources(), d.notes());
  }

  /** Renumbers users and items to the kept ones (old codes in ascending order). */
  private static ImportedData compact(
      ImportedData d, InteractionLog log, int[] keptUsers, int[] keptItems) {
    int[] userMap = inverse(keptUsers, d.users().size());
    int[] itemMap = inverse(keptItems, d.items().size());
    IdIndex users = new IdIndex();
    for (int old : keptUsers) {
      users.code(d.users().id(old));
    }
    IdIndex items = new IdIndex();
    for (int old : keptItems) {
      items.code(d.items().id(old));
    }
    return new ImportedData(d.name(), users, items, log.recode(userMap, itemMap),
        d.itemTable().select(keptItems), d.userTable().select(keptUsers), null, d.reports(),
        d.sources(), d.notes());
  }

  private static int[] inverse(int[] kept, int size) {
    int[] map = new int[size];
    java.util.Arrays.fill(map, -1);
    for (int k = 0; k < kept.length; k++) {
      map[kept[k]] = k;
    }
    return map;
  }

  private static int parseInt(Map<String, String> o, String key) {
    try {
      int v = Integer.parseInt(o.get(key).strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected a non-negative integer, found '"
          + o.get(key) + "'");
    }
  }

  private static float parseFloat(Map<String, String> o, String key) {
    try {
      return Float.parseFloat(o.get(key).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected a number, found '" + o.get(key) + "'");
    }
  }
}
