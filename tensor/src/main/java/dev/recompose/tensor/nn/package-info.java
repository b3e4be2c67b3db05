/**
 * Neural-network bricks with named parameters, modelled on {@code torch.nn}: the layers that
 * recommenders are assembled from (embeddings, MLPs, attention, Transformer blocks, GRU, text CNN,
 * cross networks, factorization machines) and their initialisers.
 */
package dev.recompose.tensor.nn;
