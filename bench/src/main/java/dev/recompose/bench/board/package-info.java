/** The leaderboard: aggregation over seeds, best per dataset and protocol, text, CSV and Markdown. */
package dev.recompose.bench.board;
