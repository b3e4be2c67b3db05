/**
 * The synthetic dataset: the embedded default that {@code recompose quickstart} runs on when the
 * user names no data.
 *
 * <p>{@link dev.recompose.data.synth.SyntheticDatasetGenerator} writes a complete dataset
 * directory (provenance importer {@code synth}, the config in its options):
 * <ul>
 *   <li>{@code interactions}: {@code user}, {@code item}, {@code timestamp}, {@code label}
 *       (1 = click, 0 = shown in an impression but not clicked), grouped by user in time order;
 *   <li>{@code items}: {@code title}, {@code abstract} (text from per-topic English
 *       vocabularies), {@code category} (topic), {@code subcategory};
 *   <li>{@code users}: {@code region}, {@code age} (categorical, correlated with taste);
 *   <li>{@code impressions}: MIND-style logged impressions ({@code history},
 *       {@code candidates}, {@code labels}) with popularity-drawn negatives.
 * </ul>
 * The sequential signal is strong: on the 2,000 x 1,000 default, a first-order Markov scorer
 * reaches HR@10 about 0.49 on a leave-one-out split against 0.07 for most-popular.
 *
 * <h2>Entry points (for {@code recompose data synth --users N --items M --out DIR})</h2>
 * <ul>
 *   <li>{@link dev.recompose.data.synth.SynthConfig#defaults()} (2,000 users, 1,000 items, seed
 *       42), {@link dev.recompose.data.synth.SynthConfig#of(int, int, long)} (the defaults with
 *       another size and seed), {@link dev.recompose.data.synth.SynthConfig#withOptions(
 *       java.util.Map)} for {@code key=value} overrides (names of
 *       {@link dev.recompose.data.synth.SynthConfig#asOptions()}).
 *   <li>{@link dev.recompose.data.synth.SyntheticDatasetGenerator#generate(SynthConfig,
 *       java.nio.file.Path, boolean)} writes the directory atomically ({@code force} replaces an
 *       existing dataset) and returns its {@link dev.recompose.data.store.Manifest}.
 * </ul>
 * Same config (seed included) gives the same {@code contentSha256}.
 */
package dev.recompose.data.synth;
