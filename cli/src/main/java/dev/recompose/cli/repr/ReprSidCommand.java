package dev.recompose.cli.repr;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.models.repr.sid.RqKMeansConfig;
import dev.recompose.models.repr.sid.RqVaeConfig;
import dev.recompose.models.repr.sid.SemanticIds;
import dev.recompose.models.repr.sid.SidColumns;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recompose repr sid}: derives semantic IDs from an embedding column. */
@Command(
    name = "sid",
    mixinStandardHelpOptions = true,
    description = {
      "Quantise an item embedding column into semantic IDs (TIGER / RecBase): LEVELS codes per"
          + " item plus one disambiguation code, so every item's sequence is unique.",
      "Prints the collision rate before resolution, codebook use per level and reconstruction"
          + " error, also stored in manifest.json.",
      "Writes the fitted quantiser (codebooks; RQ-VAE also its encoder) next to the column as"
          + " items.COLUMN.quantizer.safetensors, so new items can be coded later."
    })
public final class ReprSidCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory.")
  Path data;

  @Option(names = "--from-column", defaultValue = "emb_minilm", description = "Embedding column of items (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(names = "--column", defaultValue = "sid", description = "Column to write (default: ${DEFAULT-VALUE}).")
  String column;

  @Option(names = "--method", defaultValue = "rq-kmeans", description = "rq-kmeans or rq-vae (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--levels", defaultValue = "4", description = "Levels (default: ${DEFAULT-VALUE}).")
  int levels;

  @Option(names = "--codes", defaultValue = "256", description = "Codes per level (default: ${DEFAULT-VALUE}).")
  int codes;

  @Option(names = "--sinkhorn", defaultValue = "0.01", paramLabel = "EPSILON",
      description = "rq-kmeans: balanced assignment by Sinkhorn with this epsilon; 0 = plain nearest"
          + " centroid (default: ${DEFAULT-VALUE}).")
  double sinkhorn;

  @Option(names = "--epochs", defaultValue = "50", description = "rq-vae: training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Dataset ds = Dataset.open(data);
    SemanticIds ids = switch (method) {
      case "rq-kmeans" -> {
        RqKMeansConfig c = RqKMeansConfig.defaults().withLevels(levels).withCodes(codes)
            .withSeed(seed);
        yield SidColumns.writeRqKMeans(ds, from, column,
            sinkhorn > 0 ? c.withSinkhorn(sinkhorn, 50) : c);
      }
      case "rq-vae" -> {
        RqVaeConfig t = RqVaeConfig.tiger(epochs);
        RqVaeConfig c = new RqVaeConfig(levels, codes, t.hidden(), t.latent(), t.beta(),
            t.epochs(), t.epochsPerLevel(), t.batchSize(), t.lr(),
            Math.max(t.kmeansSample(), codes), t.resetDeadCodes(), seed);
        yield SidColumns.writeRqVae(ds, from, column, c, ProgressFactory.CONSOLE);
      }
      default -> throw new IllegalArgumentException(
          "--method: expected rq-kmeans or rq-vae, found '" + method + "'");
    };
    var out = spec.commandLine().getOut();
    out.println(column + ": " + ids.report().summary());
    out.println("quantiser (codes new items): "
        + dev.recompose.models.repr.sid.SidQuantizer.file(ds.dir(), column));
    out.flush();
    return 0;
  }
}
