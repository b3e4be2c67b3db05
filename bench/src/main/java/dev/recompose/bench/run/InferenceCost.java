package dev.recompose.bench.run;

/**
 * What serving costs: latency of one user's request and throughput of batched scoring.
 *
 * <p>It exists as the inference half of RecBench's comparison, where LLM recommenders were
 * 10-1000x slower to serve. A request scores every item for one user ({@code ranking} protocols)
 * or one user's logged candidates ({@code ctr-logged}).
 *
 * @param p50Ms median request latency in milliseconds
 * @param p99Ms 99th-percentile request latency in milliseconds
 * @param requests timed requests
 * @param usersPerSecond users scored per second in batches on one thread
 * @param batchUsers users per batch of the throughput measurement
 */
public record InferenceCost(double p50Ms, double p99Ms, int requests, double usersPerSecond,
    int batchUsers) {}
