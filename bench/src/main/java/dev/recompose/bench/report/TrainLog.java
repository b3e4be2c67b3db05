package dev.recompose.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recompose.data.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code train-log.jsonl}: one JSON object per epoch with {@code epoch}, {@code loss}
 * and optionally {@code valid} (metric name to value), as the sequential trainer writes it.
 *
 * <p>It exists so that the report can draw training curves for any executor that writes this
 * shape; lines are parsed one at a time and a malformed line fails naming the file and line.
 */
public record TrainLog(List<Epoch> epochs) {
  /** One epoch: its number, mean training loss and validation metrics (possibly empty). */
  public record Epoch(int epoch, double loss, Map<String, Double> valid) {}

  public TrainLog {
    epochs = List.copyOf(epochs);
  }

  /** Reads {@code file}. */
  public static TrainLog read(Path file) throws IOException {
    List<Epoch> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = Json.mapper().readTree(line);
        } catch (IOException e) {
          throw new IOException(file + ":" + no + ": not JSON: " + e.getMessage(), e);
        }
        if (!n.path("epoch").isNumber() || !n.path("loss").isNumber()) {
          throw new IOException(file + ":" + no + ": expected numeric 'epoch' and 'loss'");
        }
        Map<String, Double> valid = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("valid").properties()) {
          if (e.getValue().isNumber()) {
            valid.put(e.getKey(), e.getValue().asDouble());
          }
        }
        out.add(new Epoch(n.get("epoch").asInt(), n.get("loss").asDouble(), valid));
      }
    }
    return new TrainLog(out);
  }
}
