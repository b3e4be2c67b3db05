"""PyTorch peer of Recompose's NRMS training step (same shapes as recipes/ctr/nrms.yaml).

Wu et al., "Neural News Recommendation with Multi-Head Self-Attention", EMNLP 2019.
News encoder: 300-d word embeddings, dropout 0.2, projection to 256, 16-head self-attention,
dropout 0.2, additive attention (query 200). User encoder: 16-head self-attention over the
50 clicked news, dropout 0.2, additive attention. Dot-product click predictor, softmax cross
entropy over 1 positive + 4 negatives, Adam lr 1e-4, batch 64. Like Recompose, each batch
encodes every distinct news item once (torch.unique) and gathers candidates and histories.

Run: /usr/bin/python3 benchmarks/peers/nrms_peer.py [steps] [warm-up steps, default 3]
Prints training samples/s (impressions, i.e. positives with their 4 negatives) per thread count.
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

ITEMS, WORDS, TITLE, HIST, NEG, BATCH = 5000, 20000, 30, 50, 4, 64
WORD_DIM, DIM, HEADS, QUERY, DROPOUT = 300, 256, 16, 200, 0.2


class AdditiveAttention(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.proj = nn.Linear(dim, hidden)
        self.query = nn.Parameter(torch.empty(hidden).uniform_(-0.1, 0.1))

    def forward(self, x):
        w = torch.tanh(self.proj(x)) @ self.query
        return (torch.softmax(w, dim=1).unsqueeze(-1) * x).sum(1)


class NewsEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(WORDS + 1, WORD_DIM, padding_idx=0)
        self.project = nn.Linear(WORD_DIM, DIM)
        self.attention = nn.MultiheadAttention(DIM, HEADS, batch_first=True)
        self.pool = AdditiveAttention(DIM, QUERY)

    def forward(self, tokens):
        x = F.dropout(self.words(tokens), DROPOUT, self.training)
        h = self.project(x)
        a, _ = self.attention(h, h, h, need_weights=False)
        return self.pool(F.dropout(a, DROPOUT, self.training))


class UserEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention = nn.MultiheadAttention(DIM, HEADS, batch_first=True)
        self.pool = AdditiveAttention(DIM, QUERY)

    def forward(self, h):
        a, _ = self.attention(h, h, h, need_weights=False)
        return self.pool(F.dropout(a, DROPOUT, self.training))


class Nrms(nn.Module):
    def __init__(self):
        super().__init__()
        self.news = NewsEncoder()
        self.user = UserEncoder()

    def forward(self, titles, history, candidates):
        ids, inverse = torch.unique(torch.cat([candidates.flatten(), history.flatten()]),
                                    return_inverse=True)
        reps = self.news(titles[ids])
        n = candidates.numel()
        cand = reps[inverse[:n]].view(*candidates.shape, DIM)
        hist = reps[inverse[n:]].view(*history.shape, DIM)
        u = self.user(hist)
        return torch.bmm(cand, u.unsqueeze(-1)).squeeze(-1)


def run(threads, steps):
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(7)
    titles = torch.randint(1, WORDS + 1, (ITEMS, TITLE), generator=g)
    model = Nrms()
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    target = torch.zeros(BATCH, dtype=torch.long)
    batches = [(torch.randint(0, ITEMS, (BATCH, HIST), generator=g),
                torch.randint(0, ITEMS, (BATCH, 1 + NEG), generator=g)) for _ in range(steps + WARMUP)]
    for k, (hist, cand) in enumerate(batches):
        if k == WARMUP:
            t0 = time.perf_counter()
        opt.zero_grad()
        loss = F.cross_entropy(model(titles, hist, cand), target)
        loss.backward()
        opt.step()
    secs = time.perf_counter() - t0
    print(f"SPEED torch-nrms threads={threads}: {steps * BATCH / secs:.1f} samples/s "
          f"({steps * BATCH * (1 + NEG) / secs:.1f} scored rows/s), {1000 * secs / steps:.1f} ms/step")


if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    WARMUP = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for t in (1, 2):
        run(t, steps)
