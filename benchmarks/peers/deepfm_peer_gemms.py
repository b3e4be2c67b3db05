"""The matrix products of one DeepFM training step in PyTorch, timed alone: the floor under the
peer's step time (deepfm_peer.py) that no implementation doing the same dense arithmetic can go below.

Nine products per step (batch 4096, DNN 100 -> 400 -> 400 -> 400): three forward `addmm`s, three
input gradients and three weight gradients, 8.85 GFLOP in all (the 400 -> 1 output layer's
products are thin and left out). Run under the same OMP_NUM_THREADS / OPENBLAS_NUM_THREADS as the
peer's best row and compare with its ms/step: BENCHMARKS.md (CTR, training speed) uses the ratio
to bound what any engine with the same GEMM speed can reach against the peer.

Run: OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 /usr/bin/python3 benchmarks/peers/deepfm_peer_gemms.py [set_num_threads]
"""
import sys
import time

import torch

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
B = 4096
g = torch.Generator().manual_seed(1)
x = torch.randn(B, 100, generator=g)
h = torch.randn(B, 400, generator=g)
d = torch.randn(B, 400, generator=g)
w1 = torch.randn(400, 100, generator=g)
w = torch.randn(400, 400, generator=g)
b = torch.randn(400, generator=g)


def products():
    torch.addmm(b, x, w1.t())
    torch.addmm(b, h, w.t())
    torch.addmm(b, h, w.t())
    d.mm(w)
    d.mm(w)
    d.mm(w1)
    d.t().mm(h)
    d.t().mm(h)
    d.t().mm(x)


for _ in range(20):
    products()
best = float("inf")
for _ in range(5):
    t0 = time.perf_counter()
    for _ in range(20):
        products()
    best = min(best, (time.perf_counter() - t0) / 20)
print(f"SPEED torch-deepfm-gemms threads={torch.get_num_threads()}: {1000 * best:.1f} ms per step's products "
      f"({8.85 / best:.0f} GFLOP/s)")
