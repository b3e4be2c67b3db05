/**
 * Item representations (RecBench's four forms: ID, text, semantic embedding, semantic ID).
 *
 * <p>Everything here reads the {@code items} table of a dataset directory and writes new columns
 * of it through {@code DatasetUpdater}, so a failed job leaves the dataset unchanged and every
 * representation sits beside the others as {@code .npy} files a Python user can load.
 *
 * <h2>Entry points for the CLI</h2>
 * <ul>
 *   <li>{@code recompose repr tokenize --data DIR --fields title:30,abstract:100 [--min-count 2]
 *       [--max-vocab N] [--tokenizer word|PATH/tokenizer.json]}:
 *       build a {@link dev.recompose.models.repr.text.WordTokenizer} with
 *       {@code WordTokenizer.build(corpus, minCount, maxSize)} over
 *       {@link dev.recompose.models.repr.ItemTexts} (or load
 *       {@code dev.recompose.llm.text.HfTokenizer.load(path, name, true)}), then
 *       {@link dev.recompose.models.repr.text.TokenColumns#write TokenColumns.write(dataset,
 *       tokenizer, TextField.parseList(spec, 64), "tok_", "tokens_word", 1, ProgressFactory.CONSOLE)}
 *       (unknown id 1 for the word tokenizer, -1 for HF). Writes LIST int32 columns
 *       {@code tok_<field>} with vocabulary {@code tokens_<name>}.
 *   <li>{@code recompose repr embed --data DIR --encoder minilm|minilm-q|URL --fields title,abstract}:
 *       see {@code dev.recompose.llm.embed} ({@code ItemEmbedder}); writes VECTOR
 *       {@code emb_<encoder>}.
 *   <li>{@code recompose repr sid --data DIR --from-column emb_minilm --levels 4 --codes 256
 *       [--sinkhorn 0.01] [--seed 42] [--column sid]}:
 *       {@link dev.recompose.models.repr.sid.SidColumns#writeRqKMeans SidColumns.writeRqKMeans(
 *       dataset, from, "sid", RqKMeansConfig.defaults().withLevels(4).withCodes(256)...)};
 *       print {@code ids.report().summary()}. Writes LIST int32 {@code sid} (levels + 1 codes per
 *       item, unique) and the report in the column description and
 *       {@code provenance.notes["repr.sid.sid"]}, and the fitted quantiser next to it
 *       ({@code items.sid.quantizer.safetensors}, see
 *       {@link dev.recompose.models.repr.sid.SidQuantizer}; note
 *       {@code repr.sid.sid.quantizer}) so new items can be coded later.
 * </ul>
 * The ID representation needs nothing stored: item id i is row i.
 *
 * <h2>Entry point for models</h2>
 * {@code ItemRepresentation.load(dataset, ReprSpec.parse(itemRepr))} with {@code itemRepr} one of
 * {@code id}, {@code text[:tok_title]}, {@code embedding[:emb_minilm]}, {@code sid[:sid]} returns
 * a sealed {@link dev.recompose.models.repr.ItemRepresentation} ({@code Ids}, {@code Text},
 * {@code Embedding}, {@code SemanticIds}) for the item encoder to switch on. The sequential
 * recipes (SASRec, SASRec+, BERT4Rec, GRU4Rec) take it as their {@code item.repr} setting through
 * {@code dev.recompose.models.seq.nn.SeqItemEncoder}, which reuses the CTR item bricks.
 */
package dev.recompose.models.repr;
