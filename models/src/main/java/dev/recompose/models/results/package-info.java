/**
 * {@code results.json} rows ({@link dev.recompose.models.results.EvalResult}) carrying protocol,
 * split, dataset checksum, config hash, seed and code version; the canonical config hash; and the
 * plain-text table printed by the CLI.
 */
package dev.recompose.models.results;
