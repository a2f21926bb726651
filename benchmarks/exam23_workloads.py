"""The twenty-third exam: six more workload families that neither the suite nor the first twenty-two exams have.

Same rules as exams 1-22 (``exam_workloads.py`` ... ``exam22_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam22_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 22's own
(Potts model by pseudo-likelihood, tensor fusion network, Sinkhorn network, TFT variable selection network, CfC,
ICNN) and the ones it tried and dropped (slot attention, ConvNeXt, TabNet, deep knowledge tracing, AutoInt,
DeepAR).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- AlphaZero-style policy-value network (Silver et al. 2018) on tic-tac-toe: a small residual conv tower with
  batch norm over two planes (the mover's stones, the opponent's), a policy head (illegal moves masked) and a tanh
  value head; the loss is the cross-entropy to the policy target + the squared value error, the targets being the
  exact minimax ones (uniform over the optimal moves; win/draw/loss from the mover's side) of the positions
  reachable in play; SGD with momentum 0.9 and weight decay 1e-4 (AlphaZero's)
- complex-valued neural network (Trabelsi et al. 2018, deep complex networks) as a channel equaliser: complex
  dense layers (a real and an imaginary weight, complex multiplication), CReLU, recovering 16-QAM symbols from a
  window of received samples of a channel with inter-symbol interference, a saturating power amplifier (Saleh
  AM/AM and AM/PM) and additive noise; complex MSE; SGD with Nesterov momentum 0.9 (the paper's)
- DRMM (Guo et al. 2016), a neural ranking model: log-count matching histograms of each query term's cosine
  similarities to the document's terms (fixed word embeddings, an exact-match bin), a feed-forward matching
  network per term and a term gating network on the IDF; pairwise hinge loss on (query, more relevant, less
  relevant) triples; Adagrad (the paper's)
- diffractive deep neural network (D2NN, Lin et al. 2018): phase-only masks with free-space propagation between
  them simulated by the angular spectrum method (FFTs), the intensity collected by four detector regions; the
  cross-entropy of the detector shares; Adam (the paper's)
- deep canonical correlation analysis (Andrew et al. 2013; a long plan only): two sigmoid MLPs, one per view,
  trained to maximise the total canonical correlation of their 4-d outputs over the batch (the loss is 4 minus it,
  with ridge 1e-3 on the covariances as in the reference implementations); RMSprop (the Keras and PyTorch
  DeepCCA reference implementations')
- deep learning from crowds with a crowd layer (Rodrigues & Pereira 2018; a long plan only): a base MLP
  classifier whose class probabilities each annotator's own matrix (started at the identity) maps to that
  annotator's label logits; the cross-entropy of each item's one crowd label; Adam (the paper's)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): deep CCA and the
crowd layer (no short plan), the complex equaliser on a larger pool (16384 windows) and the policy-value network
without its residual block. What was tried and dropped before the first commit is listed in
``benchmarks/results/exam23/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam23_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam23/README.md).

    python benchmarks/exam23_workloads.py          # the table
    python benchmarks/exam23_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import functools
import math
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 23"


# --------------------------------------------------------------------------------------------------------------
# 1. AlphaZero-style policy-value network on tic-tac-toe (SGD with momentum)

_LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def _ttt_winner(b: tuple[int, ...]) -> int:
    for i, j, k in _LINES:
        if b[i] != 0 and b[i] == b[j] == b[k]:
            return b[i]
    return 0


@functools.lru_cache(maxsize=None)
def _ttt_value(b: tuple[int, ...], player: int) -> int:
    """The minimax value of board ``b`` (1 = X, -1 = O, 0 = empty) for ``player`` to move: +1 win, 0 draw, -1."""
    w = _ttt_winner(b)
    if w:
        return 1 if w == player else -1
    moves = [i for i in range(9) if b[i] == 0]
    if not moves:
        return 0
    return max(-_ttt_value(b[:i] + (player,) + b[i + 1:], -player) for i in moves)


@functools.lru_cache(maxsize=1)
def _ttt_positions() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Every non-terminal position reachable in play (4520), as two planes from the mover's side (own stones,
    opponent's), the legal-move mask, the policy target (uniform over the moves that keep the minimax value) and
    the value target. Deterministic; cached in-process."""
    seen: dict[tuple[int, ...], int] = {}
    frontier = [((0,) * 9, 1)]
    while frontier:
        nxt = []
        for b, p in frontier:
            if b in seen or _ttt_winner(b) or 0 not in b:
                continue
            seen[b] = p
            nxt += [(b[:i] + (p,) + b[i + 1:], -p) for i in range(9) if b[i] == 0]
        frontier = nxt
    planes, legal, pol, val = [], [], [], []
    for b, p in sorted(seen.items()):
        t = torch.tensor(b, dtype=torch.float32) * p
        planes.append(torch.stack([(t == 1).float(), (t == -1).float()]).view(2, 3, 3))
        moves = [i for i in range(9) if b[i] == 0]
        v = _ttt_value(b, p)
        best = [i for i in moves if -_ttt_value(b[:i] + (p,) + b[i + 1:], -p) == v]
        target = torch.zeros(9)
        target[best] = 1.0 / len(best)
        legal.append(t == 0)
        pol.append(target)
        val.append(float(v))
    return torch.stack(planes), torch.stack(legal), torch.stack(pol), torch.tensor(val).unsqueeze(1)


