package dev.recompose.bench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecParserTest {
  private final SpecParser parser = new SpecParser(Set.of("pop", "itemknn"));
  private final Path base = Path.of("/specs");

  private String error(String yaml) {
    return assertThrows(IllegalArgumentException.class, () -> parser.parse(yaml, base))
        .getMessage();
  }

  @Test
  void readsEveryField() {
    BenchSpec s = parser.parse("""
        name: demo
        datasets:
          - {name: synth, synth: {users: 100, items: 40}}
          - {name: ml, import: {format: movielens-100k, from: ../data/ml-100k, options: {a: 1}}}
          - {name: mine, path: /abs/prepared}
        split: {scheme: leave-one-out, seed: 7}
        representations: [id]
        models:
          - pop
          - {name: itemknn, overrides: {k: 50, shrink: 1.5}}
        seeds: [1, 2]
        protocols: [full, sampled-100-popular]
        mask_history: false
        budget: 90s
        cost: {latency_repeats: 10, warmup: 2}
        """, base);
    assertEquals("demo", s.name());
    assertEquals(Map.of("users", "100", "items", "40"),
        ((DatasetSource.Synthetic) s.datasets().get(0).source()).options());
    DatasetSource.Imported im =
        assertInstanceOf(DatasetSource.Imported.class, s.datasets().get(1).source());
    assertEquals(Path.of("/data/ml-100k"), im.from());
    assertEquals(Map.of("a", "1"), im.options());
    assertEquals(Path.of("/abs/prepared"),
        ((DatasetSource.Prepared) s.datasets().get(2).source()).dir());
    assertEquals(new SplitSpec("leave-one-out", Map.of(), 7), s.split());
    assertEquals(new ModelEntry("itemknn", List.of("id"), Map.of("k", "50", "shrink", "1.5")),
        s.models().get(1));
    assertEquals(List.of(1L, 2L), s.seeds());
    assertEquals(List.of("full", "sampled-100-popular"), s.protocols());
    assertEquals(false, s.maskHistory());
    assertEquals(Duration.ofSeconds(90), s.budget());
    assertEquals(new CostOptions(10, 2, 2048, 64), s.cost());
  }

  @Test
  void defaultsAreLeaveOneOutFullSeed42() {
    BenchSpec s = parser.parse("datasets: [{name: s, synth: {}}]\nmodels: [pop]\n", base);
    assertEquals(SplitSpec.leaveOneOut(), s.split());
    assertEquals(List.of("full"), s.protocols());
    assertEquals(List.of(42L), s.seeds());
    assertEquals(List.of("id"), s.models().getFirst().representations());
    assertEquals(Duration.ofMinutes(30), s.budget());
  }

  @Test
  void errorsNameTheFieldAndListValidValues() {
    String ds = "datasets: [{name: s, synth: {}}]\n";
    assertEquals("models[1].name: unknown model 'sasrec'; valid: itemknn, pop",
        error(ds + "models: [pop, {name: sasrec}]"));
    assertEquals("models[0]: unknown model 'popp'; valid: itemknn, pop",
        error(ds + "models: [popp]"));
    assertEquals("protocols[0]: unknown protocol 'ful'; valid: full, sampled-100-uniform,"
        + " sampled-100-popular, ctr-logged", error(ds + "models: [pop]\nprotocols: [ful]"));
    assertEquals("models[0].representations[1]: unknown representation 'llm'; valid: id, text,"
        + " emb, sid", error(ds + "models: [{name: pop, representations: [id, llm]}]"));
    assertEquals("spec: unknown field 'seed'; valid: budget, cost, datasets, mask_history,"
        + " models, name, protocols, representations, seeds, split",
        error(ds + "models: [pop]\nseed: 3"));
    assertEquals("datasets[0]: give exactly one of path, import, synth; found [path, synth]",
        error("datasets: [{name: s, path: /x, synth: {}}]\nmodels: [pop]"));
    assertEquals("datasets: missing (required)", error("models: [pop]"));
    assertEquals("budget: expected a duration such as 90s, 10m, 1h or a number of seconds,"
        + " found 'soon'", error(ds + "models: [pop]\nbudget: soon"));
    assertEquals("seeds[1]: expected an integer, found 'x'", error(ds + "models: [pop]\nseeds: [1, x]"));
    String fmt = error("datasets: [{name: m, import: {format: movielens-1k, from: /x}}]\n"
        + "models: [pop]");
    assertEquals(true, fmt.startsWith("datasets[0].import.format: unknown format 'movielens-1k'"),
        fmt);
    assertEquals(true, fmt.contains("movielens-100k"), fmt);
    String synth = error("datasets: [{name: s, synth: {user: 5}}]\nmodels: [pop]");
    assertEquals(true, synth.startsWith("datasets[0].synth: unknown synth option 'user'; valid: "
        + "[users, items,"), synth);
    String split = error(ds + "models: [pop]\nsplit: {scheme: random}");
    assertEquals(true, split.startsWith("split.scheme: unknown split scheme 'random'; valid: "
        + "leave-one-out"), split);
  }

  @Test
  void writerRoundTrips() {
    BenchSpec s = parser.parse("""
        name: rt
        datasets: [{name: synth, synth: {users: 100}}, {name: p, path: /abs/p}]
        models: [pop, {name: itemknn, overrides: {k: 5}}]
        seeds: [3]
        protocols: [full]
        budget: 2m
        """, base);
    assertEquals(s, parser.parse(SpecWriter.toYaml(s), base));
  }
}
