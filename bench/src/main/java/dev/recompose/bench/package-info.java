/**
 * Benchmarks: a YAML spec of datasets x models x item representations x protocols x seeds, a
 * resumable grid runner that measures quality and cost for every run, a leaderboard (mean ± std
 * over seeds, best marked) and a self-contained HTML report; and the quickstart that shows all of
 * it in one command. After RecBench (quality and inference cost side by side, four item forms)
 * and BARS (open, reproducible leaderboards).
 *
 * <h2>Entry points for the CLI</h2>
 * <ul>
 *   <li>{@code recompose bench run SPEC.yaml [--out DIR]}:
 *       {@link dev.recompose.bench.Bench#run Bench.run(spec, outOrNull, System.out)} returns a
 *       {@link dev.recompose.bench.run.GridSummary}; exit 1 when {@code summary.failed() > 0}
 *       (the failed runs are rows of the leaderboard; re-running retries only them).
 *       Spec errors are {@code IllegalArgumentException}s whose message starts with the file and
 *       the field path ({@code spec.yaml: models[1].name: unknown model 'x'; valid: ...}).
 *   <li>{@code recompose bench leaderboard DIR}:
 *       {@link dev.recompose.bench.Bench#leaderboard Bench.leaderboard(dir, System.out)} prints
 *       the table and writes {@code DIR/leaderboard.csv} and {@code DIR/leaderboard.md}.
 *   <li>{@code recompose bench report DIR}:
 *       {@link dev.recompose.bench.Bench#report Bench.report(dir, System.out)} writes
 *       {@code DIR/report.html} and prints its path.
 *   <li>{@code recompose quickstart [--data DIR] [--out DIR]}:
 *       {@link dev.recompose.bench.quickstart.Quickstart#run Quickstart.run(
 *       QuickstartOptions.defaults(out).withData(dataOrNull), System.out)} (default out, e.g.
 *       {@code quickstart-out}); exit 1 when {@code result.summary().failed() > 0}.
 * </ul>
 *
 * <h2>Bench directory layout</h2>
 * {@code spec.yaml} (the spec as run), {@code bench-index.json} (every run by id with status,
 * reason, metrics and cost; rewritten atomically), {@code datasets/NAME/} (imported or generated
 * and split datasets), {@code runs/<dataset>-<model>-<repr>-<protocol>-s<seed>-<id>/}
 * ({@code results.json}, {@code run.json}, {@code run.log}, {@code error.txt} on failure,
 * {@code train-log.jsonl} from trained models), {@code leaderboard.csv}, {@code leaderboard.md},
 * {@code report.html}.
 *
 * <h2>Adding models</h2>
 * Implement {@link dev.recompose.bench.run.RunExecutor} and list the class in
 * {@code META-INF/services/dev.recompose.bench.run.RunExecutor};
 * {@link dev.recompose.bench.run.ExecutorRegistry#defaults()} finds it, the spec parser accepts
 * its model names, and {@link dev.recompose.bench.quickstart.QuickstartGrid} includes
 * {@code sasrec} and {@code deepfm} as soon as an executor provides them.
 */
package dev.recompose.bench;
