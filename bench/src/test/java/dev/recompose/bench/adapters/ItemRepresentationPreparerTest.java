package dev.recompose.bench.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.bench.run.ExecutorRegistry;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.synth.SynthConfig;
import dev.recompose.data.synth.SyntheticDatasetGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemRepresentationPreparerTest {
  @TempDir Path tmp;

  @Test
  void isFoundByTheRegistryAndWritesEmbeddingsThenSemanticIds() throws Exception {
    assertTrue(ExecutorRegistry.defaults().preparer("sid")
        instanceof ItemRepresentationPreparer, "service file registers the preparer");
    Path dir = tmp.resolve("d");
    SyntheticDatasetGenerator.generate(SynthConfig.of(40, 64, 3), dir, false);
    ItemRepresentationPreparer p = new ItemRepresentationPreparer();
    assertFalse(p.isPresent(dir, "emb"));
    List<String> log = new ArrayList<>();
    p.prepare(dir, "sid", log::add);
    assertTrue(p.isPresent(dir, "emb"), "sid needs emb first");
    assertTrue(p.isPresent(dir, "sid"));
    Dataset ds = Dataset.open(dir);
    assertEquals(384, ds.table("items").column(ItemRepresentationPreparer.EMB).width());
    assertEquals(64, ds.table("items").rows());
    assertEquals("embedding 64 items (title, abstract) with MiniLM into emb_minilm",
        log.getFirst());
    assertEquals("semantic ids: RQ-KMeans, 3 levels x 8 codes, from emb_minilm", log.get(1));
    int before = log.size();
    p.prepare(dir, "sid", log::add);
    assertEquals(before, log.size(), "nothing recomputed when both are present");
  }
}
