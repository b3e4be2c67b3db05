/** {@code recompose quickstart}: the main job in one command. */
package dev.recompose.bench.quickstart;
