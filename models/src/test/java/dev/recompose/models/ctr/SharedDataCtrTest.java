package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.CtrDataLoader;
import dev.recompose.models.ctr.data.CtrDataOptions;
import dev.recompose.models.ctr.train.SimpleCtrTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CTR on the real ml-100k and MIND sample (skipped when ../shared/data is absent). */
class SharedDataCtrTest {
  @TempDir Path tmp;

  @Test
  void ml100kBecomesCtrSamplesWithLoggedNegatives() throws IOException {
    Dataset ds = Dataset.open(SharedCtrData.ml100k(tmp.resolve("ml")));
    CtrData d = CtrDataLoader.load(ds, CtrDataOptions.defaults());
    assertEquals(100_000, d.size());
    int pos = 0;
    for (float y : d.label()) {
      pos += (int) y;
    }
    // ratings 4 and 5 in ml-100k: 34,174 + 21,201
    assertEquals(55_375, pos);
    assertEquals(943, d.users());
    // every user has >= 20 ratings: 10% test and 10% valid each, rounded down
    assertTrue(d.indices(StoreLayout.SPLIT_TEST).length > 9_000);
    CtrData capped = CtrDataLoader.load(ds, CtrDataOptions.defaults().withRecbenchCap(true));
    assertTrue(capped.size() <= 943 * 20);
    CtrRun.Outcome o = CtrRun.train(ds, CtrRecipe.load("deepfm").with(Map.of("train.epochs", "1")),
        s -> { }, new SimpleCtrTrainer());
    System.out.println("ml-100k DeepFM, 1 epoch: " + o.report().test());
    assertTrue(o.report().test().auc() > 0.6, o.report().test().toString());
  }

  @Test
  void mindSampleBecomesImpressionSamples() throws IOException {
    Dataset ds = Dataset.open(SharedCtrData.mind(tmp.resolve("mind")));
    CtrData d = CtrDataLoader.load(ds, CtrDataOptions.defaults());
    // SOURCE.md: 5,000 impressions, 189,359 candidate pairs, 7,542 clicks
    assertEquals(189_359, d.size());
    int pos = 0;
    for (float y : d.label()) {
      pos += (int) y;
    }
    assertEquals(7_542, pos);
    assertEquals("impression", d.groupKey());
  }
}
