package dev.recompose.bench.adapters;

import dev.recompose.bench.run.RepresentationPreparer;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.ColumnKind;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import dev.recompose.llm.embed.EmbedRequest;
import dev.recompose.llm.embed.ItemEmbedder;
import dev.recompose.llm.embed.MiniLmEncoder;
import dev.recompose.llm.embed.MiniLmVariant;
import dev.recompose.models.repr.sid.RqKMeansConfig;
import dev.recompose.models.repr.sid.SidColumns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Provides the {@code emb} and {@code sid} item representations: {@code emb} embeds the items'
 * {@code title} and {@code abstract} text (whichever exist) with the bundled MiniLM into the
 * VECTOR column {@code emb_minilm}; {@code sid} quantises {@code emb_minilm} (computed first when
 * missing) with RQ-KMeans into the semantic-id column {@code sid} (3 levels, codes per level
 * scaled to the catalogue: items / 8 within [4, 256], plus TIGER's collision level).
 *
 * <p>It exists as the adapter between the bench's representation seam and the representation
 * jobs ({@code ItemEmbedder}, {@code SidColumns}), so that a spec can ask for RecBench's semantic
 * embedding and semantic-ID forms on any dataset with item text.
 */
public final class ItemRepresentationPreparer implements RepresentationPreparer {
  /** The embedding column of {@code emb}. */
  public static final String EMB = "emb_minilm";

  /** The semantic-id column of {@code sid}. */
  public static final String SID = "sid";

  @Override
  public Set<String> representations() {
    return Set.of("emb", "sid");
  }

  @Override
  public boolean isPresent(Path dir, String repr) throws Exception {
    Dataset ds = Dataset.open(dir);
    return ds.hasTable(StoreLayout.ITEMS)
        && ds.table(StoreLayout.ITEMS).has(repr.equals("emb") ? EMB : SID);
  }

  @Override
  public void prepare(Path dir, String repr, Consumer<String> log) throws Exception {
    if (!isPresent(dir, "emb")) {
      Dataset ds = Dataset.open(dir);
      if (!ds.hasTable(StoreLayout.ITEMS)) {
        throw new IllegalArgumentException(dir + " has no items table to embed");
      }
      Table items = ds.table(StoreLayout.ITEMS);
      List<String> fields = new ArrayList<>();
      for (String f : List.of("title", "abstract")) {
        if (items.has(f) && items.column(f).kind() == ColumnKind.TEXT) {
          fields.add(f);
        }
      }
      if (fields.isEmpty()) {
        throw new IllegalArgumentException(dir + ": items have no title or abstract text to"
            + " embed");
      }
      log.accept("embedding " + items.rows() + " items (" + String.join(", ", fields)
          + ") with MiniLM into " + EMB);
      try (MiniLmEncoder enc = MiniLmEncoder.load(MiniLmVariant.FULL,
          Runtime.getRuntime().availableProcessors(), 128, 32)) {
        new ItemEmbedder(enc, ProgressFactory.NONE).embed(ds,
            new EmbedRequest(fields, 256, EMB, true));
      }
    }
    if (repr.equals("sid") && !isPresent(dir, "sid")) {
      Dataset ds = Dataset.open(dir);
      long n = ds.table(StoreLayout.ITEMS).rows();
      int codes = (int) Math.max(4, Math.min(256, n / 8));
      log.accept("semantic ids: RQ-KMeans, 3 levels x " + codes + " codes, from " + EMB);
      var ids = SidColumns.writeRqKMeans(ds, EMB, SID,
          RqKMeansConfig.defaults().withLevels(3).withCodes(codes));
      log.accept(ids.report().summary());
    }
  }
}
