package dev.recompose.models.repr.sid;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.NpyArray;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.models.repr.ManifestEdits;
import java.io.IOException;
import java.util.Objects;

/**
 * Computes semantic IDs from a VECTOR column of {@code items} and stores them as a LIST int32
 * column (default {@code sid}) of {@code levels + 1} codes per item.
 *
 * <p>It exists as the library entry point behind {@code recompose repr sid}: read the embedding
 * column, run {@link RqKMeans}, commit the codes through {@link DatasetUpdater}, and keep the
 * {@link SidReport} readable in two places: the column's description and
 * {@code provenance.notes["repr.sid.<column>"]}. Code {@code l} of a row indexes level
 * {@code l}'s codebook; the last code is TIGER's disambiguation index.
 */
public final class SidColumns {
  private SidColumns() {}

  /** Reads {@code items.<fromColumn>} as an {@code n x d} row-major array. */
  public static float[] readVectors(Dataset dataset, String fromColumn, int[] shapeOut) {
    Table items = dataset.table(StoreLayout.ITEMS);
    NpyArray a = items.vector(fromColumn);
    int d = items.column(fromColumn).width();
    shapeOut[0] = Math.toIntExact(items.rows());
    shapeOut[1] = d;
    return a.toFloatArray();
  }

  /** Fits RQ-KMeans on {@code items.<fromColumn>} and writes {@code items.<column>}. */
  public static SemanticIds writeRqKMeans(Dataset dataset, String fromColumn, String column,
      RqKMeansConfig config) throws IOException {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(fromColumn, "fromColumn");
    Objects.requireNonNull(column, "column");
    int[] shape = new int[2];
    float[] x = readVectors(dataset, fromColumn, shape);
    SemanticIds ids = new RqKMeans(config).fit(x, shape[0], shape[1]);
    write(dataset, fromColumn, column, ids, "seed " + config.seed()
        + (config.sinkhornEpsilon() > 0 ? ", Sinkhorn epsilon " + config.sinkhornEpsilon() : ""));
    return ids;
  }

  /** Trains an {@link RqVae} on {@code items.<fromColumn>} and writes {@code items.<column>}. */
  public static SemanticIds writeRqVae(Dataset dataset, String fromColumn, String column,
      RqVaeConfig config, dev.recompose.data.progress.ProgressFactory progress)
      throws IOException {
    int[] shape = new int[2];
    float[] x = readVectors(dataset, fromColumn, shape);
    SemanticIds ids = new RqVae(config, progress).fit(x, shape[0], shape[1]);
    write(dataset, fromColumn, column, ids, String.format(java.util.Locale.ROOT,
        "seed %d, MLP %s -> %d, beta %.2f, %d epochs, curriculum %d epochs per level",
        config.seed(), java.util.Arrays.toString(config.hidden()), config.latent(), config.beta(),
        config.epochs(), config.epochsPerLevel()));
    return ids;
  }

  /** Writes already computed ids. */
  public static void write(Dataset dataset, String fromColumn, String column, SemanticIds ids,
      String settings) throws IOException {
    if (ids.items() != dataset.table(StoreLayout.ITEMS).rows()) {
      throw new IllegalArgumentException("ids for " + ids.items() + " items, table has "
          + dataset.table(StoreLayout.ITEMS).rows());
    }
    String summary = ids.report().summary() + "; from " + fromColumn + ", " + settings;
    try (DatasetUpdater up = DatasetUpdater.open(dataset)) {
      ListWriter w = up.table(StoreLayout.ITEMS).list(column, DType.INT32, null, summary);
      int width = ids.levels() + 1;
      for (int i = 0; i < ids.items(); i++) {
        w.addRow(ids.codes(), i * width, (i + 1) * width);
      }
      up.commit(m -> ManifestEdits.withNote(m, "repr.sid." + column, summary));
    }
  }
}
