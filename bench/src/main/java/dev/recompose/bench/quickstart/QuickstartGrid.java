package dev.recompose.bench.quickstart;

import dev.recompose.bench.run.ExecutorRegistry;
import dev.recompose.bench.spec.ModelEntry;
import dev.recompose.bench.spec.ProtocolNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small grid of the quickstart: Pop and ItemKNN; SASRec on ID and on semantic-embedding
 * items; DeepFM on ID and semantic-embedding items under {@code ctr-logged}; each included when
 * an executor for it is registered (a representation an executor cannot use is listed as not
 * run).
 *
 * <p>It exists so that the README's first command shows RecBench's comparison in miniature (the
 * floor, a neighbourhood model, a sequential transformer over two item forms, a CTR model) within
 * minutes on two cores: the trained models get short schedules here.
 */
public final class QuickstartGrid {
  /** Every entry the quickstart would like to run, in display order. */
  public static final List<ModelEntry> WANTED = List.of(
      new ModelEntry("pop", List.of("id"), Map.of()),
      new ModelEntry("itemknn", List.of("id"), Map.of()),
      new ModelEntry("sasrec", List.of("id", "emb"),
          Map.of("epochs", "40", "max_len", "50", "patience", "5")),
      new ModelEntry("deepfm", List.of("id", "emb"), Map.of("train.epochs", "2")));

  private QuickstartGrid() {}

  /** The entries of {@link #WANTED} that {@code registry} can run. */
  public static List<ModelEntry> models(ExecutorRegistry registry) {
    return WANTED.stream().filter(e -> registry.has(e.name())).toList();
  }

  /** The entries of {@link #WANTED} that {@code registry} cannot run (adapters not enabled). */
  public static List<String> missing(ExecutorRegistry registry) {
    return WANTED.stream().map(ModelEntry::name).filter(n -> !registry.has(n)).toList();
  }

  /** {@code full}, plus {@code ctr-logged} when a model of the grid supports it. */
  public static List<String> protocols(ExecutorRegistry registry) {
    List<String> out = new ArrayList<>(List.of("full"));
    for (ModelEntry e : models(registry)) {
      if (registry.get(e.name()).protocols(e.name()).contains(ProtocolNames.CTR_LOGGED)) {
        out.add(ProtocolNames.CTR_LOGGED);
        break;
      }
    }
    return out;
  }
}