class ResBlock(nn.Module):
    def __init__(self, c: int) -> None:
        super().__init__()
        self.c1, self.b1 = nn.Conv2d(c, c, 3, padding=1, bias=False), nn.BatchNorm2d(c)
        self.c2, self.b2 = nn.Conv2d(c, c, 3, padding=1, bias=False), nn.BatchNorm2d(c)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.relu(x + self.b2(self.c2(F.relu(self.b1(self.c1(x))))))


class PolicyValueNet(nn.Module):
    """AlphaZero's network in miniature: a conv stem (3x3, BN, ReLU), ``blocks`` residual blocks, a policy head
    (1x1 conv to 2 channels, BN, ReLU, linear to 9 logits) and a value head (1x1 conv to 1 channel, BN, ReLU,
    linear to ``hidden``, ReLU, linear, tanh)."""

    def __init__(self, channels: int = 16, blocks: int = 1, hidden: int = 32) -> None:
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(2, channels, 3, padding=1, bias=False), nn.BatchNorm2d(channels),
                                  nn.ReLU())
        self.tower = nn.Sequential(*[ResBlock(channels) for _ in range(blocks)])
        self.pol = nn.Sequential(nn.Conv2d(channels, 2, 1, bias=False), nn.BatchNorm2d(2), nn.ReLU(), nn.Flatten(),
                                 nn.Linear(18, 9))
        self.val = nn.Sequential(nn.Conv2d(channels, 1, 1, bias=False), nn.BatchNorm2d(1), nn.ReLU(), nn.Flatten(),
                                 nn.Linear(9, hidden), nn.ReLU(), nn.Linear(hidden, 1), nn.Tanh())

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.tower(self.stem(x))
        return self.pol(h), self.val(h)


def pv_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """AlphaZero's loss without the L2 term (that is the optimiser's weight decay): the cross-entropy of the
    masked policy to the target distribution + the squared value error; positive (the policy target is uniform
    over the optimal moves, so its entropy is a floor)."""
    x, legal, pol, val = batch
    logits, v = model(x)
    logp = torch.log_softmax(logits.masked_fill(~legal, -1e9), 1)
    return -(pol * logp).sum(1).mean() + F.mse_loss(v, val)


