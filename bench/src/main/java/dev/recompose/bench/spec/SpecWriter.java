package dev.recompose.bench.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link BenchSpec} as YAML that {@link SpecParser} reads back to an equal spec.
 *
 * <p>It exists so that {@code recompose quickstart} leaves behind the spec it ran: a user edits
 * the dataset line and runs the same grid on real data with {@code recompose bench run}.
 */
public final class SpecWriter {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private SpecWriter() {}

  /** The YAML text of {@code spec} (absolute paths). */
  public static String toYaml(BenchSpec spec) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", spec.name());
    List<Object> ds = new ArrayList<>();
    for (DatasetSpec d : spec.datasets()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.name());
      switch (d.source()) {
        case DatasetSource.Prepared p -> m.put("path", p.dir().toAbsolutePath().toString());
        case DatasetSource.Imported im -> {
          Map<String, Object> i = new LinkedHashMap<>();
          i.put("format", im.format());
          i.put("from", im.from().toAbsolutePath().toString());
          i.put("options", im.options());
          m.put("import", i);
        }
        case DatasetSource.Synthetic s -> m.put("synth", s.options());
      }
      ds.add(m);
    }
    root.put("datasets", ds);
    Map<String, Object> split = new LinkedHashMap<>();
    split.put("scheme", spec.split().scheme());
    split.put("params", spec.split().params());
    split.put("seed", spec.split().seed());
    root.put("split", split);
    List<Object> models = new ArrayList<>();
    for (ModelEntry e : spec.models()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.name());
      m.put("representations", e.representations());
      m.put("overrides", e.overrides());
      models.add(m);
    }
    root.put("models", models);
    root.put("seeds", spec.seeds());
    root.put("protocols", spec.protocols());
    root.put("mask_history", spec.maskHistory());
    root.put("budget", spec.budget().toMillis() / 1000.0 + "s");
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("latency_repeats", spec.cost().latencyRepeats());
    cost.put("warmup", spec.cost().warmup());
    cost.put("throughput_users", spec.cost().throughputUsers());
    cost.put("batch_users", spec.cost().batchUsers());
    root.put("cost", cost);
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("spec is not serialisable: " + e.getMessage(), e);
    }
  }
}
