package dev.recompose.models.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.recipe.Recipes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code config.yaml} of a run holds: the recipe name, the resolved settings (defaults with
 * overrides applied), their hash, and the prepared dataset the run reads.
 *
 * <p>It exists so that {@code train --resume} and {@code eval} rebuild exactly the model that was
 * trained from the run directory alone.
 */
public record RunConfig(Recipe recipe, Path data) {
  public RunConfig {
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(data, "data");
    data = data.toAbsolutePath().normalize();
  }

  /** Writes {@code config.yaml} of {@code run} atomically. */
  public void write(RunDir run) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("recipe", recipe.name());
    doc.put("data", data.toString());
    doc.put("config_hash", recipe.hash());
    doc.put("config", recipe.values());
    Files.createDirectories(run.dir());
    RunDir.writeString(run.config(), Recipes.toYaml(doc));
  }

  /** Reads {@code config.yaml} of {@code run}. */
  @SuppressWarnings("unchecked")
  public static RunConfig read(RunDir run) throws IOException {
    if (!Files.exists(run.config())) {
      throw new IllegalArgumentException(run.dir() + " is not a run directory (no config.yaml)");
    }
    Map<String, Object> doc = new ObjectMapper(new YAMLFactory()).readValue(
        run.config().toFile(), Map.class);
    Object name = doc.get("recipe");
    Object data = doc.get("data");
    Object config = doc.get("config");
    if (!(name instanceof String) || !(data instanceof String) || !(config instanceof Map)) {
      throw new IllegalArgumentException(run.config() + " needs keys recipe, data and config");
    }
    return new RunConfig(new Recipe((String) name, (Map<String, Object>) config),
        Path.of((String) data));
  }
}
