package dev.recompose.llm.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.ListColumn;
import dev.recompose.models.repr.ItemTexts;
import dev.recompose.models.repr.sid.RqKMeansConfig;
import dev.recompose.models.repr.sid.SemanticIds;
import dev.recompose.models.repr.sid.SidColumns;
import dev.recompose.models.repr.text.TextField;
import dev.recompose.models.repr.text.TokenColumns;
import dev.recompose.models.repr.text.WordTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three stored representations on real MovieLens 100K, offline. Skips without the data. */
class Ml100kReprTest {
  @TempDir Path tmp;

  static Path shared(String name) {
    Path p = Path.of(System.getProperty("recompose.shared.data", "../shared/data")).resolve(name);
    assumeTrue(Files.isDirectory(p), "shared dataset " + p + " not found: skipping");
    return p;
  }

  static int sharedPrefix(int[] a, int[] b) {
    int i = 0;
    while (i < a.length - 1 && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  @Test
  void tokenizeEmbedAndSemanticIdsOnMl100k() throws Exception {
    Path src = shared("ml-100k");
    new MovieLens100kImporter().run(ImportRequest.of(src, tmp.resolve("ml")));
    Dataset ds = Dataset.open(tmp.resolve("ml"));
    int n = (int) ds.table("items").rows();
    assertEquals(1682, n);

    ItemTexts texts = ItemTexts.of(ds, List.of("title"));
    WordTokenizer tok = WordTokenizer.build(
        () -> IntStream.range(0, n).mapToObj(texts::joined).iterator(), 2, 0);
    TokenColumns.write(ds, tok, List.of(new TextField("title", 16)), "tok_", "tokens_word", 1,
        ProgressFactory.NONE);
    ds = Dataset.open(ds.dir());
    assertEquals(n, ds.table("items").list("tok_title").rows());

    try (MiniLmEncoder enc = MiniLmEncoder.load(MiniLmVariant.FULL, 2, 256, 32)) {
      EmbedReport r = new ItemEmbedder(enc, ProgressFactory.NONE)
          .embed(ds, new EmbedRequest(List.of("title"), 512, null, true));
      assertEquals(n, r.rows());
    }
    ds = Dataset.open(ds.dir());
    float[] emb = ds.table("items").vector("emb_minilm").toFloatArray();

    SemanticIds ids = SidColumns.writeRqKMeans(ds, "emb_minilm", "sid",
        RqKMeansConfig.defaults().withLevels(3).withCodes(32));
    System.out.println("ml-100k emb_minilm -> " + ids.report().summary());
    SemanticIds balanced = new dev.recompose.models.repr.sid.RqKMeans(RqKMeansConfig.defaults()
        .withLevels(3).withCodes(32).withSinkhorn(0.01, 50)).fit(emb, n, 384);
    System.out.println("ml-100k emb_minilm, Sinkhorn 0.01 -> " + balanced.report().summary());
    assertTrue(balanced.report().collisionRate() <= ids.report().collisionRate() + 0.02,
        "balanced " + balanced.report().collisionRate() + " vs " + ids.report().collisionRate());
    SemanticIds vae = SidColumns.writeRqVae(Dataset.open(ds.dir()), "emb_minilm", "sid_vae",
        new dev.recompose.models.repr.sid.RqVaeConfig(3, 32, new int[] {256, 128}, 32, 0.25f, 20,
            5, 256, 1e-3, 1682, true, 42), ProgressFactory.NONE);
    System.out.println("ml-100k emb_minilm, RQ-VAE -> " + vae.report().summary());
    for (int l = 0; l < 3; l++) {
      assertTrue(vae.report().codesUsed()[l] >= 24, vae.report().summary());
    }
    ListColumn sid = Dataset.open(ds.dir()).table("items").list("sid");
    Set<List<Integer>> unique = new HashSet<>();
    for (int i = 0; i < n; i++) {
      unique.add(java.util.Arrays.stream(sid.ints(i)).boxed().toList());
    }
    assertEquals(n, unique.size(), "every item has a distinct semantic id");

    // nearest neighbours by embedding share longer SID prefixes than random pairs
    double nearShared = 0;
    double randomShared = 0;
    java.util.Random rnd = new java.util.Random(1);
    int probes = 300;
    for (int p = 0; p < probes; p++) {
      int i = rnd.nextInt(n);
      int best = -1;
      double bestCos = -2;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double c = 0;
        for (int t = 0; t < 384; t++) {
          c += emb[i * 384 + t] * emb[j * 384 + t];
        }
        if (c > bestCos) {
          bestCos = c;
          best = j;
        }
      }
      nearShared += sharedPrefix(ids.of(i), ids.of(best));
      randomShared += sharedPrefix(ids.of(i), ids.of((i + 1 + rnd.nextInt(n - 1)) % n));
    }
    assertTrue(nearShared / probes > 3 * randomShared / probes + 0.3,
        "near " + nearShared / probes + " vs random " + randomShared / probes);
  }
}
