"""The twenty-sixth exam: six more workload families that neither the suite nor the first twenty-five exams have.

Same rules as exams 1-25 (``exam_workloads.py`` ... ``exam25_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam25_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 25's own
(concept bottleneck model, attribute zero-shot learning, parametric t-SNE, learning to defer, DRN, GraN-DAG) and the
ones tried, dropped or set aside in exam 23's, 24's and 25's READMEs.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- profiled side-channel analysis (a deep-learning profiling attack in the style of ASCAD, Benadjila et al. 2019):
  an MLP reads a power trace of an unprotected S-box computation (with random desynchronisation) and predicts the
  Hamming weight of the S-box output (nine classes), cross-entropy; RMSprop (the ASCAD reference code's
  ``RMSprop``; rho 0.9 and eps 1e-7 as Keras's defaults there)
- a neural differential distinguisher for 5-round Speck32/64 (Gohr 2019): a small residual 1-d convolutional
  net (16 filters, one block) over the 64 ciphertext bits of a pair tells pairs with the input difference (0x0040, 0) from random pairs;
  the mean squared error of its sigmoid output, as Gohr's; Adam with an L2 penalty of 1e-5 (Gohr's code: Keras
  ``Adam`` and ``l2(1e-5)`` kernel regularisers, here as Adam's ``weight_decay``)
- feedback alignment (Lillicrap et al. 2016): an MLP regression trained with fixed random feedback matrices in place
  of the transposed forward weights in the backward pass (a custom autograd function); the MSE to a noisy
  nonlinear teacher; plain SGD (the paper's)
- partial-label learning with the classifier-consistent loss (Feng et al. 2020; the same loss as PRODEN's first
  epoch, Lv et al. 2020): each training item carries a candidate label set that holds its true label and each
  other label with probability 0.3; the loss is -log of the predicted mass on the candidate set; SGD with
  momentum 0.9 and weight decay 1e-4 (the partial-label papers' CIFAR-style recipe, from memory; not checked)
- decision-focused learning, "smart predict-then-optimise" (the SPO+ loss, Elmachtoub & Grigas 2022; a long plan
  only): an MLP predicts the 24 edge costs of a 4 x 4 grid shortest-path problem from five features (PyEPO's
  shortest-path generator, polynomial degree 6, multiplicative noise half-width 0.25); the SPO+ loss, with the
  shortest path solved by dynamic programming inside the loss; Adam (PyEPO's tutorials')
- hyperspectral unmixing with an autoencoder (Palsson et al. 2018's deep unmixing autoencoder, simplified; a long
  plan only): an MLP encoder maps a 64-band pixel spectrum to four abundances (softmax: non-negative, summing to
  one), a linear decoder whose non-negative weights are the endmember spectra (started at four training pixels)
  reconstructs it; the loss is the spectral angle distance; Adam (common in unmixing autoencoder code; from
  memory, not checked)

No Adagrad or Adadelta plan: none of these fields uses them. No AdamW plan. Three plans use Adam (Speck, SPO+,
unmixing), two RMSprop (both side-channel plans), one plain SGD (feedback alignment), two SGD with momentum (both
partial-label plans).

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): SPO+ and unmixing (no
short plan), partial-label learning and side-channel analysis on larger pools (16384 items). What was tried and
dropped before the first commit is listed in ``benchmarks/results/exam26/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam26_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam26/README.md).

    python benchmarks/exam26_workloads.py          # the table
    python benchmarks/exam26_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 26"


def _hw(v: torch.Tensor) -> torch.Tensor:
    """Hamming weight of bytes (an integer tensor)."""
    return sum(((v >> b) & 1) for b in range(8))


# --------------------------------------------------------------------------------------------------------------
# 1. profiled side-channel analysis, ASCAD-style MLP (RMSprop)

SC_LEN = 60


def _sc_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Power traces of one unprotected S-box computation under a fixed secret key byte. The S-box is a fixed random
    permutation of the bytes (standing in for AES's). A trace is a fixed baseline waveform + the Hamming-weight
    leakage (centred) of the plaintext byte (samples 8-10), of p xor k (16-18) and of the S-box output (24-27,
    each sample its own fixed gain) + Gaussian noise sd 1.5, the whole trace shifted by a random desynchronisation
    of -2..2 samples (circular). Returns (traces, Hamming weight of the S-box output, 0..8)."""
    tg = torch.Generator().manual_seed(26101)
    sbox = torch.randperm(256, generator=tg)
    key = int(torch.randint(0, 256, (1,), generator=tg))
    base = torch.cumsum(0.3 * torch.randn(SC_LEN, generator=tg), 0)
    gains = 0.6 + 0.6 * torch.rand(4, generator=tg)
    p = torch.randint(0, 256, (n,), generator=gen)
    v = sbox[p ^ key]
    t = base.repeat(n, 1)
    hp, hx, hv = (_hw(p) - 4).float(), (_hw(p ^ key) - 4).float(), (_hw(v) - 4).float()
    t[:, 8:11] += 0.8 * hp.unsqueeze(1)
    t[:, 16:19] += 0.8 * hx.unsqueeze(1)
    t[:, 24:28] += gains * hv.unsqueeze(1)
    t = t + 1.5 * torch.randn(n, SC_LEN, generator=gen)
    shift = torch.randint(-2, 3, (n,), generator=gen)
    idx = (torch.arange(SC_LEN).unsqueeze(0) - shift.unsqueeze(1)) % SC_LEN
    t = t.gather(1, idx)
    return t, _hw(v)


