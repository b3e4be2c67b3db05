package dev.recompose.models.ctr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.models.ctr.train.SimpleCtrTrainer;
import dev.recompose.models.ctr.train.TrainReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy runs of the CTR issue, printed as Markdown tables (no assertions on numbers).
 * Off by default: {@code -Drecompose.ctr.accuracy=ml100k,mind} (and the shared data present).
 */
class CtrAccuracyRunTest {
  @TempDir Path tmp;

  private static boolean wanted(String what) {
    String p = System.getProperty("recompose.ctr.accuracy", "");
    assumeTrue(p.contains(what), "accuracy run '" + what + "' not requested"
        + " (-Drecompose.ctr.accuracy=ml100k,mind)");
    return true;
  }

  private static Map<String, String> parseSets(String prop) {
    Map<String, String> m = new LinkedHashMap<>();
    String s = System.getProperty(prop, "");
    for (String kv : s.split(";")) {
      if (kv.contains("=")) {
        m.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
      }
    }
    return m;
  }

  private static String row(String name, TrainReport r) {
    double secs = 0;
    double sps = 0;
    for (TrainReport.Epoch e : r.epochs()) {
      secs += e.seconds();
      sps += e.samplesPerSecond();
    }
    var t = r.test();
    return String.format(Locale.ROOT,
        "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %d / %d | %.1f | %.0f | %d |", name,
        t.auc(), t.logloss(), t.gauc(), t.mrr(), t.ndcg5(), t.ndcg10(), r.bestEpoch(),
        r.epochs().size(), secs / r.epochs().size(), sps / r.epochs().size(), r.parameters());
  }

  private static final String HEADER =
      "| recipe | AUC | logloss | GAUC | MRR | nDCG@5 | nDCG@10 | best / run epochs |"
          + " train s/epoch | rows/s | params |\n|---|---|---|---|---|---|---|---|---|---|---|";

  private void run(Dataset ds, List<String> recipes, Map<String, String> sets, String title)
      throws IOException {
    List<String> rows = new ArrayList<>();
    for (String name : recipes) {
      CtrRecipe r = CtrRecipe.load(name).with(sets);
      System.out.println("== " + name + " ==");
      CtrRun.Outcome o = CtrRun.train(ds, r, System.out::println, new SimpleCtrTrainer());
      rows.add(row(name, o.report()));
      System.out.println(rows.getLast());
    }
    System.out.println("\n### " + title + "\n" + HEADER);
    rows.forEach(System.out::println);
  }

  @Test
  void ml100k() throws IOException {
    wanted("ml100k");
    Dataset ds = Dataset.open(SharedCtrData.ml100k(tmp.resolve("ml")));
    String list = System.getProperty("recompose.ctr.recipes",
        "lr,dnn,deepfm,dcn,dcnv2,finalmlp,din");
    run(ds, List.of(list.split(",")), parseSets("recompose.ctr.set"), "ml-100k CTR (test part)");
  }

  @Test
  void mind() throws IOException {
    wanted("mind");
    Dataset ds = Dataset.open(SharedCtrData.mind(tmp.resolve("mind")));
    String list = System.getProperty("recompose.ctr.recipes", "nrms,naml,lstur");
    run(ds, List.of(list.split(",")), parseSets("recompose.ctr.set"), "MIND sample (test part)");
  }
}
