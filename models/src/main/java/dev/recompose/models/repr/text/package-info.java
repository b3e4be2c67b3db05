/**
 * Text item representation: tokenizers ({@link dev.recompose.models.repr.text.WordTokenizer}
 * built from the corpus; HuggingFace {@code tokenizer.json} in {@code dev.recompose.llm.text})
 * and {@link dev.recompose.models.repr.text.TokenColumns}, which stores per-field truncated token
 * ids as LIST int32 columns of {@code items} with their vocabulary.
 */
package dev.recompose.models.repr.text;
