package dev.recompose.bench;

import dev.recompose.bench.run.Cost;
import dev.recompose.bench.run.RunRecord;
import dev.recompose.bench.run.RunSpec;
import dev.recompose.bench.run.RunStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hand-made run records for leaderboard and report tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A successful ranking run with the given NDCG@10 (HR@10 = 2x) and p50 latency. */
  public static RunRecord ok(String dataset, String protocol, String model, String repr,
      long seed, double ndcg, double p50) {
    RunSpec s = new RunSpec(dataset, "sha", "leave-one-out/42", model, repr, Map.of(), seed,
        protocol, true);
    Map<String, Double> m = new LinkedHashMap<>();
    if (protocol.equals("ctr-logged")) {
      m.put("auc", ndcg);
      m.put("gauc", ndcg - 0.01);
      m.put("logloss", 0.5);
    } else {
      m.put("NDCG@10", ndcg);
      m.put("HR@10", 2 * ndcg);
      m.put("MRR@10", ndcg / 2);
    }
    Cost c = new Cost(10.0 * seed, model.equals("pop") ? null : 4, null, null,
        model.equals("pop") ? null : 1000L, p50, 2 * p50, 1000 / p50, 100 + seed, 12, 1);
    return new RunRecord(s.id(), s, RunStatus.OK, null, "runs/" + s.dirName(), "t0", "t1", m, c);
  }

  /** A failed run. */
  public static RunRecord failed(String dataset, String protocol, String model, String repr,
      long seed, String reason) {
    RunSpec s = new RunSpec(dataset, "sha", "leave-one-out/42", model, repr, Map.of(), seed,
        protocol, true);
    return new RunRecord(s.id(), s, RunStatus.FAILED, reason, "runs/" + s.dirName(), "t0", "t1",
        null, null);
  }
}
