"""The twenty-second exam: six more workload families that neither the suite nor the first twenty-one exams have.

Same rules as exams 1-21 (``exam_workloads.py`` ... ``exam21_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam21_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 21's own
(VoxelMorph registration, biaffine parser, RBM, DeepHit, DeepSDF auto-decoder, MPS classifier) and its dropped
ConvLSTM next-frame predictor.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- Potts model fitted by pseudo-likelihood (plmDCA, Ekeberg et al. 2013; GREMLIN, Kamisetty et al. 2013, as
  Ovchinnikov's GREMLIN_TF): fields and a symmetrised coupling matrix with masked self-blocks, the cross-entropy of
  every site of a sequence given the others plus an L2 penalty on the couplings; 12-site, 4-state sequences Gibbs
  sampled from a fixed Potts model on a contact map; Adam (GREMLIN_TF and the PyTorch port mogwai train with an
  Adam variant)
- tensor fusion network (Zadeh et al. 2017) for multimodal sentiment regression: a subnetwork per view (language,
  acoustic, visual), each embedding with a 1 appended, their three-fold outer product, an MLP; the L1 loss (the
  paper's) on synthetic utterances whose sentiment needs all three views (a sarcasm cue flips the polarity); Adam
  (the paper's)
- Sinkhorn network (Mena et al. 2018) learning to sort: a shared MLP scores each element against each position,
  20 log-space Sinkhorn iterations (temperature 1) give a doubly stochastic matrix, the soft-sorted list is
  compared with the sorted one by MSE; lists of eight uniform numbers; Adam (the paper's)
- temporal fusion transformer's variable selection network and gated residual networks (Lim et al. 2021): each of
  twelve input variables (lags of the target, known covariates and two distractors) embedded, passed through its
  own GRN and weighted by a softmax from a GRN over all of them, a GRN and a linear head forecasting the next
  value of a regime-switching series, MSE; RAdam (pytorch-forecasting's default optimiser is Ranger, RAdam with
  Lookahead)
- closed-form continuous-time network (CfC, Hasani et al. 2022, as ncps's ``CfCCell``; a long plan only): a
  backbone layer over [input, state], two tanh heads and a time gate sigmoid(t_a * dt + t_b) mixing them by the
  elapsed time; one-step-ahead MSE of irregularly sampled noisy damped oscillations; RMSprop
- input convex neural network (Amos et al. 2017; a long plan only): z-path weights kept non-negative by a softplus,
  input skip connections into every layer, the MSE of noisy samples of a convex function (a soft maximum of affine
  pieces plus quadratic and Huber terms; the target standardised); Adam (the paper's)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the CfC and the ICNN
(no short plan), the Potts model on a smaller pool (600 sequences) and the tensor fusion network. What was tried
and dropped before the first commit is listed in ``benchmarks/results/exam22/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (the Potts
model starts at zero, so there only the batch order). No loss draws random numbers. The
entrypoint is ``benchmarks/exam22_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam22/README.md).

    python benchmarks/exam22_workloads.py          # the table
    python benchmarks/exam22_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 22"


# --------------------------------------------------------------------------------------------------------------
# 1. Potts model by pseudo-likelihood (plmDCA / GREMLIN; Adam)

PT_SITES, PT_STATES = 12, 4


def _pt_msa(n: int, gen: torch.Generator) -> torch.Tensor:
    """Sequences (n, 12) over 4 states drawn from a fixed Potts model by Gibbs sampling (40 sweeps from uniform
    states): fields h ~ N(0, 0.5^2), couplings J_ij ~ N(0, 0.8^2) (4x4, J_ji = J_ij^T) on a chain of neighbours plus
    six random long-range contacts (a "protein family" with a contact map)."""
    tg = torch.Generator().manual_seed(22701)
    L, q = PT_SITES, PT_STATES
    h = 0.5 * torch.randn(L, q, generator=tg)
    J = torch.zeros(L, q, L, q)
    pairs = [(i, i + 1) for i in range(L - 1)]
    while len(pairs) < L - 1 + 6:
        i, j = sorted(torch.randperm(L, generator=tg)[:2].tolist())
        if j - i > 2 and (i, j) not in pairs:
            pairs.append((i, j))
    for i, j in pairs:
        c = 0.8 * torch.randn(q, q, generator=tg)
        J[i, :, j], J[j, :, i] = c, c.t()
    x = torch.randint(0, q, (n, L), generator=gen)
    for _ in range(40):
        for i in range(L):
            logits = h[i] + torch.einsum("ajb,njb->na", J[i], F.one_hot(x, q).float())
            x[:, i] = torch.multinomial(torch.softmax(logits, 1), 1, generator=gen).squeeze(1)
    return x


@functools.lru_cache(maxsize=4)
def _pt_pool(n: int) -> torch.Tensor:
    """The sampled sequences, cached in-process (deterministic; the Gibbs sampler takes about a second)."""
    return _pt_msa(n, torch.Generator().manual_seed(22702))


class PottsPLM(nn.Module):
    """GREMLIN's model (Kamisetty et al. 2013; Ovchinnikov's GREMLIN_TF): fields V (L, q) and couplings W (Lq x
    Lq), symmetrised and with the diagonal (site-with-itself) blocks masked; the conditional logits of every site
    given all the others are V + onehot(x) @ W. Both start at zero (mogwai starts the fields from the site
    frequencies instead)."""

    def __init__(self) -> None:
        super().__init__()
        L, q = PT_SITES, PT_STATES
        self.V = nn.Parameter(torch.zeros(L, q))
        self.W = nn.Parameter(torch.zeros(L * q, L * q))
        self.register_buffer("mask", 1 - torch.eye(L).repeat_interleave(q, 0).repeat_interleave(q, 1))

    def couplings(self) -> torch.Tensor:
        return (self.W + self.W.t()) * self.mask

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        oh = F.one_hot(x, PT_STATES).float().flatten(1)  # B, Lq
        return (oh @ self.couplings()).view(len(x), PT_SITES, PT_STATES) + self.V


def potts_loss(model: nn.Module, batch: Any, lam: float = 1e-3) -> torch.Tensor:
    """The negative log pseudo-likelihood per site (cross-entropy of every site given the rest) + 1e-3 x the mean
    squared coupling summed over the L(L-1) site pairs (an L2 penalty, as GREMLIN's); positive."""
    (x,) = batch
    nlpl = F.cross_entropy(model(x).flatten(0, 1), x.flatten())
    return nlpl + lam * (model.couplings() ** 2).sum() / (PT_SITES * (PT_SITES - 1))


def potts(batch_size: int = 32, seed: int = 0, train_size: int = 1500) -> dict[str, Any]:
    """A Potts model (12 sites, 4 states) fitted by pseudo-likelihood to 1500 sampled sequences; held out: 2048
    others; Adam (GREMLIN_TF and mogwai use an Adam variant)."""
    x = _pt_pool(train_size + 2048)
    torch.manual_seed(seed)
    return {"model": PottsPLM(), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": potts_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 2. tensor fusion network for multimodal sentiment regression (Adam)

TF_DIMS = (12, 8, 10)  # language, acoustic, visual feature sizes


def _tf_utterances(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Utterances with three views (language 12-d, acoustic 8-d, visual 10-d): each a noisy mixture of three shared
    latent factors (polarity, intensity, sarcasm) and view-specific nuisance; the sentiment (about -3 to 3) is the
    polarity scaled by the intensity, flipped when sarcastic cues in the acoustic and visual views agree, plus noise
    sd 0.3 (so unimodal and additive models fall short)."""
    tg = torch.Generator().manual_seed(23101)
    mix = [torch.randn(3, d, generator=tg) for d in TF_DIMS]
    nuis = [torch.randn(4, d, generator=tg) * 0.6 for d in TF_DIMS]
    pol = torch.tanh(1.5 * torch.randn(n, generator=gen))
    inten = 0.5 + torch.rand(n, generator=gen)
    sarc = torch.randn(n, generator=gen)
    z = torch.stack([pol, inten, sarc], 1)
    views = []
    for i, d in enumerate(TF_DIMS):
        zi = z.clone()
        if i == 0:
            zi[:, 2] = 0.2 * zi[:, 2]  # language barely shows the sarcasm
        views.append(zi @ mix[i] + torch.randn(n, 4, generator=gen) @ nuis[i] + 0.3 * torch.randn(n, d, generator=gen))
    flip = torch.tanh(2 * sarc)
    y = 2.5 * pol * inten * -flip + 0.3 * torch.randn(n, generator=gen)
    return views[0], views[1], views[2], y.unsqueeze(1)


class TensorFusion(nn.Module):
    """Zadeh et al.'s (2017) tensor fusion network: a subnetwork per view (an MLP to ``k`` units, ReLU), each
    embedding with a constant 1 appended, their three-fold outer product ((k + 1)^3 features, holding the unimodal,
    bimodal and trimodal terms), and an MLP on it to the sentiment."""

    def __init__(self, k: int = 6, hidden: int = 32) -> None:
        super().__init__()
        self.subnets = nn.ModuleList([nn.Sequential(nn.Linear(d, 16), nn.ReLU(), nn.Linear(16, k), nn.ReLU())
                                      for d in TF_DIMS])
        self.out = nn.Sequential(nn.Linear((k + 1) ** 3, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, l: torch.Tensor, a: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        zs = [F.pad(net(x), (0, 1), value=1.0) for net, x in zip(self.subnets, (l, a, v))]
        fused = torch.einsum("bi,bj,bk->bijk", *zs).flatten(1)
        return self.out(fused)


def tfn_l1(model: nn.Module, batch: Any) -> torch.Tensor:
    """Mean absolute error of the sentiment (the paper's L1 loss); positive (the labels are noisy)."""
    l, a, v, y = batch
    return (model(l, a, v) - y).abs().mean()


def tensor_fusion(batch_size: int = 32, seed: int = 0, train_size: int = 4096, k: int = 6) -> dict[str, Any]:
    """A tensor fusion network (view embeddings of 6, a 343-feature fusion, an MLP 32) on 4096 utterances; held out:
    2048 others; Adam (the paper's)."""
    gen = torch.Generator().manual_seed(23102)
    l, a, v, y = _tf_utterances(train_size + 2048, gen)
    tr = (l[:train_size], a[:train_size], v[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TensorFusion(k), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((l[train_size:], a[train_size:], v[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tfn_l1, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. Sinkhorn network learning to sort (Adam)

SK_N = 8


def _sk_lists(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lists of eight numbers (uniform on [0, 1]) in random order and their sorted versions."""
    x = torch.rand(n, SK_N, generator=gen)
    return x, torch.sort(x, 1).values


class SinkhornSorter(nn.Module):
    """Mena et al.'s (2018) Sinkhorn network: a shared MLP maps each element to a row of scores over the N output
    positions, divided by a temperature (1.0) and normalised by 20 Sinkhorn iterations in log space to a doubly
    stochastic matrix P; the prediction is P^T x (the soft-sorted list)."""

    def __init__(self, hidden: int = 32, iters: int = 20, tau: float = 1.0) -> None:
        super().__init__()
        self.iters, self.tau = iters, tau
        self.net = nn.Sequential(nn.Linear(1, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, SK_N))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        logp = self.net(x.unsqueeze(-1)) / self.tau  # B, N (elements), N (positions)
        for _ in range(self.iters):
            logp = logp - torch.logsumexp(logp, 2, keepdim=True)
            logp = logp - torch.logsumexp(logp, 1, keepdim=True)
        return (logp.exp() * x.unsqueeze(-1)).sum(1)


def sinkhorn_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE between the soft-sorted and the sorted list; positive (P is never a hard permutation)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sinkhorn_sorter(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32
                    ) -> dict[str, Any]:
    """A Sinkhorn network (an MLP 1-32-32-8, 20 iterations, temperature 1) sorting 4096 lists of 8; held out: 2048
    others; Adam (the paper's)."""
    gen = torch.Generator().manual_seed(23202)
    x, y = _sk_lists(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SinkhornSorter(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": sinkhorn_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. TFT variable selection network + gated residual networks (RAdam)

VS_LAGS, VS_VARS = 6, 12


def _vs_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Windows of a regime-switching daily series: y_t = a seasonal term (sin/cos of the weekday and of the year,
    known ahead) + a promotion effect (known ahead) + an AR(2) part whose coefficients switch with a hidden regime
    that a price level reveals, + noise sd 0.2. Inputs: the last six values, the next step's weekday sine and cosine,
    promotion flag and price, and two distractors (12 variables); target: the next value."""
    length = n + 16
    t = torch.arange(length).float()
    regime = (torch.cumsum((torch.rand(length, generator=gen) < 0.03).long(), 0) % 2).float()
    price = 1.0 + 0.5 * regime + 0.1 * torch.randn(length, generator=gen)
    promo = (torch.rand(length, generator=gen) < 0.15).float()
    season = 0.6 * torch.sin(2 * math.pi * t / 7) + 0.4 * torch.cos(2 * math.pi * t / 365)
    ar = torch.zeros(length)
    for i in range(2, length):
        a1, a2 = (0.9, -0.3) if regime[i] == 0 else (0.3, 0.5)
        ar[i] = a1 * ar[i - 1] + a2 * ar[i - 2] + 0.3 * torch.randn(1, generator=gen).item()
    y = season + 1.2 * promo * (1 + 0.5 * regime) + ar + 0.2 * torch.randn(length, generator=gen)
    idx = torch.arange(VS_LAGS, length - 1)[:n]
    lags = torch.stack([y[idx - k] for k in range(VS_LAGS)], 1)
    known = torch.stack([torch.sin(2 * math.pi * (t[idx] + 1) / 7), torch.cos(2 * math.pi * (t[idx] + 1) / 7),
                         promo[idx + 1], price[idx + 1]], 1)
    noise = torch.randn(len(idx), 2, generator=gen)
    return torch.cat([lags, known, noise], 1), y[idx + 1].unsqueeze(1)


class GRN(nn.Module):
    """TFT's gated residual network: LayerNorm(skip(a) + GLU(W1 ELU(W2 a + W3 c))), dropout omitted."""

    def __init__(self, i: int, hidden: int, o: int, context: int = 0) -> None:
        super().__init__()
        self.w2 = nn.Linear(i, hidden)
        self.w3 = nn.Linear(context, hidden, bias=False) if context else None
        self.w1 = nn.Linear(hidden, 2 * o)
        self.skip = nn.Linear(i, o) if i != o else nn.Identity()
        self.norm = nn.LayerNorm(o)

    def forward(self, a: torch.Tensor, c: torch.Tensor | None = None) -> torch.Tensor:
        h = self.w2(a) + (self.w3(c) if self.w3 is not None and c is not None else 0.0)
        return self.norm(self.skip(a) + F.glu(self.w1(F.elu(h)), -1))


class VarGRNs(nn.Module):
    """One GRN per variable (no context, d -> d), computed for all the variables at once with batched weights."""

    def __init__(self, v: int, d: int) -> None:
        super().__init__()
        lin = lambda i, o: nn.Parameter(torch.empty(v, i, o).uniform_(-i ** -0.5, i ** -0.5))  # noqa: E731
        self.w2, self.b2 = lin(d, d), nn.Parameter(torch.zeros(v, d))
        self.w1, self.b1 = lin(d, 2 * d), nn.Parameter(torch.zeros(v, 2 * d))
        self.norm = nn.LayerNorm(d)

    def forward(self, e: torch.Tensor) -> torch.Tensor:  # B, V, d
        h = F.elu(torch.einsum("bvi,vio->bvo", e, self.w2) + self.b2)
        return self.norm(e + F.glu(torch.einsum("bvi,vio->bvo", h, self.w1) + self.b1, -1))


class VSNForecaster(nn.Module):
    """TFT's variable selection network over 12 scalar variables (each embedded linearly to d, its own GRN, softmax
    weights from a GRN over the concatenated embeddings), a GRN over the weighted sum and a linear head."""

    def __init__(self, d: int = 8) -> None:
        super().__init__()
        self.embed = nn.Parameter(torch.randn(VS_VARS, d) * 0.5)
        self.embed_b = nn.Parameter(torch.zeros(VS_VARS, d))
        self.var_grns = VarGRNs(VS_VARS, d)
        self.select = GRN(VS_VARS * d, d, VS_VARS)
        self.post = GRN(d, d, d)
        self.head = nn.Linear(d, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        e = x.unsqueeze(-1) * self.embed + self.embed_b  # B, V, d
        w = torch.softmax(self.select(e.flatten(1)), -1)  # B, V
        h = self.var_grns(e)
        return self.head(self.post((w.unsqueeze(-1) * h).sum(1)))


def vsn_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE of the next value; positive (the series is noisy)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def vsn_forecaster(batch_size: int = 32, seed: int = 0, train_size: int = 3000, d: int = 8) -> dict[str, Any]:
    """A VSN + GRN forecaster (d 8) on 3000 windows of one series; held out: the next 1000 windows (later in time);
    RAdam (pytorch-forecasting's Ranger without Lookahead)."""
    gen = torch.Generator().manual_seed(22502)
    x, y = _vs_windows(train_size + 1000, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VSNForecaster(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 500),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": vsn_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. closed-form continuous-time (CfC) network on irregular series (RMSprop; a long plan only)

CF_LEN = 20


def _cf_series(n: int, gen: torch.Generator, length: int = CF_LEN) -> tuple[torch.Tensor, torch.Tensor]:
    """Irregularly sampled damped oscillations: per series a frequency (0.8-2.5 rad/unit), a decay (0-0.4), an
    amplitude, a phase and an offset; gaps between observations uniform in [0.1, 0.7]; observation noise sd 0.05.
    Returns inputs (n, L, 2) = (value, gap to the next observation) and targets (n, L) = the next value."""
    u = lambda: torch.rand(n, 1, generator=gen)  # noqa: E731
    w, lam, amp, ph, off = 0.8 + 1.7 * u(), 0.4 * u(), 0.5 + 0.7 * u(), 2 * math.pi * u(), 0.4 * (u() - 0.5)
    gaps = 0.1 + 0.6 * torch.rand(n, length + 1, generator=gen)
    t = torch.cumsum(gaps, 1) - gaps[:, :1]
    y = off + amp * torch.exp(-lam * t) * torch.cos(w * t + ph) + 0.05 * torch.randn(n, length + 1, generator=gen)
    return torch.stack([y[:, :-1], gaps[:, 1:]], -1), y[:, 1:]


class CfCCell(nn.Module):
    """ncps's ``CfCCell`` (default mode): a backbone Linear + LeCun tanh (1.7159 tanh(0.666 x)) over [input,
    state], heads ff1 = tanh(W1 z), ff2 = tanh(W2 z), the time gate t = sigmoid(t_a(z) * dt + t_b(z)), and the new
    state ff1 * (1 - t) + t * ff2."""

    def __init__(self, inputs: int, hidden: int, backbone: int) -> None:
        super().__init__()
        self.backbone = nn.Linear(inputs + hidden, backbone)
        self.heads = nn.Linear(backbone, 4 * hidden)  # ff1, ff2, t_a, t_b in one matmul
        for m in (self.backbone, self.heads):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)

    def forward(self, x: torch.Tensor, h: torch.Tensor, dt: torch.Tensor) -> torch.Tensor:
        z = 1.7159 * torch.tanh(0.666 * self.backbone(torch.cat([x, h], 1)))
        ff1, ff2, ta, tb = self.heads(z).chunk(4, 1)
        gate = torch.sigmoid(ta * dt + tb)
        return torch.tanh(ff1) * (1 - gate) + gate * torch.tanh(ff2)


class CfCForecaster(nn.Module):
    """A CfC over the series (the gap to the next observation is both an input and the cell's elapsed time), a
    linear readout of the next value at every step."""

    def __init__(self, hidden: int = 32, backbone: int = 32) -> None:
        super().__init__()
        self.hidden = hidden
        self.cell = CfCCell(2, hidden, backbone)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = x.new_zeros(len(x), self.hidden)
        states = []
        for i in range(x.shape[1]):
            h = self.cell(x[:, i], h, x[:, i, 1:])
            states.append(h)
        return self.out(torch.stack(states, 1)).squeeze(-1)


def cfc_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """One-step-ahead MSE over every step; positive (the observations are noisy)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def cfc(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32, backbone: int = 32,
        length: int = CF_LEN) -> dict[str, Any]:
    """A CfC (32 units, backbone 32) on 4096 series of 20 irregular observations; held out: 1024 others; RMSprop."""
    gen = torch.Generator().manual_seed(22302)
    x, y = _cf_series(train_size + 1024, gen, length)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CfCForecaster(hidden, backbone), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": cfc_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. input convex neural network (Adam; a long plan only)

IC_DIM = 4


def _ic_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Noisy samples of a convex function on [-2, 2]^4: a soft maximum (log-sum-exp, temperature 0.3) of twelve
    fixed affine pieces plus a weak anisotropic quadratic and a Huber term; noise sd 0.1; the target then
    standardised."""
    tg = torch.Generator().manual_seed(22901)
    a, c = torch.randn(12, IC_DIM, generator=tg), 0.5 * torch.randn(12, generator=tg)
    scale = torch.tensor([0.05, 0.2, 0.1, 0.0])
    x = 4 * torch.rand(n, IC_DIM, generator=gen) - 2
    y = (0.3 * torch.logsumexp((x @ a.t() + c) / 0.3, 1) + (scale * x ** 2).sum(1)
         + F.huber_loss(x[:, 3], torch.full((n,), 0.5), reduction="none", delta=0.3))
    y = y + 0.1 * torch.randn(n, generator=gen)
    return x, ((y - y.mean()) / y.std()).unsqueeze(1)  # standardised, as a user would


class ICNN(nn.Module):
    """A fully input convex network (Amos et al. 2017): z_1 = relu(A_0 x + b_0), z_{k+1} = relu(W_k z_k + A_k x +
    b_k) with W_k >= 0 (a softplus of a free N(0, 1) parameter, divided by the width), the output W_L z_L + A_L x +
    b_L; convex in x."""

    def __init__(self, width: int = 32, depth: int = 3) -> None:
        super().__init__()
        self.inp = nn.ModuleList([nn.Linear(IC_DIM, width)] + [nn.Linear(IC_DIM, width) for _ in range(depth - 1)]
                                 + [nn.Linear(IC_DIM, 1)])
        self.width = width
        self.z = nn.ParameterList([nn.Parameter(torch.randn(width, width)) for _ in range(depth - 1)]
                                  + [nn.Parameter(torch.randn(1, width))])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = F.relu(self.inp[0](x))
        for a, w in zip(self.inp[1:-1], self.z[:-1]):
            z = F.relu(z @ F.softplus(w).t() / self.width + a(x))
        return z @ F.softplus(self.z[-1]).t() / self.width + self.inp[-1](x)


def icnn_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE; positive (the samples are noisy)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def icnn(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32, depth: int = 3
         ) -> dict[str, Any]:
    """An ICNN (3 hidden layers of 32) on 4096 samples; held out: 2048 others; Adam (the paper's)."""
    gen = torch.Generator().manual_seed(22902)
    x, y = _ic_samples(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ICNN(width, depth), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": icnn_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("potts_adam", potts, 300, "potts_model_pseudolikelihood", "adam", "finite", 32, seconds=0.5, start_lr=0.004),
    W("tfn_adam", tensor_fusion, 300, "tensor_fusion_network", "adam", "finite", 32, seconds=0.7, start_lr=0.008),
    W("sinkhorn_adam", sinkhorn_sorter, 300, "sinkhorn_permutation_network", "adam", "finite", 32, seconds=1.4,
      start_lr=0.064),
    W("vsn_radam", vsn_forecaster, 300, "tft_variable_selection_network", "radam", "finite", 32, seconds=1.4,
      start_lr=0.128),
)
LONG = (
    W("cfc_rmsprop@long", cfc, 3000, "closed_form_continuous_time_rnn", "rmsprop", "finite", 16,
      dict(hidden=16, backbone=16, length=6), seconds=11.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("icnn_adam@long", icnn, 3000, "input_convex_neural_network", "adam", "finite", 32, seconds=6.0,
      start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("potts_adam@long", potts, 3000, "potts_model_pseudolikelihood", "adam", "finite", 32, dict(train_size=600),
      seconds=3.5, start_lr=0.00025, grid_fractions=(0.0, 0.05), long_of="potts_adam"),
    W("tfn_adam@long", tensor_fusion, 3000, "tensor_fusion_network", "adam", "finite", 32, seconds=6.0,
      start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="tfn_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam22_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-second exam's workloads")
