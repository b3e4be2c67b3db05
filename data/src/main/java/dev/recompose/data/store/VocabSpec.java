package dev.recompose.data.store;

/**
 * The manifest's description of one vocabulary: a TSV file mapping dense codes to original tokens.
 *
 * <p>The file has a header line {@code index<TAB>token}, then one line per code in order 0, 1, ...;
 * tabs, newlines and backslashes inside tokens are written as {@code \t}, {@code \n} and
 * {@code \\}. Users and items are vocabularies too: code i of {@code item} is item id i.
 */
public record VocabSpec(String file, int size, String description) {}
