#!/usr/bin/env python3
"""PyTorch peer (copy of ../../../shared/peers/torch_mlp.py with best-of-3 rounds and a steps-per-CPU-second figure
for loaded machines): one training step of an MLP 64->128->1 (batch 256, Adam, BCE with logits).
Prints one JSON line with steps/s. Needs Debian's python3-torch AND libopenblas0-pthread (without it torch uses the reference BLAS, ~35x slower GEMM).
Set OMP_NUM_THREADS and OPENBLAS_NUM_THREADS to --threads; report the best thread count (often 1 on these shapes).
  /usr/bin/python3 torch_mlp.py --threads 1 --steps 2000"""
import argparse, json, time
import torch

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--steps", type=int, default=2000)
p.add_argument("--batch", type=int, default=256)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.BCEWithLogitsLoss()
x = torch.randn(a.batch, 64)
y = (x[:, :1] > 0).float()

def step():
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    return loss

for _ in range(200):
    step()
best = 0.0; best_cpu = 0.0
for _ in range(3):
    t = time.perf_counter(); c = time.process_time()
    for _ in range(a.steps):
        loss = step()
    dt = time.perf_counter() - t
    best = max(best, a.steps / dt); best_cpu = max(best_cpu, a.steps / max(time.process_time() - c, 1e-9))
print(json.dumps({"peer": "pytorch", "torch": torch.__version__, "threads": a.threads, "model": "mlp64-128-1",
                  "batch": a.batch, "steps_per_s": round(best, 1), "per_cpu_s": round(best_cpu, 1), "final_loss": round(float(loss), 4),
                  "loadavg": round(__import__("os").getloadavg()[0], 2)}))