def side_channel(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """An ASCAD-style profiling MLP (60-64-64-64-9, ReLU) on 4096 profiling traces, each sample point standardised
    over the profiling set; held out: 2048 attack-phase traces; RMSprop (rho 0.9, eps 1e-7, Keras's defaults)."""
    gen = torch.Generator().manual_seed(26102)
    x, y = _sc_traces(train_size + 2048, gen)
    mu, sd = x[:train_size].mean(0), x[:train_size].std(0)
    x = (x - mu) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(SC_LEN, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 9))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7),
                                "rmsprop_rho0.9"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. Gohr's neural distinguisher for round-reduced Speck32/64 (Adam with L2)

SP_MASK = 0xFFFF


def _ror(x: torch.Tensor, r: int) -> torch.Tensor:
    return ((x >> r) | (x << (16 - r))) & SP_MASK


def _rol(x: torch.Tensor, r: int) -> torch.Tensor:
    return ((x << r) | (x >> (16 - r))) & SP_MASK


def _speck_round(x: torch.Tensor, y: torch.Tensor, k: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    x = ((_ror(x, 7) + y) & SP_MASK) ^ k
    return x, _rol(y, 2) ^ x


def _speck_encrypt(x: torch.Tensor, y: torch.Tensor, key: torch.Tensor, rounds: int) -> tuple[torch.Tensor, ...]:
    """Speck32/64 reduced to ``rounds`` rounds; ``key`` is (n, 4) words, the key schedule as the reference code's."""
    ks = [key[:, 3]]
    ls = [key[:, 2], key[:, 1], key[:, 0]]
    for i in range(rounds - 1):
        ls[i % 3], k = _speck_round(ls[i % 3], ks[i], torch.full_like(ks[i], i))
        ks.append(k)
    for k in ks:
        x, y = _speck_round(x, y, k)
    return x, y


def _speck_pairs(n: int, gen: torch.Generator, rounds: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Gohr's data: a random key per pair; label 1: plaintexts P and P xor (0x0040, 0); label 0: P and a random
    plaintext. Features: the 64 bits of the two ciphertexts as four 16-bit words (4 channels x 16 positions)."""
    label = torch.randint(0, 2, (n,), generator=gen)
    key = torch.randint(0, 1 << 16, (n, 4), generator=gen)
    p0l = torch.randint(0, 1 << 16, (n,), generator=gen)
    p0r = torch.randint(0, 1 << 16, (n,), generator=gen)
    rl = torch.randint(0, 1 << 16, (n,), generator=gen)
    rr = torch.randint(0, 1 << 16, (n,), generator=gen)
    p1l = torch.where(label == 1, p0l ^ 0x0040, rl)
    p1r = torch.where(label == 1, p0r, rr)
    c0l, c0r = _speck_encrypt(p0l, p0r, key, rounds)
    c1l, c1r = _speck_encrypt(p1l, p1r, key, rounds)
    words = torch.stack([c0l, c0r, c1l, c1r], 1)  # n, 4
    bits = ((words.unsqueeze(2) >> torch.arange(15, -1, -1)) & 1).float()  # n, 4, 16 (most significant first)
    return bits, label.float()


class GohrNet(nn.Module):
    """Gohr's residual tower, small: a width-1 convolution to 32 filters, residual blocks of two width-3
    convolutions with batch norm and ReLU, then a dense head 512-64-1 (sigmoid)."""

    def __init__(self, filters: int = 16, depth: int = 1) -> None:
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(4, filters, 1), nn.BatchNorm1d(filters), nn.ReLU())
        self.blocks = nn.ModuleList(
            nn.Sequential(nn.Conv1d(filters, filters, 3, padding=1), nn.BatchNorm1d(filters), nn.ReLU(),
                          nn.Conv1d(filters, filters, 3, padding=1), nn.BatchNorm1d(filters), nn.ReLU())
            for _ in range(depth))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(16 * filters, 64), nn.BatchNorm1d(64), nn.ReLU(),
                                  nn.Linear(64, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for b in self.blocks:
            h = h + b(h)
        return torch.sigmoid(self.head(h)).squeeze(1)


def speck_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """Gohr's loss: the mean squared error of the sigmoid output against the 0/1 label."""
    x, y = batch
    return (model(x) - y).pow(2).mean()


def speck_distinguisher(batch_size: int = 32, seed: int = 0, train_size: int = 8192, rounds: int = 5
                        ) -> dict[str, Any]:
    """Gohr's distinguisher for ``rounds``-round Speck32/64 on 8192 pairs; held out: 4096 other pairs in batches of
    1024; Adam with L2 1e-5 (as ``weight_decay``)."""
    gen = torch.Generator().manual_seed(26202)
    x, y = _speck_pairs(train_size + 4096, gen, rounds)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GohrNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=1e-5), "adam_l2_1e-5"),
            "loss_fn": speck_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. feedback alignment (plain SGD)

