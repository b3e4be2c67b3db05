package dev.recompose.models.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.store.Dataset;
import dev.recompose.models.baseline.ItemKNN;
import dev.recompose.models.baseline.Pop;
import dev.recompose.models.eval.EvalOptions;
import dev.recompose.models.eval.EvalOutcome;
import dev.recompose.models.eval.Protocols;
import dev.recompose.models.results.EvalResult;
import dev.recompose.models.results.ResultTable;
import dev.recompose.models.results.ResultsFile;
import dev.recompose.models.seq.Recommender;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.Stage;
import dev.recompose.models.testutil.LeaveOneOut;
import dev.recompose.models.testutil.SharedDataDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MovieLens 100K (Harper &amp; Konstan, TiiS 2015), leave-one-out by time, Pop and ItemKNN under
 * every protocol. Prints the figures; asserts only sane ranges (no published figure uses exactly
 * this protocol).
 */
class MovieLens100kEvalTest {
  @TempDir Path tmp;

  @Test
  void popAndItemKnnOnMovieLens100k() throws IOException {
    Path src = SharedDataDir.require("ml-100k");
    new MovieLens100kImporter().run(ImportRequest.of(src, tmp.resolve("ml")));
    Dataset ds = LeaveOneOut.apply(Dataset.open(tmp.resolve("ml")));
    SequenceData data = SequenceData.load(ds);
    assertEquals(943, data.numUsers());
    assertEquals(1682, data.numItems());
    assertEquals(100_000 - 2 * 943, data.numTrainInteractions());

    List<EvalResult> rows = new ArrayList<>();
    List<Recommender> models = List.of(new Pop(), new ItemKNN());
    for (Recommender m : models) {
      long t0 = System.nanoTime();
      Scorer s = m.fit(data);
      System.out.printf("fit %s: %.3f s%n", m.name(), (System.nanoTime() - t0) / 1e9);
      for (String protocol : Protocols.NAMES) {
        EvalOutcome o = Protocols.create(protocol, EvalOptions.defaults())
            .evaluate(s, data, Stage.TEST);
        assertEquals(943, o.numUsers());
        rows.add(EvalResult.of(o, data.ref(), m.name(), m.config(), EvalOptions.DEFAULT_SEED));
      }
      EvalOutcome kept = Protocols.create("full", EvalOptions.defaults().withMaskHistory(false))
          .evaluate(s, data, Stage.TEST);
      rows.add(EvalResult.of(kept, data.ref(), m.name(), m.config(), EvalOptions.DEFAULT_SEED));
      EvalOutcome single = Protocols.create("full", EvalOptions.defaults().withThreads(1))
          .evaluate(s, data, Stage.TEST);
      assertEquals(rows.get(rows.size() - 4).metrics(), single.metrics(),
          "one thread and all cores agree");
    }
    System.out.print(ResultTable.format(rows,
        List.of("HR@1", "HR@5", "HR@10", "NDCG@10", "MRR@10", "HR@20", "NDCG@20")));
    for (EvalResult r : rows) {
      System.out.printf("%s %s masked=%s: %.1f users/s%n", r.model(), r.protocol(),
          r.historyMasked(), r.usersPerSecond());
    }
    ResultsFile.write(tmp.resolve("results.json"), rows);
    assertEquals(rows, ResultsFile.read(tmp.resolve("results.json")));

    EvalResult pop = rows.get(0);
    EvalResult knn = rows.get(4);
    assertEquals("pop", pop.model());
    assertEquals("full", pop.protocol());
    assertEquals("itemknn", knn.model());
    assertEquals("full", knn.protocol());
    double popNdcg = pop.metrics().get("NDCG@10");
    double knnNdcg = knn.metrics().get("NDCG@10");
    assertTrue(popNdcg > 0.01 && popNdcg < 0.5, "Pop NDCG@10 " + popNdcg);
    assertTrue(knnNdcg > 0.0 && knnNdcg < 0.5, "ItemKNN NDCG@10 " + knnNdcg);
    for (int m = 0; m < 2; m++) {
      double full = rows.get(4 * m).metrics().get("NDCG@10");
      double sampled = rows.get(4 * m + 1).metrics().get("NDCG@10");
      assertTrue(sampled > full, "sampled protocols inflate: " + sampled + " vs " + full);
    }
  }
}
