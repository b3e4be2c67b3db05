package dev.recompose.models.repr.sid;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DType;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.NpyArray;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.models.repr.ManifestEdits;
import dev.recompose.data.store.ContentDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Computes semantic IDs from a VECTOR column of {@code items} and stores them as a LIST int32
 * column (default {@code sid}) of {@code levels + 1} codes per item.
 *
 * <p>It exists as the library entry point behind {@code recompose repr sid}: read the embedding
 * column, run {@link RqKMeans}, commit the codes through {@link DatasetUpdater}, and keep the
 * {@link SidReport} readable in two places: the column's description and
 * {@code provenance.notes["repr.sid.<column>"]}. Code {@code l} of a row indexes level
 * {@code l}'s codebook; the last code is TIGER's disambiguation index. Items without an
 * embedding (an all-zero vector: no text) are not quantised and get -1 in every position, the
 * store's "missing" code; the report then covers the quantised items only. The fitted quantiser
 * is written next to the column ({@link SidQuantizer#file}) and named, with its SHA-256, in the
 * note {@code repr.sid.<column>.quantizer}, so new items can be coded later.
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

  /** Rows of the {@code n x d} array {@code x} that are not all zero. */
  static int[] nonZeroRows(float[] x, int n, int d) {
    int[] keep = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < d; t++) {
        if (x[i * d + t] != 0f) {
          keep[m++] = i;
          break;
        }
      }
    }
    return java.util.Arrays.copyOf(keep, m);
  }

  private static float[] gather(float[] x, int[] rows, int d) {
    float[] out = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(x, rows[i] * d, out, i * d, d);
    }
    return out;
  }

  /** {@code fit} (over {@code rows}) spread to all {@code n} items, -1 codes elsewhere. */
  static SemanticIds expand(SemanticIds fit, int[] rows, int n) {
    if (rows.length == n) {
      return fit;
    }
    int l = fit.levels();
    int[] raw = new int[n * l];
    int[] codes = new int[n * (l + 1)];
    java.util.Arrays.fill(raw, -1);
    java.util.Arrays.fill(codes, -1);
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(fit.raw(), i * l, raw, rows[i] * l, l);
      System.arraycopy(fit.codes(), i * (l + 1), codes, rows[i] * (l + 1), l + 1);
    }
    return new SemanticIds(n, l, raw, codes, fit.quantizer(), fit.report());
  }

  private interface Fitter {
    SemanticIds fit(float[] x, int n, int d);
  }

  private static SemanticIds fitAndWrite(Dataset dataset, String fromColumn, String column,
      Fitter fitter, String settings) throws IOException {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(fromColumn, "fromColumn");
    Objects.requireNonNull(column, "column");
    int[] shape = new int[2];
    float[] x = readVectors(dataset, fromColumn, shape);
    int n = shape[0];
    int d = shape[1];
    int[] keep = nonZeroRows(x, n, d);
    if (keep.length == 0) {
      throw new IllegalArgumentException("items." + fromColumn + " has no non-zero vector:"
          + " nothing to quantise");
    }
    SemanticIds fit = fitter.fit(keep.length == n ? x : gather(x, keep, d), keep.length, d);
    SemanticIds ids = expand(fit, keep, n);
    String missing = keep.length == n ? ""
        : "; " + (n - keep.length) + " items without an embedding (zero vector, e.g. no text)"
            + " get codes -1 and are not counted above";
    write(dataset, fromColumn, column, ids, settings + missing);
    return ids;
  }

  /**
   * Fits RQ-KMeans on {@code items.<fromColumn>} and writes {@code items.<column>}. Items whose
   * vector is all zero (no text to embed) are left out of the fit and get codes -1.
   */
  public static SemanticIds writeRqKMeans(Dataset dataset, String fromColumn, String column,
      RqKMeansConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    return fitAndWrite(dataset, fromColumn, column, new RqKMeans(config)::fit, "seed "
        + config.seed()
        + (config.sinkhornEpsilon() > 0 ? ", Sinkhorn epsilon " + config.sinkhornEpsilon() : ""));
  }

  /**
   * Trains an {@link RqVae} on {@code items.<fromColumn>} and writes {@code items.<column>};
   * all-zero vectors are left out as in {@link #writeRqKMeans}.
   */
  public static SemanticIds writeRqVae(Dataset dataset, String fromColumn, String column,
      RqVaeConfig config, dev.recompose.data.progress.ProgressFactory progress)
      throws IOException {
    Objects.requireNonNull(config, "config");
    return fitAndWrite(dataset, fromColumn, column, new RqVae(config, progress)::fit,
        String.format(java.util.Locale.ROOT,
            "seed %d, MLP %s -> %d, beta %.2f, %d epochs, curriculum %d epochs per level",
            config.seed(), java.util.Arrays.toString(config.hidden()), config.latent(),
            config.beta(), config.epochs(), config.epochsPerLevel()));
  }

  /** Writes already computed ids. */
  public static void write(Dataset dataset, String fromColumn, String column, SemanticIds ids,
      String settings) throws IOException {
    if (ids.items() != dataset.table(StoreLayout.ITEMS).rows()) {
      throw new IllegalArgumentException("ids for " + ids.items() + " items, table has "
          + dataset.table(StoreLayout.ITEMS).rows());
    }
    String summary = ids.report().summary() + "; from " + fromColumn + ", " + settings;
    Path file = SidQuantizer.file(dataset.dir(), column);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    ids.quantizer().write(partial);
    String quantizer = file.getFileName() + " (safetensors, format " + SidQuantizer.FORMAT
        + ", " + ids.quantizer().method() + ": codebook.0.." + (ids.levels() - 1)
        + " [codes, width] float32" + (ids.quantizer().method().equals("rq-vae")
            ? " and encoder.* MLP weights" : "") + "; sha256 "
        + ContentDigest.ofFile(partial) + ")";
    try (DatasetUpdater up = DatasetUpdater.open(dataset)) {
      ListWriter w = up.table(StoreLayout.ITEMS).list(column, DType.INT32, null, summary);
      int width = ids.levels() + 1;
      for (int i = 0; i < ids.items(); i++) {
        w.addRow(ids.codes(), i * width, (i + 1) * width);
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      up.commit(m -> ManifestEdits.withNote(ManifestEdits.withNote(m, "repr.sid." + column,
          summary), "repr.sid." + column + ".quantizer", quantizer));
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
