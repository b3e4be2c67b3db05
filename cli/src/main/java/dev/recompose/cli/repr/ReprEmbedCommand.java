package dev.recompose.cli.repr;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.Dataset;
import dev.recompose.llm.embed.EmbedReport;
import dev.recompose.llm.embed.EmbedRequest;
import dev.recompose.llm.embed.ItemEmbedder;
import dev.recompose.llm.embed.OpenAiEmbeddingConfig;
import dev.recompose.llm.embed.TextEncoder;
import dev.recompose.llm.embed.TextEncoders;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recompose repr embed}: writes a semantic embedding column for the items. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Embed item text with a language model into a float32 column emb_<encoder> of items.",
      "Encoders: minilm (default; all-MiniLM-L6-v2 bundled, runs offline on ONNX Runtime),"
          + " minilm-q (its quantised variant), openai (any OpenAI-compatible /v1/embeddings"
          + " endpoint: --base-url, --model, key from --api-key-env). A killed run resumes."
    })
public final class ReprEmbedCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory.")
  Path data;

  @Option(names = "--encoder", defaultValue = TextEncoders.DEFAULT, description = "minilm, minilm-q or openai (default: ${DEFAULT-VALUE}).")
  String encoder;

  @Option(names = "--fields", defaultValue = "title", split = ",", description = "Item text fields, joined per item (default: ${DEFAULT-VALUE}).")
  List<String> fields;

  @Option(names = "--batch", defaultValue = "256", description = "Texts per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--threads", defaultValue = "0", description = "Threads, 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--column", description = "Column name (default: emb_<encoder>).")
  String column;

  @Option(names = "--restart", description = "Ignore a partial run instead of resuming it.")
  boolean restart;

  @Option(names = "--base-url", paramLabel = "URL", description = "openai: base URL, e.g. http://127.0.0.1:11434/v1.")
  String baseUrl;

  @Option(names = "--model", description = "openai: model name.")
  String model;

  @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY", description = "openai: environment variable holding the key (default: ${DEFAULT-VALUE}); the key is never logged.")
  String apiKeyEnv;

  @Option(names = "--cache", paramLabel = "DIR", description = "openai: on-disk cache of embeddings keyed by model and text hash.")
  Path cache;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OpenAiEmbeddingConfig http = null;
    if (encoder.equals("openai")) {
      if (baseUrl == null || model == null) {
        throw new IllegalArgumentException("--encoder openai needs --base-url and --model");
      }
      http = OpenAiEmbeddingConfig.of(URI.create(baseUrl), model).withApiKeyEnv(apiKeyEnv);
      if (cache != null) {
        http = http.withCache(cache);
      }
    }
    int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    try (TextEncoder enc = TextEncoders.open(encoder, t, http)) {
      EmbedReport r = new ItemEmbedder(enc, ProgressFactory.CONSOLE)
          .embed(Dataset.open(data), new EmbedRequest(fields, batch, column, !restart));
      var out = spec.commandLine().getOut();
      out.println(r.summary(fields));
      out.flush();
    }
    return 0;
  }
}