FA_IN, FA_OUT = 20, 10


class _FALinearFn(torch.autograd.Function):
    """y = x W^T + b; backward sends the error to the input through the fixed feedback matrix B, not W."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor, w: torch.Tensor, b: torch.Tensor, fb: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x, fb)
        return x @ w.t() + b

    @staticmethod
    def backward(ctx: Any, g: torch.Tensor) -> tuple[Any, ...]:
        x, fb = ctx.saved_tensors
        return g @ fb, g.t() @ x, g.sum(0), None


class FALinear(nn.Module):
    """A linear layer trained by feedback alignment: its fixed random feedback matrix is a buffer drawn from the
    factory's generator (the same for every seed)."""

    def __init__(self, n_in: int, n_out: int, gen: torch.Generator) -> None:
        super().__init__()
        lin = nn.Linear(n_in, n_out)
        self.weight, self.bias = lin.weight, lin.bias
        self.register_buffer("fb", torch.randn(n_out, n_in, generator=gen) / n_in**0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return _FALinearFn.apply(x, self.weight, self.bias, self.fb)


def _fa_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs N(0, I_20); targets from a fixed random teacher 20-48-10 (tanh) + noise sd 0.2."""
    tg = torch.Generator().manual_seed(26301)
    w1 = torch.randn(FA_IN, 48, generator=tg) * 1.5 / FA_IN**0.5
    w2 = torch.randn(48, FA_OUT, generator=tg) / 48**0.5
    x = torch.randn(n, FA_IN, generator=gen)
    return x, torch.tanh(x @ w1) @ w2 + 0.2 * torch.randn(n, FA_OUT, generator=gen)


def fa_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """Half the squared error summed over the ten outputs, averaged over the batch."""
    x, t = batch
    return 0.5 * (model(x) - t).pow(2).sum(1).mean()


def feedback_alignment(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64
                       ) -> dict[str, Any]:
    """An MLP 20-64-64-10 (tanh) trained by feedback alignment on 4096 items; held out: 2048 others; plain SGD."""
    gen = torch.Generator().manual_seed(26302)
    x, t = _fa_items(train_size + 2048, gen)
    tr = (x[:train_size], t[:train_size])
    fbgen = torch.Generator().manual_seed(26303)
    torch.manual_seed(seed)
    model = nn.Sequential(FALinear(FA_IN, hidden, fbgen), nn.Tanh(), FALinear(hidden, hidden, fbgen), nn.Tanh(),
                          FALinear(hidden, FA_OUT, fbgen))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": fa_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. partial-label learning, classifier-consistent loss (SGD with momentum and weight decay)

PL_DIM, PL_CLASSES = 24, 10


def _pl_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Items of 24 Gaussian features; the true class (of ten) from a fixed random teacher MLP + Gumbel noise (scale
    0.4); the candidate set holds the true class and each other class independently with probability 0.3 (the
    uniform flipping of the partial-label benchmarks). Returns (features, candidate mask as floats)."""
    tg = torch.Generator().manual_seed(26401)
    w1 = torch.randn(PL_DIM, 48, generator=tg) / PL_DIM**0.5
    w2 = torch.randn(48, PL_CLASSES, generator=tg)
    x = torch.randn(n, PL_DIM, generator=gen)
    u = torch.rand(n, PL_CLASSES, generator=gen).clamp(1e-9, 1 - 1e-9)
    y = (torch.tanh(2 * x @ w1) @ w2 - 0.4 * torch.log(-torch.log(u))).argmax(1)
    cand = (torch.rand(n, PL_CLASSES, generator=gen) < 0.3).float()
    cand[torch.arange(n), y] = 1.0
    return x, cand


def cc_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Feng et al.'s classifier-consistent partial-label loss: -log of the softmax mass on the candidate set."""
    x, cand = batch
    logp = torch.log_softmax(model(x), 1)
    return -torch.logsumexp(logp.masked_fill(cand == 0, float("-inf")), 1).mean()


def partial_label(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """An MLP 24-64-64-10 (ReLU) on 4096 partially labelled items; held out: 2048 others with their candidate
    sets; SGD, momentum 0.9, weight decay 1e-4."""
    gen = torch.Generator().manual_seed(26402)
    x, cand = _pl_items(train_size + 2048, gen)
    tr = (x[:train_size], cand[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(PL_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, PL_CLASSES))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], cand[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": cc_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. decision-focused learning: SPO+ on grid shortest paths (Adam; long only)

SPO_GRID, SPO_FEATS = 4, 5
SPO_EDGES = 2 * SPO_GRID * (SPO_GRID - 1)  # 12 rightward, then 12 downward


def _diagonal_index() -> list[tuple[torch.Tensor, torch.Tensor]]:
    """For each anti-diagonal d = i + j of the grid (d >= 1), the column of each node's incoming rightward edge
    (from (i, j - 1)) and downward edge (from (i - 1, j)) in the edge-cost vector, indexed by row i; SPO_EDGES (a
    padding column of +inf) where there is no such edge or node."""
    g = SPO_GRID
    out = []
    for d in range(1, 2 * g - 1):
        r_idx, d_idx = [], []
        for i in range(g):
            j = d - i
            ok = 0 <= j < g
            r_idx.append(i * (g - 1) + j - 1 if ok and j >= 1 else SPO_EDGES)
            d_idx.append(g * (g - 1) + (i - 1) * g + j if ok and i >= 1 else SPO_EDGES)
        out.append((torch.tensor(r_idx), torch.tensor(d_idx)))
    return out


_DIAGONALS = _diagonal_index()


def _shortest(c: torch.Tensor) -> torch.Tensor:
    """The shortest top-left to bottom-right path length on the grid (moves right or down) for each row of edge
    costs ``c`` (n, 24: the 12 rightward edges row by row, then the 12 downward ones), by dynamic programming over
    the anti-diagonals; its gradient in ``c`` is the path's edge indicator."""
    n, g = len(c), SPO_GRID
    cp = torch.cat([c, torch.full((n, 1), math.inf)], 1)
    inf = torch.full((n, 1), math.inf)
    dist = torch.cat([torch.zeros(n, 1), torch.full((n, g - 1), math.inf)], 1)  # diagonal 0, indexed by row
    for r_idx, d_idx in _DIAGONALS:
        from_left = dist + cp[:, r_idx]
        from_above = torch.cat([inf, dist[:, :-1]], 1) + cp[:, d_idx]
        dist = torch.minimum(from_left, from_above)
    return dist[:, g - 1]


def _spo_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """PyEPO's shortest-path data on a 4 x 4 grid: features N(0, I_5); a fixed Bernoulli(0.5) matrix B (24 x 5);
    each edge cost [((B x)_e / sqrt(5) + 3)^6 / 3.5^6 + 1] x a multiplicative noise U[0.75, 1.25]. Returns (features, true costs,
    the true optimal path's edge indicator, its length)."""
    tg = torch.Generator().manual_seed(26501)
    b = (torch.rand(SPO_EDGES, SPO_FEATS, generator=tg) < 0.5).float()
    x = torch.randn(n, SPO_FEATS, generator=gen)
    c = ((x @ b.t() / SPO_FEATS**0.5 + 3) ** 6 / 3.5**6 + 1) * (0.75 + 0.5 * torch.rand(n, SPO_EDGES, generator=gen))
    cc = c.clone().requires_grad_(True)
    z = _shortest(cc)
    (w,) = torch.autograd.grad(z.sum(), cc)
    return x, c, w, z.detach()


def spo_plus(model: nn.Module, batch: Any) -> torch.Tensor:
    """The SPO+ loss, mean over the batch: max_w (c - 2 c_hat)^T w + 2 c_hat^T w*(c) - z*(c), the max over paths
    being -(the shortest path length under costs 2 c_hat - c). A batch row holds an instance's features, true
    costs, optimal path's edge indicator and its length, side by side."""
    (row,) = batch
    x, c, w, z = row.split([SPO_FEATS, SPO_EDGES, SPO_EDGES, 1], 1)
    z = z.squeeze(1)
    c_hat = model(x)
    return (-_shortest(2 * c_hat - c) + 2 * (c_hat * w).sum(1) - z).mean()


def spo_shortest_path(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 32
                      ) -> dict[str, Any]:
    """An MLP 5-32-24 (ReLU) cost predictor trained by SPO+ on 16384 instances; held out: 2048 others in batches
    of 1024; Adam (PyEPO's)."""
    gen = torch.Generator().manual_seed(26502)
    x, c, w, z = _spo_items(train_size + 2048, gen)
    rows = torch.cat([x, c, w, z.unsqueeze(1)], 1)
    tr = (rows[:train_size],)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(SPO_FEATS, hidden), nn.ReLU(), nn.Linear(hidden, SPO_EDGES))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((rows[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": spo_plus, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. hyperspectral unmixing autoencoder (Adam; long only)

HU_BANDS, HU_END = 64, 4


def _hu_pixels(n: int, gen: torch.Generator) -> torch.Tensor:
    """Pixels of a linear mixing model: four fixed smooth endmember spectra (a positive baseline + three Gaussian
    absorption / reflectance bumps each); abundances on the simplex (normalised fourth powers of exponentials:
    mostly one dominant material); a per-pixel illumination scale U[0.7, 1.3]; a small bilinear (second-order
    scattering) term between the first two materials; Gaussian noise sd 0.005."""
    tg = torch.Generator().manual_seed(26601)
    lam = torch.linspace(0, 1, HU_BANDS)
    ends = []
    for _ in range(HU_END):
        s = 0.3 + 0.3 * torch.rand(1, generator=tg) + 0.2 * lam * torch.randn(1, generator=tg)
        for _ in range(3):
            mu, wd, h = torch.rand(1, generator=tg), 0.05 + 0.1 * torch.rand(1, generator=tg), torch.randn(1, generator=tg)
            s = s + 0.25 * h * torch.exp(-0.5 * ((lam - mu) / wd) ** 2)
        ends.append(s.clamp_min(0.02))
    m = torch.stack(ends)  # 4, bands
    a = (-torch.log(torch.rand(n, HU_END, generator=gen))) ** 4
    a = a / a.sum(1, keepdim=True)
    scale = 0.7 + 0.6 * torch.rand(n, 1, generator=gen)
    y = scale * (a @ m + 0.3 * (a[:, :1] * a[:, 1:2]) * m[0] * m[1])
    return y + 0.005 * torch.randn(n, HU_BANDS, generator=gen)


class UnmixingAE(nn.Module):
    """Encoder 64-32-16-4 (leaky ReLU) with a softmax (abundance non-negativity and sum-to-one); decoder a linear
    4 -> 64 map without bias whose absolute weights are the endmember spectra, started at four training pixels
    (``init``; unmixing code starts them at extracted or sampled pixels rather than at random)."""

    def __init__(self, init: torch.Tensor) -> None:
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(HU_BANDS, 32), nn.LeakyReLU(0.1), nn.Linear(32, 16), nn.LeakyReLU(0.1),
                                 nn.Linear(16, HU_END))
        self.endmembers = nn.Parameter(init.clone())

    def forward(self, y: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.enc(y), 1) @ self.endmembers.abs()


def sad_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The spectral angle distance between each pixel and its reconstruction (radians), averaged."""
    (y,) = batch
    r = model(y)
    cos = (y * r).sum(1) / (y.norm(dim=1) * r.norm(dim=1) + 1e-8)
    return torch.arccos(cos.clamp(-1 + 1e-6, 1 - 1e-6)).mean()


def unmixing(batch_size: int = 32, seed: int = 0, train_size: int = 16384) -> dict[str, Any]:
    """A deep unmixing autoencoder on 16384 pixels, its endmembers started at four random training pixels (drawn
    with the seed); held out: 4096 others in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(26602)
    y = _hu_pixels(train_size + 4096, gen)
    tr = (y[:train_size],)
    torch.manual_seed(seed)
    init = tr[0][torch.randperm(train_size)[:HU_END]]
    return {"model": UnmixingAE(init), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((y[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": sad_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sca_rmsprop", side_channel, 300, "profiled_side_channel_analysis", "rmsprop_rho0.9", "finite", 32,
      seconds=0.5, start_lr=0.016),
    W("speck_adam", speck_distinguisher, 300, "neural_differential_distinguisher_speck", "adam_l2_1e-5", "finite", 32,
      seconds=1.5, start_lr=0.016),
    W("fa_sgd", feedback_alignment, 300, "feedback_alignment", "sgd", "finite", 32, seconds=0.4, start_lr=0.2),
    W("pll_sgdm", partial_label, 300, "partial_label_learning", "sgd_momentum0.9_wd1e-4", "finite", 32,
      seconds=0.4, start_lr=0.1),
)
LONG = (
    W("spo_adam@long", spo_shortest_path, 3000, "spo_plus_decision_focused_learning", "adam", "finite", 32,
      seconds=9.0, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("unmix_adam@long", unmixing, 3000, "hyperspectral_unmixing_autoencoder", "adam", "finite", 32,
      seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("pll_sgdm@long", partial_label, 3000, "partial_label_learning", "sgd_momentum0.9_wd1e-4", "finite", 32,
      dict(train_size=16384), seconds=4.0, start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="pll_sgdm"),
    W("sca_rmsprop@long", side_channel, 3000, "profiled_side_channel_analysis", "rmsprop_rho0.9", "finite", 32,
      dict(train_size=16384), seconds=4.0, start_lr=0.001, grid_fractions=(0.0, 0.05), long_of="sca_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam26_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-sixth exam's workloads")
