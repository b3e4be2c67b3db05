/**
 * Train / validation / test splits, stored in the dataset directory.
 *
 * <p>A split is the int8 column {@code split} of one table ({@code interactions} or
 * {@code impressions}) with codes {@link dev.recompose.data.store.StoreLayout#SPLIT_TRAIN} (0),
 * {@code SPLIT_VALID} (1), {@code SPLIT_TEST} (2) and {@code SPLIT_NONE} (-1), plus a
 * {@link dev.recompose.data.store.SplitInfo} in the manifest (scheme, table, seed, resolved
 * parameters, rows per part). Every scheme is deterministic for a given seed and orders rows
 * within a user by (timestamp, row index) itself, whatever the stored order.
 *
 * <h2>Entry points (for {@code recompose data split DIR --scheme NAME [--param k=v] [--seed S]})</h2>
 * <ul>
 *   <li>{@link dev.recompose.data.split.Splits#apply(dev.recompose.data.store.Dataset, String,
 *       java.util.Map, long)} computes and writes; returns the {@code SplitInfo} (reopen the
 *       dataset to read the new column).
 *   <li>{@link dev.recompose.data.split.Splits#compute} computes only (a dry run), returning a
 *       {@link dev.recompose.data.split.SplitResult} with {@code sizes()}.
 *   <li>{@link dev.recompose.data.split.Splits#schemes()} and
 *       {@link dev.recompose.data.split.SplitScheme#options()} list names and parameter help for
 *       {@code --help}; {@link dev.recompose.data.split.Splits#scheme(String)} fails on an
 *       unknown name listing the valid ones; an unknown parameter fails listing the valid ones.
 * </ul>
 *
 * <h2>Schemes</h2>
 * <ul>
 *   <li>{@code leave-one-out} ({@link dev.recompose.data.split.LeaveOneOutSplit}): per user,
 *       last → test, second to last → valid; {@code min-len} (3), {@code positive-only}
 *       (auto).
 *   <li>{@code temporal} ({@link dev.recompose.data.split.TemporalSplit}): global time cuts;
 *       {@code ratios} (0.8,0.1,0.1), {@code table} (interactions). Equal timestamps never
 *       straddle a cut: they go to the earlier part.
 *   <li>{@code user-ratio} ({@link dev.recompose.data.split.UserRatioSplit}): per-user ratio;
 *       {@code ratios}, {@code shuffle} (false).
 *   <li>{@code impression} ({@link dev.recompose.data.split.ImpressionSplit}): MIND dev →
 *       test, train → train/valid; {@code valid-by} (users), {@code valid-fraction} (0.1),
 *       {@code ratios} (without a {@code source_part} column).
 *   <li>{@code recbench-ctr} ({@link dev.recompose.data.split.RecBenchCtrSplit}): the RecBench
 *       CTR sample; {@code max-pos}, {@code max-neg} (10), {@code pick} (random),
 *       {@code test-rows} (20000), {@code finetune-rows} (100000), {@code valid-ratio} (0.1),
 *       {@code positive-rating} (4).
 * </ul>
 */
package dev.recompose.data.split;
