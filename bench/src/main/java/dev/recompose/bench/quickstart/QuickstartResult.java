package dev.recompose.bench.quickstart;

import dev.recompose.bench.board.Leaderboard;
import dev.recompose.bench.run.GridSummary;
import java.nio.file.Path;

/**
 * What the quickstart produced: the grid summary, the leaderboard, and the paths of the spec it
 * wrote (to re-run on other data) and of the report.
 *
 * <p>It exists so that the CLI can choose its exit code and tests can check every artefact.
 */
public record QuickstartResult(GridSummary summary, Leaderboard leaderboard, Path spec,
    Path report) {}
