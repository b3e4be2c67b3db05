package dev.recompose.llm.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.ColumnSpec;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableSpec;
import dev.recompose.models.repr.ItemTexts;
import dev.recompose.models.repr.ManifestEdits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Embeds chosen text fields of every item with a {@link TextEncoder} and stores the vectors as a
 * float32 VECTOR column ({@code emb_<encoder>}) of the {@code items} table.
 *
 * <p>It exists to produce RecBench's "semantic embedding" item representation as a resumable
 * batch job: texts go to the encoder {@code batchSize} at a time, in item order, and each finished
 * batch is appended and flushed to {@code <column>.embed.partial} in the dataset directory (with a
 * JSON sidecar naming the encoder, width, fields and dataset checksum). A killed run started again
 * with {@code resume} continues after the last finished batch; a partial file from a different
 * encoder, field list or dataset version is discarded. The column is committed through
 * {@link DatasetUpdater} only when every row is done, so a failure (an HTTP error, a wrong vector
 * size) never leaves a half-written column. Items without text get the zero vector and are not
 * sent to the encoder.
 */
public final class ItemEmbedder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TextEncoder encoder;
  private final ProgressFactory progress;

  public ItemEmbedder(TextEncoder encoder, ProgressFactory progress) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** The checkpoint file of {@code column} in {@code dir}. */
  public static Path partialFile(Path dir, String column) {
    return dir.resolve(column + ".embed.partial");
  }

  private static Path metaFile(Path dir, String column) {
    return dir.resolve(column + ".embed.partial.json");
  }

  /** Embeds, checkpoints and commits; returns what was done. */
  public EmbedReport embed(Dataset dataset, EmbedRequest request) throws IOException {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(request, "request");
    ItemTexts texts = ItemTexts.of(dataset, request.fields());
    String column = request.columnFor(encoder);
    int dim;
    try {
      dim = encoder.dimension(); // an endpoint may learn it from a probe request
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    if (dim < 1) {
      throw new IllegalArgumentException("encoder " + encoder.name() + " has dimension " + dim);
    }
    int rows = texts.rows();
    Path dir = dataset.dir();
    Path part = partialFile(dir, column);
    Path meta = metaFile(dir, column);
    Map<String, Object> want = new LinkedHashMap<>();
    want.put("encoder", encoder.name());
    want.put("dimension", dim);
    want.put("fields", request.fields());
    want.put("rows", rows);
    want.put("dataset", String.valueOf(dataset.manifest().contentSha256()));
    long rowBytes = (long) dim * Float.BYTES;
    int done = 0;
    if (request.resume() && Files.exists(part) && Files.exists(meta)
        && JSON.readValue(meta.toFile(), Map.class).equals(JSON.convertValue(want, Map.class))) {
      done = (int) Math.min(rows, Files.size(part) / rowBytes);
    } else {
      Files.deleteIfExists(part);
      JSON.writeValue(meta.toFile(), want);
    }
    int resumed = done;
    int empty = 0;
    int sent = 0;
    long t0 = System.nanoTime();
    try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        Progress bar = progress.start("embed " + encoder.name(), rows, "items")) {
      ch.truncate(done * rowBytes); // drop a torn last row
      ch.position(done * rowBytes);
      bar.advance(done);
      ByteBuffer buf = ByteBuffer.allocate((int) (rowBytes * request.batchSize()))
          .order(ByteOrder.LITTLE_ENDIAN);
      while (done < rows) {
        int to = Math.min(rows, done + request.batchSize());
        List<String> batch = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int r = done; r < to; r++) {
          String t = texts.joined(r);
          if (t.isBlank()) {
            empty++;
          } else {
            where.add(r - done);
            batch.add(t);
          }
        }
        float[][] vecs = batch.isEmpty() ? new float[0][] : encoder.embed(batch);
        if (vecs.length != batch.size()) {
          throw new EmbeddingException(encoder.name() + " returned " + vecs.length
              + " vectors for " + batch.size() + " texts");
        }
        float[][] rowsOut = new float[to - done][];
        for (int i = 0; i < vecs.length; i++) {
          if (vecs[i] == null || vecs[i].length != dim) {
            throw new EmbeddingException(encoder.name() + " returned a vector of size "
                + (vecs[i] == null ? 0 : vecs[i].length) + ", expected " + dim);
          }
          rowsOut[where.get(i)] = vecs[i];
        }
        buf.clear();
        for (float[] v : rowsOut) {
          if (v == null) {
            for (int d = 0; d < dim; d++) {
              buf.putFloat(0f);
            }
          } else {
            for (float x : v) {
              buf.putFloat(x);
            }
          }
        }
        buf.flip();
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
        sent += batch.size();
        bar.advance(to - done);
        done = to;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    float[] all = new float[Math.multiplyExact(rows, dim)];
    ByteBuffer.wrap(Files.readAllBytes(part)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
        .get(all);
    if (resumed > 0) { // empty rows of the resumed part were not counted above
      for (int r = 0; r < resumed; r++) {
        if (texts.joined(r).isBlank()) {
          empty++;
        }
      }
    }
    EmbedReport report = new EmbedReport(column, encoder.name(), dim, rows, resumed, empty, sent,
        seconds);
    String summary = report.summary(request.fields());
    try (DatasetUpdater up = DatasetUpdater.open(dataset)) {
      up.table(StoreLayout.ITEMS).vectors(column, all, dim, summary);
      up.commit(m -> ManifestEdits.withNote(m, "repr.embed." + column, summary));
    }
    Files.deleteIfExists(part);
    Files.deleteIfExists(meta);
    return report;
  }

  /** The description stored for {@code column}, for tests and {@code data info}. */
  static String description(Dataset d, String column) {
    TableSpec t = d.manifest().tables().get(StoreLayout.ITEMS);
    ColumnSpec c = t.columns().get(column);
    return c == null ? null : c.description();
  }
}
