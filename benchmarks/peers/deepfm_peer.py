"""PyTorch peer of Recompose's DeepFM training step (same shapes as recipes/ctr/deepfm.yaml).

Guo et al., "DeepFM: A Factorization-Machine based Neural Network for CTR Prediction", IJCAI 2017,
in the FuxiCTR/BARS form: 10 categorical fields (user ID, 4 user fields, item ID, 4 item fields)
embedded in 10 dims, first-order term + FM + DNN [400, 400, 400] (ReLU, dropout 0.3) logits
summed, binary cross-entropy, Adam lr 1e-3, batch 4096. Like Recompose's first-order term, the
linear part is a linear map of the field embeddings.

Run: /usr/bin/python3 benchmarks/peers/deepfm_peer.py [steps] [warm-up steps, default 3]
Prints training samples/s per thread count.
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

USERS, ITEMS, VALUES, SIDE_FIELDS, DIM, BATCH = 10000, 5000, 101, 4, 10, 4096
FIELDS = 2 + 2 * SIDE_FIELDS


class DeepFm(nn.Module):
    def __init__(self):
        super().__init__()
        sizes = [USERS] + [VALUES] * SIDE_FIELDS + [ITEMS] + [VALUES] * SIDE_FIELDS
        self.tables = nn.ModuleList(nn.Embedding(s, DIM) for s in sizes)
        for t in self.tables:
            nn.init.normal_(t.weight, std=0.01)
        self.first = nn.Linear(FIELDS * DIM, 1)
        self.dnn = nn.Sequential(
            nn.Linear(FIELDS * DIM, 400), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(400, 400), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(400, 400), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(400, 1))

    def forward(self, x):
        v = torch.stack([t(x[:, f]) for f, t in enumerate(self.tables)], dim=1)
        flat = v.flatten(1)
        fm = 0.5 * (v.sum(1).pow(2) - v.pow(2).sum(1)).sum(1, keepdim=True)
        return (self.first(flat) + fm + self.dnn(flat)).squeeze(-1)


def run(threads, steps):
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(8)
    sizes = [USERS] + [VALUES] * SIDE_FIELDS + [ITEMS] + [VALUES] * SIDE_FIELDS
    model = DeepFm()
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    batches = []
    for _ in range(steps + WARMUP):
        x = torch.stack([torch.randint(0, s, (BATCH,), generator=g) for s in sizes], dim=1)
        y = (torch.rand(BATCH, generator=g) < 0.33).float()
        batches.append((x, y))
    for k, (x, y) in enumerate(batches):
        if k == WARMUP:
            t0 = time.perf_counter()
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(x), y)
        loss.backward()
        opt.step()
    secs = time.perf_counter() - t0
    print(f"SPEED torch-deepfm threads={threads}: {steps * BATCH / secs:.1f} samples/s, "
          f"{1000 * secs / steps:.1f} ms/step")


if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    WARMUP = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for t in (1, 2):
        run(t, steps)
