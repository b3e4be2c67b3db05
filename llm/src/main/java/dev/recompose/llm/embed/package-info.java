/**
 * Semantic item embeddings from language models.
 *
 * <h2>Entry points for the CLI ({@code recompose repr embed})</h2>
 * <pre>{@code
 * Dataset ds = Dataset.open(dir);
 * try (TextEncoder enc = switch (encoder) {
 *       case "minilm" -> MiniLmEncoder.load(MiniLmVariant.FULL, threads, 256, 32);
 *       case "minilm-q" -> MiniLmEncoder.load(MiniLmVariant.QUANTIZED, threads, 256, 32);
 *       default -> OpenAiEmbeddingClient.create(OpenAiEmbeddingConfig.of(URI.create(baseUrl), model)
 *           .withApiKeyEnv("OPENAI_API_KEY").withCache(cacheDir));
 *     }) {
 *   EmbedReport r = new ItemEmbedder(enc, ProgressFactory.CONSOLE)
 *       .embed(ds, new EmbedRequest(List.of("title", "abstract"), 256, null, true));
 *   System.out.println(r.summary(fields));
 * }
 * }</pre>
 * The column is {@code emb_<encoder>} ({@code emb_minilm}, {@code emb_minilm_q}, or from the model
 * name); a killed run continues from {@code <column>.embed.partial} in the dataset directory.
 * {@link dev.recompose.llm.embed.EmbeddingException} messages are meant to be printed as is.
 */
package dev.recompose.llm.embed;
