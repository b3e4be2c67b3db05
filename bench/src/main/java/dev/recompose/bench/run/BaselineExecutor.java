package dev.recompose.bench.run;

import dev.recompose.bench.cost.LatencyProbe;
import dev.recompose.data.store.Dataset;
import dev.recompose.models.baseline.ItemKNN;
import dev.recompose.models.baseline.Pop;
import dev.recompose.models.eval.Protocols;
import dev.recompose.models.seq.Recommender;
import dev.recompose.models.seq.Scorer;
import dev.recompose.models.seq.SequenceData;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the non-trained baselines {@code pop} and {@code itemknn} (settings {@code k},
 * {@code shrink}, {@code threads}) on the ID representation under the ranking protocols.
 *
 * <p>It exists as the floor of every leaderboard (Pop: Cremonesi et al., RecSys 2010; ItemKNN:
 * Sarwar et al., WWW 2001, as in RecBole) and as the executor the bench's own tests run end to
 * end. Fitting is one pass over the train sequences, so {@link TrainCost#epochs()} and the
 * parameter count are null; samples/s is ItemKNN's train interactions per second of fitting (null
 * for Pop, whose "fit" is one counting pass too short to time meaningfully).
 */
public final class BaselineExecutor implements RunExecutor {
  private static final Map<String, List<String>> SETTINGS =
      Map.of(Pop.NAME, List.of(), ItemKNN.NAME, List.of("k", "shrink", "threads"));

  @Override
  public Set<String> models() {
    return new java.util.TreeSet<>(SETTINGS.keySet());
  }

  @Override
  public Set<String> representations(String model) {
    return Set.of("id");
  }

  @Override
  public Set<String> protocols(String model) {
    return new LinkedHashSet<>(Protocols.NAMES);
  }

  @Override
  public void validate(String model, Map<String, String> overrides) {
    build(model, overrides);
  }

  private static Recommender build(String model, Map<String, String> overrides) {
    List<String> valid = SETTINGS.get(model);
    if (valid == null) {
      throw new IllegalArgumentException("unknown baseline '" + model + "'; valid: "
          + new TreeMap<>(SETTINGS).keySet());
    }
    for (String k : overrides.keySet()) {
      if (!valid.contains(k)) {
        throw new IllegalArgumentException("model " + model + ": unknown setting '" + k + "'; "
            + (valid.isEmpty() ? "it has none" : "valid: " + String.join(", ", valid)));
      }
    }
    if (model.equals(Pop.NAME)) {
      return new Pop();
    }
    return new ItemKNN(intSetting(overrides, "k", 100), doubleSetting(overrides, "shrink", 0),
        intSetting(overrides, "threads", 0));
  }

  private static int intSetting(Map<String, String> o, String key, int def) {
    String v = o.get(key);
    try {
      return v == null ? def : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + ": expected an integer, found '" + v
          + "'", e);
    }
  }

  private static double doubleSetting(Map<String, String> o, String key, double def) {
    String v = o.get(key);
    try {
      return v == null ? def : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + ": expected a number, found '" + v
          + "'", e);
    }
  }

  @Override
  public RunOutcome execute(RunSpec spec, RunContext ctx) throws Exception {
    Recommender rec = build(spec.model(), spec.overrides());
    SequenceData data = SequenceData.load(Dataset.open(ctx.datasetDir()));
    ctx.deadline().check("loading");
    long t0 = System.nanoTime();
    Scorer scorer = rec.fit(data);
    double fit = (System.nanoTime() - t0) / 1e9;
    ctx.log().accept(String.format(java.util.Locale.ROOT, "fitted %s in %.2f s", rec.name(), fit));
    ctx.deadline().check("fitting");
    var result = RankingEvaluation.evaluate(scorer, data, spec, rec.config());
    ctx.deadline().check("evaluation");
    var inference = LatencyProbe.measure(scorer, data, ctx.cost(), ctx.deadline());
    Double samplesPerSecond = spec.model().equals(Pop.NAME) ? null
        : data.numTrainInteractions() / Math.max(fit, 1e-9);
    return new RunOutcome(result, new TrainCost(fit, null, samplesPerSecond, null), inference);
  }
}
