package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recompose.data.store.DType;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.ListWriter;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.TableWriter;
import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.data.CtrDataLoader;
import dev.recompose.models.ctr.data.CtrDataOptions;
import dev.recompose.models.ctr.train.CtrSteps;
import dev.recompose.tensor.Parallel;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.optim.Adam;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training throughput of NRMS and DeepFM at paper shapes on synthetic data, to compare with the
 * PyTorch peers in {@code benchmarks/peers/} (same shapes). Off by default:
 * {@code -Drecompose.ctr.speed=true}; {@code recompose.ctr.speed.models} (nrms,deepfm) and
 * {@code recompose.ctr.speed.threads} (1,2) narrow the run; {@code recompose.ctr.speed.warmup}
 * (3) sets the untimed steps.
 */
class CtrSpeedRunTest {
  @TempDir Path tmp;

  static final int ITEMS = 5000;
  /** Steps run before the clock starts ({@code recompose.ctr.speed.warmup}, default 3): JIT warm-up. */
  static final int WARMUP = Integer.getInteger("recompose.ctr.speed.warmup", 3);
  static final int WORDS = 20000;

  /** Items with 30-word titles; impressions with a 50-item history, 1 click and 4 non-clicks. */
  static Path syntheticNews(Path dir, int impressions) throws IOException {
    Rng rng = new Rng(7);
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      TableWriter it = w.table(StoreLayout.ITEMS, "items");
      ListWriter title = it.text("title", "30 random words");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ITEMS; i++) {
        sb.setLength(0);
        for (int k = 0; k < 30; k++) {
          sb.append('w').append(rng.nextInt(WORDS)).append(' ');
        }
        title.addText(sb.toString());
      }
      TableWriter im = w.table(StoreLayout.IMPRESSIONS, "impressions");
      int[] users = new int[impressions];
      ListWriter h = im.list(StoreLayout.HISTORY, DType.INT32, StoreLayout.ITEM, "history");
      ListWriter c = im.list(StoreLayout.CANDIDATES, DType.INT32, StoreLayout.ITEM, "cands");
      ListWriter l = im.list(StoreLayout.LABELS, DType.INT8, null, "labels");
      for (int r = 0; r < impressions; r++) {
        users[r] = r;
        int[] hist = new int[50];
        for (int k = 0; k < 50; k++) {
          hist[k] = rng.nextInt(ITEMS);
        }
        h.addRow(hist);
        int[] cand = new int[5];
        for (int k = 0; k < 5; k++) {
          cand[k] = rng.nextInt(ITEMS);
        }
        c.addRow(cand);
        l.addRow(new byte[] {1, 0, 0, 0, 0});
      }
      im.ints(StoreLayout.USER, users, StoreLayout.USER, "user");
      w.vocab(StoreLayout.USER, TinyDatasets.ids("U", impressions), "users");
      w.vocab(StoreLayout.ITEM, TinyDatasets.ids("N", ITEMS), "items");
      w.commit("synthetic-news", null, TinyDatasets.provenance(), null);
    }
    return dir;
  }

  /** 8 categorical side fields (4 per side, 100 values each) + both IDs = 10 fields. */
  static Path syntheticTabular(Path dir, int rows) throws IOException {
    Rng rng = new Rng(8);
    int users = 10000;
    int items = 5000;
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      TableWriter t = w.table(StoreLayout.INTERACTIONS, "log");
      int[] u = new int[rows];
      int[] i = new int[rows];
      long[] ts = new long[rows];
      byte[] y = new byte[rows];
      byte[] split = new byte[rows];
      for (int r = 0; r < rows; r++) {
        u[r] = rng.nextInt(users);
        i[r] = rng.nextInt(items);
        ts[r] = r;
        y[r] = (byte) (rng.nextFloat() < 0.33f ? 1 : 0);
      }
      t.ints(StoreLayout.USER, u, StoreLayout.USER, "user");
      t.ints(StoreLayout.ITEM, i, StoreLayout.ITEM, "item");
      t.longs(StoreLayout.TIMESTAMP, ts, "t");
      t.bytes(StoreLayout.LABEL, y, "label");
      t.bytes(StoreLayout.SPLIT, split, "all train");
      for (String side : List.of(StoreLayout.USERS, StoreLayout.ITEMS)) {
        int n = side.equals(StoreLayout.USERS) ? users : items;
        TableWriter s = w.table(side, side);
        for (int f = 0; f < 4; f++) {
          int[] codes = new int[n];
          for (int e = 0; e < n; e++) {
            codes[e] = rng.nextInt(100);
          }
          s.ints("f" + f, codes, side + "_f" + f, "field");
          w.vocab(side + "_f" + f, TinyDatasets.ids("v", 100), "values");
        }
      }
      w.vocab(StoreLayout.USER, TinyDatasets.ids("U", users), "users");
      w.vocab(StoreLayout.ITEM, TinyDatasets.ids("I", items), "items");
      w.commit("synthetic-tabular", null, TinyDatasets.provenance(), null);
    }
    return dir;
  }

  private static void measure(String name, CtrRecipe recipe, Dataset ds, int steps) {
    CtrData data = CtrDataLoader.load(ds, CtrDataOptions.defaults());
    String threadList = System.getProperty("recompose.ctr.speed.threads", "1,2");
    for (String t : threadList.split(",")) {
      int threads = Integer.parseInt(t.trim());
      Parallel.setThreads(threads);
      CtrModel model = new CtrModel(recipe.model(), data, 1);
      model.train();
      Adam opt = new Adam(model.parameters(), recipe.train().lr());
      CtrSteps s = new CtrSteps(data, recipe.train());
      var batches = s.epoch(new Rng(1));
      long rows = 0;
      long samples = 0;
      long t0 = 0;
      for (int k = 0; k < Math.min(steps + WARMUP, batches.size()); k++) {
        if (k == WARMUP) {
          t0 = System.nanoTime();
        }
        var b = batches.get(k);
        opt.zeroGrad();
        Tensor loss = s.loss(model, b);
        loss.backward();
        opt.step();
        if (k >= WARMUP) {
          rows += b.size();
          samples += b.listSize() > 0 ? b.size() / b.listSize() : b.size();
        }
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "SPEED %s threads=%d: %.1f samples/s (%.1f scored rows/s),"
          + " %.1f ms/step%n", name, threads, samples / secs, rows / secs,
          1000 * secs / Math.max(1, Math.min(steps, batches.size() - WARMUP)));
    }
  }

  @Test
  void nrmsAndDeepFm() throws IOException {
    assumeTrue(Boolean.getBoolean("recompose.ctr.speed"), "speed run not requested"
        + " (-Drecompose.ctr.speed=true)");
    int nrmsSteps = Integer.getInteger("recompose.ctr.speed.nrms_steps", 10);
    int fmSteps = Integer.getInteger("recompose.ctr.speed.deepfm_steps", 20);
    String models = System.getProperty("recompose.ctr.speed.models", "nrms,deepfm");
    if (models.contains("nrms")) {
      Dataset news = Dataset.open(syntheticNews(tmp.resolve("news"), 64 * (nrmsSteps + WARMUP)));
      measure("nrms", CtrRecipe.load("nrms"), news, nrmsSteps);
    }
    if (!models.contains("deepfm")) {
      return;
    }
    Dataset tab = Dataset.open(syntheticTabular(tmp.resolve("tab"), 4096 * (fmSteps + WARMUP)));
    measure("deepfm", CtrRecipe.load("deepfm").with(Map.of("train.optimizer", "adam")), tab,
        fmSteps);
  }
}
