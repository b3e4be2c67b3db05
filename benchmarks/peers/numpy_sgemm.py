#!/usr/bin/env python3
"""numpy/OpenBLAS peer for the Recompose sgemm benchmark: float32 C = A @ B for the shapes of
EngineBench.sgemm, best-of-3 GFLOP/s after warm-up. Set OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS)
to the thread count:  OPENBLAS_NUM_THREADS=1 python3 numpy_sgemm.py"""
import json, os, time
import numpy as np

rng = np.random.default_rng(1)
SHAPES = [(1024, 1024, 1024, "NN"), (256, 64, 64, "NN"), (6400, 10000, 64, "NN"),
          # a DeepFM step's products (batch 4096, layers 100 -> 400 -> 400), with their transposes
          (4096, 400, 100, "NT"), (4096, 400, 400, "NT"), (4096, 400, 400, "NN"), (400, 400, 4096, "TN")]
for m, n, k, op in SHAPES:
    a = rng.standard_normal((k, m) if op[0] == "T" else (m, k), dtype=np.float32)
    b = rng.standard_normal((n, k) if op[1] == "T" else (k, n), dtype=np.float32)
    a = a.T if op[0] == "T" else a
    b = b.T if op[1] == "T" else b
    c = np.empty((m, n), dtype=np.float32)
    end = time.perf_counter() + 1.5
    while time.perf_counter() < end: np.matmul(a, b, out=c)
    best = 0.0; best_cpu = 0.0
    for _ in range(3):
        t = time.perf_counter(); cpu = time.process_time(); it = 0
        while time.perf_counter() - t < 1.0:
            np.matmul(a, b, out=c); it += 1
        best = max(best, 2.0 * m * n * k * it / (time.perf_counter() - t) / 1e9)
        best_cpu = max(best_cpu, 2.0 * m * n * k * it / max(time.process_time() - cpu, 1e-9) / 1e9)
    print(json.dumps({"peer": "numpy", "numpy": np.__version__, "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"),
                      "op": op, "m": m, "n": n, "k": k, "gflops": round(best, 1), "gflops_per_cpu": round(best_cpu, 1),
                      "loadavg": round(os.getloadavg()[0], 2)}))
