#!/usr/bin/env python3
"""PyTorch peer for the Recompose tensor-engine benchmark: one SASRec training step, timed alone.

Same model, shapes and optimiser as ../../../shared/peers/torch_sasrec.py (2 blocks, 1 head, hidden 64,
maxlen 50, batch 128, dropout 0.5, item table 10,000 x 64, BCE with one sampled negative per position,
Adam betas 0.9/0.98), but the batch is built once up front so that only forward + backward + Adam
are timed, exactly what EngineBench.sasrec times on the Java side.
Needs Debian's python3-torch AND libopenblas0-pthread. Run with /usr/bin/python3:
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 torch_sasrec_step.py --threads 1"""
import argparse, json, math, time
import torch
import torch.nn as nn

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--seconds", type=float, default=8.0)
p.add_argument("--items", type=int, default=10000); p.add_argument("--maxlen", type=int, default=50)
p.add_argument("--hidden", type=int, default=64); p.add_argument("--blocks", type=int, default=2)
p.add_argument("--batch", type=int, default=128); p.add_argument("--dropout", type=float, default=0.5)
a = p.parse_args()
torch.set_num_threads(a.threads); torch.manual_seed(42)
H, L, B = a.hidden, a.maxlen, a.batch

class SASRec(nn.Module):
    def __init__(s):
        super().__init__()
        s.item = nn.Embedding(a.items + 1, H, padding_idx=0); s.pos = nn.Embedding(L, H)
        s.drop = nn.Dropout(a.dropout)
        s.ln_attn = nn.ModuleList([nn.LayerNorm(H, eps=1e-8) for _ in range(a.blocks)])
        s.attn = nn.ModuleList([nn.MultiheadAttention(H, 1, dropout=a.dropout, batch_first=True) for _ in range(a.blocks)])
        s.ln_ffn = nn.ModuleList([nn.LayerNorm(H, eps=1e-8) for _ in range(a.blocks)])
        s.ffn = nn.ModuleList([nn.Sequential(nn.Linear(H, H), nn.ReLU(), nn.Dropout(a.dropout), nn.Linear(H, H), nn.Dropout(a.dropout)) for _ in range(a.blocks)])
        s.ln_out = nn.LayerNorm(H, eps=1e-8)
        s.register_buffer("causal", torch.triu(torch.ones(L, L, dtype=torch.bool), 1))
    def forward(s, seq):
        x = s.item(seq) * math.sqrt(H) + s.pos.weight.unsqueeze(0)
        x = s.drop(x); keep = (seq > 0).unsqueeze(-1).float(); x = x * keep
        for b in range(a.blocks):
            q = s.ln_attn[b](x)
            y, _ = s.attn[b](q, x, x, attn_mask=s.causal, need_weights=False)
            x = q + y
            x = s.ffn[b](s.ln_ffn[b](x)) + x
            x = x * keep
        return s.ln_out(x)

model = SASRec()
for n, w in model.named_parameters():
    if w.dim() > 1: nn.init.xavier_normal_(w)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.98))
bce = nn.BCEWithLogitsLoss()
g = torch.Generator().manual_seed(7)
seq = torch.zeros(B, L, dtype=torch.long); pos = torch.zeros_like(seq); neg = torch.zeros_like(seq)
for r in range(B):
    k = 5 + int(torch.randint(0, 35, (1,), generator=g))
    seq[r, L - k:] = torch.randint(1, a.items + 1, (k,), generator=g)
    pos[r, L - k:] = torch.randint(1, a.items + 1, (k,), generator=g)
    neg[r, L - k:] = torch.randint(1, a.items + 1, (k,), generator=g)
m = pos > 0

def step():
    h = model(seq); pe, ne = model.item(pos), model.item(neg)
    pl, nl = (h * pe).sum(-1), (h * ne).sum(-1)
    loss = bce(pl[m], torch.ones_like(pl[m])) + bce(nl[m], torch.zeros_like(nl[m]))
    opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    return loss

end = time.perf_counter() + 3
while time.perf_counter() < end: step()
best = 0.0; best_cpu = 0.0
for _ in range(3):
    t = time.perf_counter(); c = time.process_time(); n = 0
    while time.perf_counter() - t < a.seconds / 3:
        loss = step(); n += 1
    best = max(best, n / (time.perf_counter() - t)); best_cpu = max(best_cpu, n / max(time.process_time() - c, 1e-9))
print(json.dumps({"peer": "pytorch", "torch": torch.__version__, "threads": a.threads, "model": "sasrec-2block-h64-L50-b128",
                  "steps_per_s": round(best, 2), "per_cpu_s": round(best_cpu, 2), "final_loss": round(float(loss), 4),
                  "loadavg": round(__import__("os").getloadavg()[0], 2)}))
