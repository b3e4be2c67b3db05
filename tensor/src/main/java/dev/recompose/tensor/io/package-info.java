/**
 * Checkpoint formats: safetensors read and write, so weights move to and from the Python ecosystem.
 */
package dev.recompose.tensor.io;
