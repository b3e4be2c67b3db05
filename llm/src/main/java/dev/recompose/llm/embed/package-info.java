/**
 * Semantic item embeddings from language models.
 *
 * <h2>Entry points for the CLI ({@code recompose repr embed})</h2>
 * <pre>{@code
 * Dataset ds = Dataset.open(dir);
 * OpenAiEmbeddingConfig http = baseUrl == null ? null
 *     : OpenAiEmbeddingConfig.of(URI.create(baseUrl), model)
 *         .withApiKeyEnv("OPENAI_API_KEY").withCache(cacheDir);
 * try (TextEncoder enc = TextEncoders.open(encoder, threads, http)) { // minilm | minilm-q | openai
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
