/**
 * Click-through-rate prediction and content-based recommendation as Legommenders bricks (Li et
 * al., "Legommenders", 2024): a model is item encoder(s) x user encoder(s) x a predictor, named in
 * a YAML recipe.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@code recompose train --data DIR --model deepfm --set train.epochs=3}:
 *       {@link dev.recompose.models.ctr.CtrRun#train(java.nio.file.Path, String, java.util.Map,
 *       java.util.function.Consumer)} — loads the recipe ({@link dev.recompose.models.ctr.CtrRecipe},
 *       built-in names in {@link dev.recompose.models.ctr.CtrRecipe#BUILT_IN} or a .yaml path),
 *       applies the overrides, builds samples ({@link dev.recompose.models.ctr.data.CtrDataLoader})
 *       and the model ({@link dev.recompose.models.ctr.CtrModel}), trains with
 *       {@link dev.recompose.models.ctr.train.ResumableCtrTrainer} and returns the per-epoch and
 *       test figures ({@link dev.recompose.models.ctr.train.TrainReport}). The CLI trains into a
 *       run directory ({@link dev.recompose.models.ctr.CtrRun#trainInto}), checkpointed at every
 *       epoch end and, with {@code train.checkpoint_every=N}, every N steps within an epoch.
 *   <li>{@code recompose train --resume runs/X}: {@link dev.recompose.models.ctr.CtrRun#resume},
 *       continuing from the last checkpoint to the same result as an uninterrupted run.
 *   <li>{@code recompose eval --run runs/X} (protocol ctr-logged):
 *       {@link dev.recompose.models.ctr.CtrRun#evaluateRun} from {@code best.safetensors}, with
 *       {@link dev.recompose.models.ctr.train.CtrEvaluator#evaluate} on the test part, giving
 *       {@link dev.recompose.models.ctr.metric.CtrMetrics.Report} (AUC, GAUC by impression,
 *       weighted GAUC, logloss, MRR, nDCG@5/10, skipped single-class groups).
 * </ul>
 *
 * <h2>Shapes</h2>
 * Item encoders give {@code [n, F, k]} (F fields of the model width k); user encoders give
 * {@code [R, Fu, k]}; history-based user encoders read the history as item representations
 * {@code [R, L, F*k]} (right padded, int32 mask with 1 at padding) and return {@code F} fields.
 * Predictors see user and item fields and return logits. During training a batch encodes each
 * distinct item once; during evaluation every item is encoded once per pass
 * ({@link dev.recompose.models.ctr.CtrModel#allItemsTable}).
 *
 * <h2>Adding a brick</h2>
 * Write a class extending {@link dev.recompose.models.ctr.item.ItemEncoder},
 * {@link dev.recompose.models.ctr.user.UserEncoder} or
 * {@link dev.recompose.models.ctr.predictor.Predictor} with a {@code (BrickConfig, BrickContext)}
 * constructor, and add its name to {@link dev.recompose.models.ctr.BrickRegistry} (or call a
 * {@code register*} method); YAML can then name it.
 */
package dev.recompose.models.ctr;
