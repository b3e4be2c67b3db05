/** The self-contained HTML report with inline SVG charts (quality versus latency with the Pareto front, representations per model, training curves). */
package dev.recompose.bench.report;
