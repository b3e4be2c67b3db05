/**
 * Optimizers (SGD, Adam, AdamW, lazy sparse Adam), gradient clipping and learning-rate schedules.
 */
package dev.recompose.tensor.optim;
