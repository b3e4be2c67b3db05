/**
 * Non-neural baselines: {@link dev.recompose.models.baseline.Pop} and
 * {@link dev.recompose.models.baseline.ItemKNN} (RecBole-compatible cosine item-kNN).
 */
package dev.recompose.models.baseline;
