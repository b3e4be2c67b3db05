/** The benchmark spec: YAML reading with field-path errors ({@link dev.recompose.bench.spec.SpecParser}), writing ({@link dev.recompose.bench.spec.SpecWriter}), and its parts. */
package dev.recompose.bench.spec;