def policy_value(batch_size: int = 32, seed: int = 0, train_size: int = 3000, channels: int = 16, blocks: int = 1
                 ) -> dict[str, Any]:
    """A policy-value net (16 channels, one residual block) on 3000 of the 4520 reachable positions (a fixed
    random split); held out: the other 1520; SGD, momentum 0.9, weight decay 1e-4 (AlphaZero's)."""
    x, legal, pol, val = _ttt_positions()
    perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(23101))
    tr_i, te_i = perm[:train_size], perm[train_size:]
    tr = (x[tr_i], legal[tr_i], pol[tr_i], val[tr_i])
    torch.manual_seed(seed)
    return {"model": PolicyValueNet(channels, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[te_i], legal[te_i], pol[te_i], val[te_i]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum"),
            "loss_fn": pv_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. complex-valued neural equaliser (deep complex networks; SGD with Nesterov momentum)

CV_TAPS = 7


def _cv_channel(n: int, gen: torch.Generator, snr_db: float = 18.0) -> tuple[torch.Tensor, torch.Tensor]:
    """A stream of 16-QAM symbols (unit mean power) through a 3-tap complex ISI channel, a Saleh power amplifier
    (AM/AM 2r / (1 + r^2), AM/PM (pi / 3) r^2 / (1 + r^2)) and white complex Gaussian noise at 18 dB SNR. Returns
    windows of 7 received samples (as real, imaginary: (n, 2, 7)) centred on each symbol and the symbols (n, 2)."""
    lv = torch.tensor([-3.0, -1.0, 1.0, 3.0]) / math.sqrt(10.0)
    length = n + CV_TAPS
    s = torch.complex(lv[torch.randint(0, 4, (length,), generator=gen)],
                      lv[torch.randint(0, 4, (length,), generator=gen)])
    h = torch.tensor([0.3 + 0.1j, 1.0 + 0.0j, 0.35 - 0.25j], dtype=torch.complex64)
    u = torch.zeros(length, dtype=torch.complex64)
    for k in range(3):
        u[k:] += h[k] * s[: length - k]
    u = 0.8 * u
    r = u.abs()
    v = torch.polar(2 * r / (1 + r ** 2), u.angle() + (math.pi / 3) * r ** 2 / (1 + r ** 2))
    sd = math.sqrt(float((v.abs() ** 2).mean()) / 10 ** (snr_db / 10) / 2)
    v = v + torch.complex(sd * torch.randn(length, generator=gen), sd * torch.randn(length, generator=gen))
    idx = torch.arange(n).unsqueeze(1) + torch.arange(CV_TAPS)  # windows v[i .. i + 6], centred on v[i + 3]
    win = v[idx]
    target = s[torch.arange(n) + CV_TAPS // 2 - 1]  # channel delay 1 (the main tap)
    return torch.stack([win.real, win.imag], 1), torch.stack([target.real, target.imag], 1)


class ComplexLinear(nn.Module):
    """A complex dense layer as deep complex networks write it: W = A + iB, (A + iB)(x + iy) = (Ax - By) + i(Bx + Ay),
    with a complex bias; Glorot-style init of the complex weight (each part N(0, 1 / (fan_in + fan_out)))."""

    def __init__(self, i: int, o: int) -> None:
        super().__init__()
        s = (1.0 / (i + o)) ** 0.5
        self.a = nn.Parameter(torch.randn(o, i) * s)
        self.b = nn.Parameter(torch.randn(o, i) * s)
        self.bias = nn.Parameter(torch.zeros(2, o))

    def forward(self, re: torch.Tensor, im: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return (re @ self.a.t() - im @ self.b.t() + self.bias[0], re @ self.b.t() + im @ self.a.t() + self.bias[1])


class ComplexEqualiser(nn.Module):
    """A complex MLP 7-``width``-``width``-1 with CReLU (ReLU on the real and the imaginary parts)."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        self.layers = nn.ModuleList([ComplexLinear(CV_TAPS, width), ComplexLinear(width, width),
                                     ComplexLinear(width, 1)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        re, im = x[:, 0], x[:, 1]
        for i, layer in enumerate(self.layers):
            re, im = layer(re, im)
            if i < len(self.layers) - 1:
                re, im = F.relu(re), F.relu(im)
        return torch.cat([re, im], 1)


def cv_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The complex MSE |y_hat - s|^2 (the real and imaginary squared errors summed); positive (the noise)."""
    x, y = batch
    return ((model(x) - y) ** 2).sum(1).mean()


def complex_equaliser(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 24
                      ) -> dict[str, Any]:
    """A complex-valued equaliser (7 taps in, two hidden layers of 24 complex units) on 4096 received windows;
    held out: the next 2048 symbols of the stream; SGD with Nesterov momentum 0.9 (deep complex networks')."""
    gen = torch.Generator().manual_seed(23201)
    x, y = _cv_channel(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ComplexEqualiser(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov"),
            "loss_fn": cv_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. DRMM neural ranking (Adagrad)

DR_VOCAB, DR_DIM, DR_QLEN, DR_DLEN, DR_BINS = 300, 16, 3, 40, 11


def _dr_triples(n: int, gen: torch.Generator, bins: int = DR_BINS, noise: float = 0.3
                ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Ranking triples from a synthetic collection: 300 words in 20 topics with fixed unit embeddings (topic
    centre + noise; the "pre-trained" vectors DRMM takes as given) and Zipf-like frequencies (IDF from them);
    queries of three words from one topic; for each query two documents of 40 words mixing background words,
    words of the query's topic and exact query terms in random proportions. A document's relevance is an
    IDF-weighted, saturating count of exact matches plus a weaker topical term, plus Gumbel noise (scale 0.3);
    the triple orders the two documents by it. Returns the log-count histograms (n, 2, 3 terms, 11 bins: ten
    cosine bins over [-1, 1) and an exact-match bin) of the more and the less relevant document, the query IDFs
    and the relevance gaps."""
    tg = torch.Generator().manual_seed(23401)
    topics = torch.randint(0, 20, (DR_VOCAB,), generator=tg)
    centres = torch.randn(20, DR_DIM, generator=tg)
    emb = F.normalize(centres[topics] + 0.8 * torch.randn(DR_VOCAB, DR_DIM, generator=tg), dim=1)
    freq = 1.0 / (torch.arange(DR_VOCAB).float() + 5.0)
    idf = torch.log(freq.sum() / freq)
    idf = idf / idf.mean()
    by_topic = [torch.nonzero(topics == k).squeeze(1) for k in range(20)]
    qt = torch.randint(0, 20, (n,), generator=gen)
    q = torch.stack([by_topic[k][torch.randint(0, len(by_topic[k]), (DR_QLEN,), generator=gen)] for k in qt.tolist()])
    docs, rel = [], []
    for _ in range(2):
        p_exact = 0.25 * torch.rand(n, 1, generator=gen) ** 2
        p_topic = 0.5 * torch.rand(n, 1, generator=gen)
        u = torch.rand(n, DR_DLEN, generator=gen)
        bg = torch.multinomial(freq, n * DR_DLEN, replacement=True, generator=gen).view(n, DR_DLEN)
        tw = torch.stack([by_topic[k][torch.randint(0, len(by_topic[k]), (DR_DLEN,), generator=gen)]
                          for k in qt.tolist()])
        qw = q.gather(1, torch.randint(0, DR_QLEN, (n, DR_DLEN), generator=gen))
        d = torch.where(u < p_exact, qw, torch.where(u < p_exact + p_topic, tw, bg))
        exact = (d.unsqueeze(1) == q.unsqueeze(2)).float().sum(2)  # n, 3
        topical = (topics[d] == qt.unsqueeze(1)).float().mean(1)
        r = (idf[q] * torch.log1p(exact)).sum(1) + 1.5 * topical - noise * torch.log(-torch.log(torch.rand(n, generator=gen)))
        docs.append(d)
        rel.append(r)
    better = (rel[0] >= rel[1]).unsqueeze(1)
    pos, neg = torch.where(better, docs[0], docs[1]), torch.where(better, docs[1], docs[0])

    def hist(d: torch.Tensor) -> torch.Tensor:
        sim = torch.einsum("nqe,nde->nqd", emb[q], emb[d])
        exact = q.unsqueeze(2) == d.unsqueeze(1)
        b = ((sim + 1) / 2 * (bins - 1)).floor().clamp(0, bins - 2).long()
        b = torch.where(exact, torch.full_like(b, bins - 1), b)
        return torch.log1p(F.one_hot(b, bins).float().sum(2))  # n, 3, bins

    return torch.stack([hist(pos), hist(neg)], 1), idf[q], rel[0] - rel[1]


class DRMM(nn.Module):
    """DRMM: a feed-forward matching network (11-5-1, tanh) on each query term's histogram and a term gating
    network softmax(w * idf) over the query terms; the score is the gated sum."""

    def __init__(self, hidden: int = 5, bins: int = DR_BINS) -> None:
        super().__init__()
        self.ffn = nn.Sequential(nn.Linear(bins, hidden), nn.Tanh(), nn.Linear(hidden, 1), nn.Tanh())
        self.gate = nn.Parameter(torch.full((1,), 0.1))

    def forward(self, h: torch.Tensor, idf: torch.Tensor) -> torch.Tensor:
        g = torch.softmax(self.gate * idf, -1)  # B, 3
        return (self.ffn(h).squeeze(-1) * g).sum(-1)


def drmm_hinge(model: nn.Module, batch: Any) -> torch.Tensor:
    """The pairwise hinge loss max(0, 1 - s(q, d+) + s(q, d-)) (DRMM's); positive (the orders are noisy)."""
    h, idf = batch
    return F.relu(1 - model(h[:, 0], idf) + model(h[:, 1], idf)).mean()


def drmm(batch_size: int = 8, seed: int = 0, train_size: int = 4096, hidden: int = 5, bins: int = DR_BINS,
         noise: float = 0.3) -> dict[str, Any]:
    """DRMM (matching network 11-5-1, IDF gating) on 4096 ranking triples; held out: 2048 others (new queries);
    Adagrad (the paper's)."""
    gen = torch.Generator().manual_seed(23402)
    h, idf, _ = _dr_triples(train_size + 2048, gen, bins, noise)
    tr = (h[:train_size], idf[:train_size])
    torch.manual_seed(seed)
    return {"model": DRMM(hidden, bins), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((h[train_size:], idf[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": drmm_hinge, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. deep canonical correlation analysis (RMSprop; a long plan only)

CC_OUT = 4


def _cc_views(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two views of a shared 4-d latent z: view 1 (16-d) a fixed random MLP of z (tanh) plus private noise
    factors and sd 0.3 noise; view 2 (12-d) another fixed map of sin(z) and z^2 - 1 terms plus its own private
    factors and noise. Only z is shared, so the canonical correlations stay below 1."""
    tg = torch.Generator().manual_seed(23601)
    a1, a2 = torch.randn(4, 24, generator=tg), torch.randn(24, 16, generator=tg) / 24 ** 0.5
    b1 = torch.randn(8, 12, generator=tg) / 8 ** 0.5
    p1, p2 = torch.randn(3, 16, generator=tg) * 0.7, torch.randn(3, 12, generator=tg) * 0.7
    z = torch.randn(n, 4, generator=gen)
    v1 = torch.tanh(z @ a1) @ a2 + torch.randn(n, 3, generator=gen) @ p1 + 0.3 * torch.randn(n, 16, generator=gen)
    v2 = (torch.cat([torch.sin(1.5 * z), z ** 2 - 1], 1) @ b1 + torch.randn(n, 3, generator=gen) @ p2
          + 0.3 * torch.randn(n, 12, generator=gen))
    return v1, v2


class DCCANet(nn.Module):
    """Two sigmoid MLPs (d-``hidden``-``hidden``-4), one per view (Andrew et al.'s architecture)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        mlp = lambda d: nn.Sequential(nn.Linear(d, hidden), nn.Sigmoid(), nn.Linear(hidden, hidden),  # noqa: E731
                                      nn.Sigmoid(), nn.Linear(hidden, CC_OUT))
        self.f, self.g = mlp(16), mlp(12)

    def forward(self, x1: torch.Tensor, x2: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.f(x1), self.g(x2)


def _inv_sqrt(c: torch.Tensor) -> torch.Tensor:
    w, v = torch.linalg.eigh(c)
    return v @ torch.diag(w.clamp(min=1e-9) ** -0.5) @ v.t()


def dcca_loss(model: nn.Module, batch: Any, r: float = 1e-3) -> torch.Tensor:
    """4 minus the total canonical correlation of the two outputs over the batch: the trace norm of T = S11^-1/2
    S12 S22^-1/2 (the sum of its singular values, the square roots of the eigenvalues of T^T T), the covariances
    with ridge 1e-3 (the DeepCCA reference implementations'); positive (only a noisy latent is shared)."""
    x1, x2 = batch
    h1, h2 = model(x1, x2)
    n = len(h1)
    h1, h2 = h1 - h1.mean(0), h2 - h2.mean(0)
    eye = torch.eye(CC_OUT)
    s11 = h1.t() @ h1 / (n - 1) + r * eye
    s22 = h2.t() @ h2 / (n - 1) + r * eye
    s12 = h1.t() @ h2 / (n - 1)
    t = _inv_sqrt(s11) @ s12 @ _inv_sqrt(s22)
    corr = torch.linalg.eigvalsh(t.t() @ t + 1e-9 * eye).clamp(min=1e-12).sqrt().sum()
    return CC_OUT - corr


def deep_cca(batch_size: int = 128, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """Deep CCA (two MLPs 32-32, 4 outputs) on 8192 paired samples; held out: 4096 others; RMSprop (the DeepCCA
    reference implementations')."""
    gen = torch.Generator().manual_seed(23602)
    v1, v2 = _cc_views(train_size + 4096, gen)
    tr = (v1[:train_size], v2[:train_size])
    torch.manual_seed(seed)
    return {"model": DCCANet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((v1[train_size:], v2[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": dcca_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. diffractive deep neural network (D2NN; Adam)

DN_IMG, DN_PAD, DN_CLASSES = 16, 24, 4


def _dn_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16x16 amplitude objects of four classes (a horizontal bar, a vertical bar, a diagonal stroke, a hollow
    square), each at a random offset (+-3 pixels), size and brightness, with speckle-like noise (sd 0.1); the
    amplitude clamped to [0, 1]."""
    c = torch.randint(0, DN_CLASSES, (n,), generator=gen)
    yy, xx = torch.meshgrid(torch.arange(DN_IMG).float(), torch.arange(DN_IMG).float(), indexing="ij")
    cy = 7.5 + torch.randint(-3, 4, (n,), generator=gen).float()
    cx = 7.5 + torch.randint(-3, 4, (n,), generator=gen).float()
    half = 3.0 + 2.0 * torch.rand(n, generator=gen)
    thick = 0.8 + 0.8 * torch.rand(n, generator=gen)
    dy, dx = yy - cy.view(-1, 1, 1), xx - cx.view(-1, 1, 1)
    h, t = half.view(-1, 1, 1), thick.view(-1, 1, 1)
    shapes = torch.stack([
        (dy.abs() < t) & (dx.abs() < h),
        (dx.abs() < t) & (dy.abs() < h),
        ((dy - dx).abs() < 1.2 * t) & (dx.abs() < h),
        ((dy.abs() - h).abs() < t) & (dx.abs() < h + t) | ((dx.abs() - h).abs() < t) & (dy.abs() < h + t),
    ], 1).float()
    img = shapes[torch.arange(n), c] * (0.7 + 0.3 * torch.rand(n, 1, 1, generator=gen))
    img = (img + 0.1 * torch.randn(n, DN_IMG, DN_IMG, generator=gen)).clamp(0, 1)
    return img, c


class D2NN(nn.Module):
    """A diffractive network (Lin et al. 2018) simulated by the angular spectrum method: the object's amplitude
    (zero-padded to 32x32) propagates a fixed distance (free space, wavelength 0.75 pixel, distance 12 pixels) to
    each of ``layers`` phase-only masks (learned phases, multiplied by exp(i phi)), then to the detector plane,
    where four 5x5 detector regions collect the intensity; the logits are ``temperature`` x each detector's share
    of the total."""

    def __init__(self, layers: int = 2, wavelength: float = 0.75, distance: float = 12.0, temperature: float = 10.0
                 ) -> None:
        super().__init__()
        self.phase = nn.Parameter(0.1 * torch.randn(layers, DN_PAD, DN_PAD))
        f = torch.fft.fftfreq(DN_PAD)
        fy, fx = torch.meshgrid(f, f, indexing="ij")
        arg = 1.0 / wavelength ** 2 - fx ** 2 - fy ** 2
        kz = 2 * math.pi * torch.sqrt(arg.clamp(min=0))
        self.register_buffer("transfer", torch.polar((arg > 0).float(), kz * distance))
        mask = torch.zeros(DN_CLASSES, DN_PAD, DN_PAD)
        for k, (y, x) in enumerate([(6, 6), (6, 13), (13, 6), (13, 13)]):
            mask[k, y:y + 5, x:x + 5] = 1.0
        self.register_buffer("detectors", mask)
        self.temperature = temperature

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        o = (DN_PAD - DN_IMG) // 2
        field = F.pad(img, (o, o, o, o)).to(torch.complex64)
        for k in range(len(self.phase)):
            field = torch.fft.ifft2(torch.fft.fft2(field) * self.transfer)
            field = field * torch.polar(torch.ones_like(self.phase[k]), self.phase[k])
        inten = torch.fft.ifft2(torch.fft.fft2(field) * self.transfer).abs() ** 2
        s = torch.einsum("bij,kij->bk", inten, self.detectors)
        return self.temperature * s / (s.sum(1, keepdim=True) + 1e-8)


def d2nn_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the detector shares (softmax); positive (the logits are bounded by the temperature)."""
    x, c = batch
    return F.cross_entropy(model(x), c)


def d2nn(batch_size: int = 32, seed: int = 0, train_size: int = 4096, layers: int = 2) -> dict[str, Any]:
    """A three-layer phase-only D2NN on 4096 objects; held out: 2048 others; Adam (the paper's)."""
    gen = torch.Generator().manual_seed(23701)
    x, c = _dn_images(train_size + 2048, gen)
    tr = (x[:train_size], c[:train_size])
    torch.manual_seed(seed)
    return {"model": D2NN(layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], c[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": d2nn_ce, "train_pool": tr}



# --------------------------------------------------------------------------------------------------------------
# 6. deep learning from crowds with a crowd layer (Adam; a long plan only)

CR_DIM, CR_CLASSES, CR_ANNOT = 10, 5, 8


def _cr_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Items (10 features) whose true class (of five) comes from a fixed random teacher MLP; eight annotators with
    fixed confusion matrices (three reliable, diagonal 0.95; two noisy, 0.75; one spammer, uniform; two that
    swap neighbouring classes 70% of the time); each item is labelled once, by an annotator drawn at random (the
    sparse labelling of crowdsourcing). Returns the features, the annotator, the crowd label and the true class."""
    tg = torch.Generator().manual_seed(24001)
    w1, w2 = torch.randn(CR_DIM, 24, generator=tg), torch.randn(24, CR_CLASSES, generator=tg)
    conf = []
    for r in range(CR_ANNOT):
        if r < 5:
            d = 0.95 if r < 3 else 0.75
            m = torch.full((CR_CLASSES, CR_CLASSES), (1 - d) / (CR_CLASSES - 1))
            m.fill_diagonal_(d)
        elif r == 5:
            m = torch.full((CR_CLASSES, CR_CLASSES), 1.0 / CR_CLASSES)
        else:
            m = 0.3 * torch.eye(CR_CLASSES) + 0.7 * torch.eye(CR_CLASSES).roll(1, 1)
        conf.append(m)
    conf = torch.stack(conf)  # annot, true, given
    x = torch.randn(n, CR_DIM, generator=gen)
    z = torch.tanh(x @ w1) @ w2
    truth = z.argmax(1)
    annot = torch.randint(0, CR_ANNOT, (n,), generator=gen)
    label = torch.multinomial(conf[annot, truth], 1, generator=gen).squeeze(1)
    return x, annot, label, truth


class CrowdNet(nn.Module):
    """Rodrigues & Pereira's (2018) crowd layer ("MW"): a base classifier (MLP 10-``hidden``-``hidden``-5, ReLU,
    softmax) whose class probabilities each annotator's own 5x5 matrix (started at the identity) maps to that
    annotator's label logits."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.base = nn.Sequential(nn.Linear(CR_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, CR_CLASSES))
        self.annot = nn.Parameter(torch.eye(CR_CLASSES).repeat(CR_ANNOT, 1, 1))

    def forward(self, x: torch.Tensor, annot: torch.Tensor) -> torch.Tensor:
        p = self.base(x).softmax(1)
        return torch.einsum("bij,bj->bi", self.annot[annot], p)


def crowd_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of each annotator's label under its crowd-layer logits; positive (the crowd is noisy)."""
    x, annot, label = batch
    return F.cross_entropy(model(x, annot), label)


def crowd_layer(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """A crowd-layer classifier (MLP 32-32) on 4096 crowd-labelled items; held out: 2048 other items with their
    crowd labels (the true classes are not used); Adam (the paper's)."""
    gen = torch.Generator().manual_seed(24002)
    x, annot, label, _ = _cr_items(train_size + 2048, gen)
    tr = (x[:train_size], annot[:train_size], label[:train_size])
    torch.manual_seed(seed)
    return {"model": CrowdNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], annot[train_size:], label[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": crowd_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pvnet_sgdm", policy_value, 300, "alphazero_policy_value_network", "sgd_momentum", "finite", 32,
      seconds=1.6, start_lr=0.032),
    W("cvnn_nesterov", complex_equaliser, 300, "complex_valued_network", "sgd_nesterov", "finite", 32,
      seconds=0.6, start_lr=0.064),
    W("drmm_adagrad", drmm, 300, "drmm_neural_ranking", "adagrad", "finite", 8, seconds=0.7, start_lr=0.128),
    W("d2nn_adam", d2nn, 300, "diffractive_deep_neural_network", "adam", "finite", 32, seconds=1.6,
      start_lr=0.256),
)
LONG = (
    W("dcca_rmsprop@long", deep_cca, 3000, "deep_canonical_correlation_analysis", "rmsprop", "finite", 128,
      seconds=8.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("crowd_adam@long", crowd_layer, 3000, "crowd_layer_learning_from_crowds", "adam", "finite", 32,
      seconds=4.5, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("cvnn_nesterov@long", complex_equaliser, 3000, "complex_valued_network", "sgd_nesterov", "finite", 32,
      dict(train_size=16384), seconds=6.0, start_lr=0.064, grid_fractions=(0.0, 0.05), long_of="cvnn_nesterov"),
    W("pvnet_sgdm@long", policy_value, 3000, "alphazero_policy_value_network", "sgd_momentum", "finite", 32,
      dict(blocks=0), seconds=10.0, start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="pvnet_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam23_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-third exam's workloads")
