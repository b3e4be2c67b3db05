package dev.recompose.data.split;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.data.store.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Global temporal split: all rows of a table sorted by time and cut by ratio, so that training
 * data precede validation data, which precede test data, for every user at once.
 *
 * <p>This is the "global temporal" protocol recommended against leakage by e.g. Sun,
 * "Take a Fresh Look at Recommender Systems from an Evaluation Standpoint" (SIGIR 2023) and
 * RecBole's {@code TO} ordering with {@code RS} ratios. Tie rule: see {@link TimeCuts} — rows
 * with equal timestamps never straddle a cut; they all go to the earlier part.
 */
public final class TemporalSplit implements SplitScheme {
  public static final String NAME = "temporal";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "global cut points by time: oldest rows -> train, then valid, newest -> test";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ratios", "train,valid,test fractions of rows (default 0.8,0.1,0.1); a cut inside a"
        + " run of equal timestamps moves forward to the end of the run");
    m.put("table", "table to split (default interactions)");
    return m;
  }

  @Override
  public SplitResult compute(Dataset ds, Map<String, String> params, long seed) {
    SplitParams p = new SplitParams(NAME, options(), params);
    double[] ratios = p.ratios("ratios", "0.8,0.1,0.1");
    Table t = ds.table(p.string("table", StoreLayout.INTERACTIONS));
    long[] ts = t.scalar(StoreLayout.TIMESTAMP).toLongArray();
    int[] all = new int[ts.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    byte[] codes = new byte[ts.length];
    TimeCuts.assign(ts, all, ratios, codes);
    p.note("ties", "equal timestamps go to the earlier part");
    return new SplitResult(t.name(), codes, p.resolved());
  }
}
