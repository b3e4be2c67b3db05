/** Cost measurement shared by every executor: request latency and batched throughput, nearest-rank percentiles, sampled peak heap. */
package dev.recompose.bench.cost;
