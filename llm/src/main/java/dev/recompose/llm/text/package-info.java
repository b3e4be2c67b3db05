/**
 * HuggingFace {@code tokenizer.json} support through DJL's bundled Rust tokenizers, offline:
 * {@link dev.recompose.llm.text.HfTokenizer}, a {@code dev.recompose.models.repr.text.Tokenizer}
 * usable with {@code TokenColumns}.
 */
package dev.recompose.llm.text;
