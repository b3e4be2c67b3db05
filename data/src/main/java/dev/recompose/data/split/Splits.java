package dev.recompose.data.split;

import dev.recompose.data.store.ColumnSpec;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.SplitInfo;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The entry point for splitting a dataset: looks a scheme up by name, computes its codes and
 * stores them as the int8 {@code split} column of the scheme's table, with a {@link SplitInfo}
 * in the manifest.
 *
 * <p>It exists so that the CLI ({@code recompose data split DIR --scheme NAME}) and tests make
 * one call. A dataset has one current split: applying a new one replaces the previous column
 * and manifest entry (when the previous split was on another table, that table's {@code split}
 * column is removed from the manifest and its file deleted).
 */
public final class Splits {
  private static final List<SplitScheme> SCHEMES =
      List.of(
          new LeaveOneOutSplit(),
          new TemporalSplit(),
          new UserRatioSplit(),
          new ImpressionSplit(),
          new RecBenchCtrSplit());

  private Splits() {}

  /** Every scheme, in the order the CLI lists them. */
  public static List<SplitScheme> schemes() {
    return SCHEMES;
  }

  /** The scheme called {@code name}; fails listing the valid names. */
  public static SplitScheme scheme(String name) {
    Objects.requireNonNull(name, "name");
    for (SplitScheme s : SCHEMES) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown split scheme '" + name + "'; valid: "
        + SCHEMES.stream().map(SplitScheme::name).collect(Collectors.joining(", ")));
  }

  /** Computes the split without writing anything. */
  public static SplitResult compute(
      Dataset ds, String scheme, Map<String, String> params, long seed) throws IOException {
    Objects.requireNonNull(ds, "ds");
    return scheme(scheme).compute(ds, params == null ? Map.of() : params, seed);
  }

  /**
   * Computes and stores the split; returns what was written into the manifest. {@code ds} keeps
   * its old manifest: reopen the directory to read the new split.
   */
  public static SplitInfo apply(Dataset ds, String scheme, Map<String, String> params, long seed)
      throws IOException {
    SplitResult r = compute(ds, scheme, params, seed);
    return write(ds, scheme(scheme).name(), seed, r);
  }

  /** Stores {@code r} as the current split of {@code ds}. */
  public static SplitInfo write(Dataset ds, String scheme, long seed, SplitResult r)
      throws IOException {
    long rows = ds.table(r.table()).rows();
    if (r.codes().length != rows) {
      throw new IllegalArgumentException("split has " + r.codes().length + " codes, table "
          + r.table() + " has " + rows + " rows");
    }
    SplitInfo info = new SplitInfo(scheme, r.table(), seed, r.params(), r.sizes());
    SplitInfo previous = ds.manifest().split();
    String stale = previous != null && !previous.table().equals(r.table())
        && ds.hasTable(previous.table()) && ds.table(previous.table()).has(StoreLayout.SPLIT)
        ? previous.table() : null;
    String staleFile = stale == null ? null : ds.table(stale).column(StoreLayout.SPLIT).file();
    try (DatasetUpdater up = DatasetUpdater.open(ds)) {
      up.table(r.table()).bytes(StoreLayout.SPLIT, r.codes(),
          "0 train, 1 valid, 2 test, -1 none (scheme " + scheme + ", seed " + seed + ")");
      up.commit(m -> withoutColumn(m, stale).withSplit(info));
    }
    if (staleFile != null) {
      Files.deleteIfExists(ds.dir().resolve(staleFile));
    }
    return info;
  }

  private static Manifest withoutColumn(Manifest m, String table) {
    if (table == null) {
      return m;
    }
    Map<String, TableSpec> tables = new LinkedHashMap<>(m.tables());
    TableSpec t = tables.get(table);
    Map<String, ColumnSpec> cols = new LinkedHashMap<>(t.columns());
    cols.remove(StoreLayout.SPLIT);
    tables.put(table, new TableSpec(t.rows(), t.description(), cols));
    return m.withTables(tables);
  }
}
