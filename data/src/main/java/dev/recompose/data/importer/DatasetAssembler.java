package dev.recompose.data.importer;

import dev.recompose.data.filter.ImportFilters;
import dev.recompose.data.log.InteractionLog;
import dev.recompose.data.log.InteractionOrder;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.NpyWriter;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns an importer's {@link ImportedData} into a dataset directory: applies the common filters,
 * orders interactions by user and time, writes every table and vocabulary, and records
 * provenance.
 *
 * <p>It exists so that the dozen importers only parse; how a dataset is laid out, filtered and
 * accounted for is decided once, here.
 */
public final class DatasetAssembler {
  /** Options every importer accepts. */
  public static final Map<String, String> COMMON_OPTIONS;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", "dataset name written into the manifest (default: the format's usual name)");
    m.putAll(ImportFilters.OPTIONS);
    COMMON_OPTIONS = java.util.Collections.unmodifiableMap(m);
  }

  private DatasetAssembler() {}

  /** Fails with the list of valid options when the request names an unknown one. */
  public static void checkOptions(Importer importer, ImportRequest request) {
    for (String key : request.options().keySet()) {
      if (!COMMON_OPTIONS.containsKey(key) && !importer.options().containsKey(key)) {
        TreeSet<String> valid = new TreeSet<>(COMMON_OPTIONS.keySet());
        valid.addAll(importer.options().keySet());
        throw new IllegalArgumentException(
            "unknown option '" + key + "' for format " + importer.format() + "; valid: " + valid);
      }
    }
  }

  /** Filters, orders and writes {@code data} as described by {@code request}. */
  public static Manifest write(Importer importer, ImportRequest request, ImportedData data)
      throws IOException {
    ImportFilters.Result filtered = ImportFilters.apply(data, request.options());
    data = filtered.data();
    InteractionLog log = data.interactions();
    int[] order = InteractionOrder.byUserThenTime(log, data.users().size());
    log = log.select(order);
    try (DatasetWriter w = DatasetWriter.create(request.out(), request.force())) {
      TableWriter t = w.table(StoreLayout.INTERACTIONS, "one row per user-item interaction,"
          + " grouped by user, in time order");
      t.ints(StoreLayout.USER, log.users(), StoreLayout.USER, "user code");
      t.ints(StoreLayout.ITEM, log.items(), StoreLayout.ITEM, "item code");
      NpyWriter ts = t.scalar(StoreLayout.TIMESTAMP, DType.INT64, null,
          log.timestamps() != null ? "Unix seconds" : "row order (the source has no time)");
      for (int i = 0; i < log.size(); i++) {
        ts.writeLong(log.timestamps() != null ? log.timestamps()[i] : order[i]);
      }
      if (log.ratings() != null) {
        t.floats(StoreLayout.RATING, log.ratings(), "explicit rating or count as given");
      }
      if (log.labels() != null) {
        t.bytes(StoreLayout.LABEL, log.labels(), "1 = positive, 0 = negative");
      }
      if (!data.itemTable().isEmpty()) {
        data.itemTable().write(w, w.table(StoreLayout.ITEMS, "row i describes item i"),
            data.items().size(), "item_");
      }
      if (!data.userTable().isEmpty()) {
        data.userTable().write(w, w.table(StoreLayout.USERS, "row i describes user i"),
            data.users().size(), "user_");
      }
      if (data.impressions() != null) {
        data.impressions().write(
            w.table(StoreLayout.IMPRESSIONS, "logged impressions with clicks"), null, null);
      }
      w.vocab(StoreLayout.USER, data.users().ids(), "user ids as in the source");
      w.vocab(StoreLayout.ITEM, data.items().ids(), "item ids as in the source");
      Provenance p =
          new Provenance(
              importer.format(),
              request.from().toAbsolutePath().normalize().toString(),
              request.options(),
              data.sources(),
              data.reports(),
              filtered.steps(),
              data.notes());
      return w.commit(request.option("name", data.name()), null, p, null);
    }
  }
}
