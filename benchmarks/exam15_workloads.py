"""The fifteenth exam: six more workload families that neither the suite nor the first fourteen exams have.

Same rules as exams 1-14 (``exam_workloads.py`` ... ``exam14_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam14_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 14's own
(PointNet, ComplEx-N3, deep ensemble, deep hedging, Behler-Parrinello potential, Dragonnet) and its dropped MAML on
sinusoids, spatial transformer and BiDAF-style reader.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- SincNet (Ravanelli & Bengio 2018): a first convolution of learned band-pass filters (each a difference of two
  windowed sincs, parametrised by its low cut-off and band width), max pooling, layer norm and leaky ReLU, a
  second plain convolution, an MLP; classifying raw synthetic waveforms of six "speakers" (each a pair of formant
  bands) with 10% flipped labels; RMSprop with alpha 0.95 and eps 1e-8 (SincNet's configuration)
- PGD adversarial training (Madry et al. 2018): an MLP classifier trained on the cross-entropy at the worst case
  found by 3 steps of projected gradient ascent in an L-infinity ball (eps 0.1, random start), teacher-labelled
  points with 5% flipped labels; the held-out loss is the same robust cross-entropy; SGD with momentum 0.9 and
  weight decay 2e-4 (Madry et al.'s)
- DeepONet (Lu et al. 2021): a branch MLP on an input function's values at 32 sensors and a trunk MLP on the query
  location, their dot product plus a bias, regressing the solution of the non-linear ODE s' = u(x) - s^3 at random
  query points from noisy measurements; Adam (DeepXDE's)
- Caser (Tang & Wang 2018): convolutional sequence embedding for next-item recommendation (horizontal filters of
  heights 1-3 max-pooled over a window of the last 3 items, vertical filters, a user embedding), the full softmax
  cross-entropy of the next item on sessions drawn from a teacher with user taste and a third-order item chain;
  Adam with weight decay 1e-6 (Caser's code)
- decomposable attention (Parikh et al. 2016): attend (soft alignment of premise and hypothesis tokens), compare
  (an MLP on each token with its aligned phrase), aggregate (sums, an MLP), three-way natural-language inference
  on synthetic premises and hypotheses built from concepts, synonyms and antonyms, 10% flipped labels; Adagrad
  with initial accumulator 0.1 (the paper's)
- Koopman autoencoder (Lusch et al. 2018): an MLP encoder to 8 latent coordinates advanced by one learned linear
  operator K, an MLP decoder; reconstruction + multi-step prediction + latent linearity losses on noisy
  trajectories of a damped pendulum; AdamW with weight decay 1e-4 (as Koopman-autoencoder code trains it)

Long plans (``<name>@long``, total_steps = 3000): tiny versions of two families, grid warmup 0 and 5% only (see
``LONG``): DeepONet (one hidden layer of 16 in each net) and PGD adversarial training (10-16-16-4). Both take 4-6 s a
run on the 2 shared cores this exam was built on, over the ~4 s aimed for (no tiny version of any of the six came
under 4.5 s there).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and the
adversary's random starts and the dropout). The entrypoint is ``benchmarks/exam15_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam15/README.md).

    python benchmarks/exam15_workloads.py          # the table
    python benchmarks/exam15_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 15"


def ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy; positive (every label here is flipped at random with some probability)."""
    *x, y = batch
    return F.cross_entropy(model(*x), y)


def _flip(y: torch.Tensor, classes: int, flip: float, gen: torch.Generator) -> torch.Tensor:
    noisy = torch.rand(len(y), generator=gen) < flip
    return torch.where(noisy, torch.randint(0, classes, (len(y),), generator=gen), y)


# --------------------------------------------------------------------------------------------------------------
# 1. SincNet (RMSprop, alpha 0.95, eps 1e-8)

SN_CLASSES, SN_LENGTH = 6, 96


def _waveforms(n: int, gen: torch.Generator, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Raw waveforms of 96 samples: each class ("speaker") has two formant bands (normalised frequencies from a
    fixed draw); a sample is a decaying glottal-like pulse train at a random pitch filtered to those bands: the two
    formants (frequency jittered +-6%, random phases and amplitudes), plus a random distractor tone anywhere in the
    spectrum (amplitude 0.4x) and white noise sd 0.3; 10% of labels replaced at random. Shape (n, 1, 96)."""
    tg = torch.Generator().manual_seed(15101)
    formants = 0.04 + 0.38 * torch.rand(SN_CLASSES, 2, generator=tg)
    y = torch.randint(0, SN_CLASSES, (n,), generator=gen)
    t = torch.arange(SN_LENGTH, dtype=torch.float32)
    f = formants[y] * (1 + 0.06 * (2 * torch.rand(n, 2, generator=gen) - 1))  # (n, 2)
    phase = 2 * math.pi * torch.rand(n, 3, 1, generator=gen)
    amp = 0.5 + torch.rand(n, 3, 1, generator=gen)
    pitch = 20 + 30 * torch.rand(n, 1, generator=gen)  # samples between pulses
    envelope = torch.exp(-torch.remainder(t + pitch * torch.rand(n, 1, generator=gen), pitch) / 12)  # (n, 96)
    distractor = 0.02 + 0.46 * torch.rand(n, 1, generator=gen)
    freqs = torch.cat([f, distractor], 1).unsqueeze(-1)  # (n, 3, 1)
    tones = amp * torch.sin(2 * math.pi * freqs * t + phase)  # (n, 3, 96)
    wave = envelope * (tones[:, 0] + tones[:, 1]) + 0.4 * tones[:, 2] + 0.3 * torch.randn(n, SN_LENGTH, generator=gen)
    return wave.unsqueeze(1), _flip(y, SN_CLASSES, flip, gen)


class SincConv(nn.Module):
    """Ravanelli & Bengio's sinc convolution: filter k is the band-pass 2 f2 sinc(2 pi f2 n) - 2 f1 sinc(2 pi f1 n),
    f1 = min_low + |low_k|, f2 = f1 + min_band + |band_k| (normalised frequencies, sample rate 1), Hamming-windowed;
    only low and band are learned. Initialised with the bands evenly spread over 0.01-0.45."""

    def __init__(self, filters: int = 8, kernel: int = 17, min_low: float = 0.005, min_band: float = 0.01) -> None:
        super().__init__()
        edges = torch.linspace(0.01, 0.45, filters + 1)
        self.low = nn.Parameter(edges[:-1] - min_low)
        self.band = nn.Parameter(edges[1:] - edges[:-1] - min_band)
        self.min_low, self.min_band, self.kernel = min_low, min_band, kernel
        self.register_buffer("n", torch.arange(kernel, dtype=torch.float32) - (kernel - 1) / 2)
        self.register_buffer("window", torch.hamming_window(kernel, periodic=False))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f1 = self.min_low + self.low.abs()
        f2 = (f1 + self.min_band + self.band.abs()).clamp(max=0.5)
        n = self.n.unsqueeze(0)
        filt = 2 * f2[:, None] * torch.sinc(2 * f2[:, None] * n) - 2 * f1[:, None] * torch.sinc(2 * f1[:, None] * n)
        filt = filt * self.window / (2 * (f2 - f1))[:, None]  # unit pass-band gain
        return F.conv1d(x, filt.unsqueeze(1), padding=self.kernel // 2)


class SincNet(nn.Module):
    """SincNet, small: input layer norm (no affine), a sinc convolution (8 filters of 17 taps), max pooling 4, layer
    norm, leaky ReLU; a plain convolution (8 filters of 5 taps), max pooling 3, layer norm, leaky ReLU; an MLP
    64-32-classes with leaky ReLU."""

    def __init__(self, filters: int = 8) -> None:
        super().__init__()
        self.ln0 = nn.LayerNorm(SN_LENGTH, elementwise_affine=False)
        self.sinc = SincConv(filters)
        self.ln1 = nn.LayerNorm([filters, SN_LENGTH // 4])
        self.conv = nn.Conv1d(filters, filters, 5, padding=2)
        self.ln2 = nn.LayerNorm([filters, SN_LENGTH // 12])
        self.head = nn.Sequential(nn.Linear(filters * SN_LENGTH // 12, 32), nn.LeakyReLU(0.2),
                                  nn.Linear(32, SN_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.leaky_relu(self.ln1(F.max_pool1d(self.sinc(self.ln0(x)), 4)), 0.2)
        h = F.leaky_relu(self.ln2(F.max_pool1d(self.conv(h), 3)), 0.2)
        return self.head(h.flatten(1))


def sincnet(batch_size: int = 32, seed: int = 0, train_size: int = 3000, filters: int = 8) -> dict[str, Any]:
    """A small SincNet on 3000 raw waveforms of six "speakers"; held out: 2048 others; RMSprop (alpha 0.95, eps
    1e-8)."""
    gen = torch.Generator().manual_seed(15102)
    x, y = _waveforms(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": SincNet(filters), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.95, eps=1e-8),
                                "rmsprop_alpha0.95"),
            "loss_fn": ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. PGD adversarial training (SGD, momentum 0.9, weight decay 2e-4)

ADV_FEATURES, ADV_CLASSES = 10, 4
ADV_EPS, ADV_STEPS = 0.1, 3


def _teacher_points(n: int, gen: torch.Generator, flip: float = 0.05) -> tuple[torch.Tensor, torch.Tensor]:
    """Gaussian points labelled by the argmax of a fixed random 10-32-4 tanh teacher; 5% of labels replaced."""
    tg = torch.Generator().manual_seed(15201)
    w1 = torch.randn(ADV_FEATURES, 32, generator=tg) / ADV_FEATURES**0.5
    w2 = torch.randn(32, ADV_CLASSES, generator=tg)
    x = torch.randn(n, ADV_FEATURES, generator=gen)
    y = (torch.tanh(1.5 * x @ w1) @ w2).argmax(1)
    return x, _flip(y, ADV_CLASSES, flip, gen)


def pgd_attack(model: nn.Module, x: torch.Tensor, y: torch.Tensor, eps: float = ADV_EPS,
               steps: int = ADV_STEPS) -> torch.Tensor:
    """Madry et al.'s L-infinity PGD: a uniform random start in the eps-ball, ``steps`` signed-gradient ascent steps
    of 2.5 eps / steps on the cross-entropy, each projected back into the ball. Gradients only to the input."""
    with torch.enable_grad():
        delta = (2 * torch.rand_like(x) - 1) * eps
        for _ in range(steps):
            delta.requires_grad_(True)
            loss = F.cross_entropy(model(x + delta), y)
            (grad,) = torch.autograd.grad(loss, delta)
            delta = (delta.detach() + 2.5 * eps / steps * grad.sign()).clamp(-eps, eps)
    return (x + delta).detach()


def robust_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy at the PGD adversary's point (the training and the held-out loss alike). Positive: labels
    are 5% flipped, and the adversary only raises the loss."""
    x, y = batch
    return F.cross_entropy(model(pgd_attack(model, x, y)), y)


def adversarial_mlp(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """A 10-48-48-4 ReLU MLP adversarially trained (PGD-3, eps 0.1) on 4096 teacher-labelled points; held out: 2048
    others, attacked the same way; SGD with momentum 0.9 and weight decay 2e-4."""
    gen = torch.Generator().manual_seed(15202)
    x, y = _teacher_points(train_size + 2048, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(ADV_FEATURES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, ADV_CLASSES))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=2e-4),
                                "sgd_momentum0.9_wd2e-4"),
            "loss_fn": robust_ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 3. DeepONet (Adam)

DO_SENSORS, DO_QUERIES, DO_GRID = 32, 8, 128


def _operator_samples(n: int, gen: torch.Generator, noise: float = 0.15) -> tuple[torch.Tensor, ...]:
    """Input functions u on [0, 1]: random smooth sums of 6 sines (amplitude ~ 1/k); the solution s of s' = u - s^3,
    s(0) = 0, by 128 steps of Heun's method on a fine grid; ``DO_QUERIES`` random query points per function
    (linear interpolation on the grid), measurements with noise sd 0.15. Returns (u at the 32 sensors, query points
    (n, 8, 1), noisy s at them (n, 8))."""
    k = torch.arange(1, 7, dtype=torch.float32)
    a = 2.0 * torch.randn(n, 6, generator=gen) / k
    phase = 2 * math.pi * torch.rand(n, 6, generator=gen)
    shift = 0.5 * torch.randn(n, 1, generator=gen)

    def u(x: torch.Tensor) -> torch.Tensor:  # x: (m,) -> (n, m)
        return shift + (a.unsqueeze(-1) * torch.sin(math.pi * k[:, None] * x + phase.unsqueeze(-1))).sum(1)

    grid = torch.linspace(0, 1, DO_GRID + 1)
    ug = u(grid)
    h = 1 / DO_GRID
    s = torch.zeros(n)
    path = [s]
    for i in range(DO_GRID):
        k1 = ug[:, i] - s**3
        k2 = ug[:, i + 1] - (s + h * k1) ** 3
        s = s + h * (k1 + k2) / 2
        path.append(s)
    sol = torch.stack(path, 1)  # (n, 129)
    y = torch.rand(n, DO_QUERIES, generator=gen)
    pos = y * DO_GRID
    lo = pos.floor().long().clamp(max=DO_GRID - 1)
    frac = pos - lo
    target = torch.gather(sol, 1, lo) * (1 - frac) + torch.gather(sol, 1, lo + 1) * frac
    sensors = u(torch.linspace(0, 1, DO_SENSORS))
    return sensors, y.unsqueeze(-1), target + noise * torch.randn(n, DO_QUERIES, generator=gen)


class DeepONet(nn.Module):
    """Lu et al.'s unstacked DeepONet: a branch net (sensors-64-64-p, tanh) on the input function, a trunk net
    (1-64-64-p, tanh, tanh on its output too; ``layers`` hidden layers each) on the query point,
    G(u)(y) = <branch, trunk> + b."""

    def __init__(self, width: int = 64, p: int = 32, layers: int = 2) -> None:
        super().__init__()

        def mlp(d_in: int) -> list[nn.Module]:
            mods: list[nn.Module] = [nn.Linear(d_in, width), nn.Tanh()]
            for _ in range(layers - 1):
                mods += [nn.Linear(width, width), nn.Tanh()]
            return mods + [nn.Linear(width, p)]

        self.branch = nn.Sequential(*mlp(DO_SENSORS))
        self.trunk = nn.Sequential(*mlp(1), nn.Tanh())
        self.bias = nn.Parameter(torch.zeros(()))

    def forward(self, u: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return torch.einsum("bp,bqp->bq", self.branch(u), self.trunk(y)) + self.bias


def operator_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared error at the query points; positive (the measurements carry noise sd 0.15: at least 0.0225)."""
    u, y, s = batch
    return F.mse_loss(model(u, y), s)


def deeponet(batch_size: int = 32, seed: int = 0, train_size: int = 2000, width: int = 64, p: int = 32,
             layers: int = 2) -> dict[str, Any]:
    """A DeepONet (branch 32-64-64-32, trunk 1-64-64-32) on 2000 input functions x 8 query points of s' = u - s^3;
    held out: 2048 other functions; Adam."""
    gen = torch.Generator().manual_seed(15302)
    u, y, s = _operator_samples(train_size + 2048, gen)
    train = (u[:train_size], y[:train_size], s[:train_size])
    torch.manual_seed(seed)
    return {"model": DeepONet(width, p, layers), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches((u[train_size:], y[train_size:], s[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": operator_mse, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 4. Caser (Adam, weight decay 1e-6)

CS_ITEMS, CS_USERS, CS_WINDOW = 100, 300, 3
CS_SCALE = 1.0


def _sessions(gen: torch.Generator, steps: int = 24, held: int = 8) -> tuple[torch.Tensor, ...]:
    """Each user's sequence of ``steps + held + window`` items from a teacher: the next item j has logit
    r_j . (q_i1 + 0.6 q_i2 + 0.3 q_i3) (the last three items) + 0.5 r_j . p_u (the user's taste) + a popularity,
    with fixed standard normal 8-d q, r, p (the teacher's conditional entropy is about 1.25 nats, the marginal's
    3.4, uniform ln 100 = 4.61). Training examples: (user, the last 3 items, the next) over the first ``steps``
    positions; held out: the last ``held`` positions of every user (the continuation, as Caser evaluates)."""
    tg = torch.Generator().manual_seed(15401)
    q = torch.randn(CS_ITEMS, 8, generator=tg)
    r = torch.randn(CS_ITEMS, 8, generator=tg)
    p = torch.randn(CS_USERS, 8, generator=tg)
    pop = 0.5 * torch.randn(CS_ITEMS, generator=tg)
    total = steps + held + CS_WINDOW
    seq = torch.randint(0, CS_ITEMS, (CS_USERS, 3), generator=gen)
    items = [seq[:, i] for i in range(3)]
    while len(items) < total:
        ctx = q[items[-1]] + 0.6 * q[items[-2]] + 0.3 * q[items[-3]]
        logits = CS_SCALE * (ctx @ r.T + 0.5 * p @ r.T) + pop
        items.append(torch.multinomial(logits.softmax(1), 1, generator=gen).squeeze(1))
    seq = torch.stack(items, 1)  # (users, total)
    windows = seq.unfold(1, CS_WINDOW + 1, 1)  # (users, total - window, window + 1)
    users = torch.arange(CS_USERS).unsqueeze(1).expand(-1, windows.shape[1])

    def part(sl: slice) -> tuple[torch.Tensor, ...]:
        w = windows[:, sl].reshape(-1, CS_WINDOW + 1)
        return users[:, sl].reshape(-1), w[:, :-1], w[:, -1]

    n_train = total - CS_WINDOW - held
    return part(slice(0, n_train)) + part(slice(n_train, None))


class Caser(nn.Module):
    """Tang & Wang's Caser: the last L = 3 items' embeddings (L x d) as an image; horizontal filters of heights 1-3
    (``n_h`` each, ReLU, max-pooled over the window), ``n_v`` vertical filters (weighted sums of the L rows), a ReLU
    layer to d with dropout 0.5, concatenated with the user's embedding and scored against every item's output
    embedding plus its bias."""

    def __init__(self, d: int = 32, n_h: int = 8, n_v: int = 4) -> None:
        super().__init__()
        self.item = nn.Embedding(CS_ITEMS, d)
        self.user = nn.Embedding(CS_USERS, d)
        self.horizontal = nn.ModuleList(nn.Linear(h * d, n_h) for h in range(1, CS_WINDOW + 1))  # an (h x d) conv
        self.vertical = nn.Linear(CS_WINDOW, n_v)  # a (L x 1) conv: n_v weighted sums of the L rows
        self.fc = nn.Linear(n_h * CS_WINDOW + n_v * d, d)
        self.dropout = nn.Dropout(0.5)
        self.out = nn.Embedding(CS_ITEMS, 2 * d)
        self.out_bias = nn.Parameter(torch.zeros(CS_ITEMS))
        with torch.no_grad():
            self.item.weight.normal_(0, 1 / d)
            self.user.weight.normal_(0, 1 / d)
            self.out.weight.normal_(0, 1 / (2 * d))

    def forward(self, u: torch.Tensor, window: torch.Tensor) -> torch.Tensor:
        e = self.item(window)  # (b, L, d)
        hs = [torch.relu(conv(e.unfold(1, h, 1).transpose(2, 3).flatten(2))).amax(1)  # max over the window
              for h, conv in enumerate(self.horizontal, start=1)]
        v = self.vertical(e.transpose(1, 2)).flatten(1)
        z = torch.relu(self.fc(self.dropout(torch.cat(hs + [v], 1))))
        return torch.cat([z, self.user(u)], 1) @ self.out.weight.T + self.out_bias


def caser(batch_size: int = 64, seed: int = 0, d: int = 16, n_h: int = 8, n_v: int = 4) -> dict[str, Any]:
    """Caser (d 32, 8 horizontal filters per height, 4 vertical) on 300 users x 24 next-item examples over 100 items;
    held out: the next 8 items of every user; Adam with weight decay 1e-6."""
    gen = torch.Generator().manual_seed(15402)
    u, w, t, hu, hw, ht = _sessions(gen)
    torch.manual_seed(seed)
    return {"model": Caser(d, n_h, n_v), "data": loader(u, w, t, batch_size=batch_size),
            "eval_data": split_batches((hu, hw, ht), 600),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=1e-6), "adam_wd1e-6"),
            "loss_fn": ce, "train_pool": (u, w, t)}


# --------------------------------------------------------------------------------------------------------------
# 5. decomposable attention (Adagrad, initial accumulator 0.1)

DA_CONCEPTS, DA_PREMISE, DA_HYP = 16, 6, 3


def _nli_pairs(n: int, gen: torch.Generator, flip: float = 0.1) -> tuple[torch.Tensor, ...]:
    """Premise / hypothesis token pairs over 16 concepts, each written three ways (plain, synonym, antonym: token
    3c + form). A premise is 6 distinct concepts, plain or synonym. Entailment: 3 premise concepts, plain or synonym;
    contradiction: 2 of them plus the antonym of another premise concept; neutral: 2 of them plus a concept not in
    the premise, written any of the three ways. Hypothesis order shuffled; 10% of labels replaced."""
    y = torch.randint(0, 3, (n,), generator=gen)  # 0 entailment, 1 neutral, 2 contradiction
    order = torch.rand(n, DA_CONCEPTS, generator=gen).argsort(1)
    premise_c = order[:, :DA_PREMISE]
    premise = 3 * premise_c + torch.randint(0, 2, (n, DA_PREMISE), generator=gen)
    hyp_c = premise_c[:, :DA_HYP].clone()
    form = torch.randint(0, 2, (n, DA_HYP), generator=gen)
    outside = order[:, DA_PREMISE]  # a concept not in the premise
    last_c = torch.where(y == 1, outside, hyp_c[:, -1])
    last_form = torch.where(y == 2, torch.full_like(y, 2),
                            torch.where(y == 1, torch.randint(0, 3, (n,), generator=gen), form[:, -1]))
    hyp_c[:, -1], form[:, -1] = last_c, last_form
    hyp = 3 * hyp_c + form
    hyp = torch.gather(hyp, 1, torch.rand(n, DA_HYP, generator=gen).argsort(1))
    premise = torch.gather(premise, 1, torch.rand(n, DA_PREMISE, generator=gen).argsort(1))
    return premise, hyp, _flip(y, 3, flip, gen)


def _mlp(d_in: int, d: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(d_in, d), nn.ReLU(), nn.Linear(d, d), nn.ReLU())


class DecomposableAttention(nn.Module):
    """Parikh et al.'s model without intra-sentence attention (and without a projection: the embeddings are learned
    here): attend e_ij = F(a_i) . F(b_j) with each side softly aligned to the other, compare G([a_i; beta_i]) and
    G([b_j; alpha_j]), aggregate by sums and H([v1; v2]) to three logits. F, G, H are two-layer ReLU MLPs."""

    def __init__(self, d: int = 32) -> None:
        super().__init__()
        self.embed = nn.Embedding(3 * DA_CONCEPTS, d)
        self.attend, self.compare, self.aggregate = _mlp(d, d), _mlp(2 * d, d), _mlp(2 * d, d)
        self.out = nn.Linear(d, 3)

    def forward(self, premise: torch.Tensor, hyp: torch.Tensor) -> torch.Tensor:
        a, b = self.embed(premise), self.embed(hyp)
        e = self.attend(a) @ self.attend(b).transpose(1, 2)  # (batch, premise, hyp)
        beta = e.softmax(2) @ b  # the hypothesis aligned to each premise token
        alpha = e.softmax(1).transpose(1, 2) @ a  # the premise aligned to each hypothesis token
        v1 = self.compare(torch.cat([a, beta], 2)).sum(1)
        v2 = self.compare(torch.cat([b, alpha], 2)).sum(1)
        return self.out(self.aggregate(torch.cat([v1, v2], 1)))


def decomposable_attention(batch_size: int = 32, seed: int = 0, train_size: int = 6000, d: int = 32) -> dict[str, Any]:
    """Decomposable attention (d 32) on 6000 synthetic premise / hypothesis pairs; held out: 3072 others; Adagrad
    with initial accumulator 0.1."""
    gen = torch.Generator().manual_seed(15502)
    p, h, y = _nli_pairs(train_size + 3072, gen)
    train = (p[:train_size], h[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DecomposableAttention(d), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches((p[train_size:], h[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1"),
            "loss_fn": ce, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 6. Koopman autoencoder (AdamW, weight decay 1e-4)

KO_STEPS, KO_DT = 6, 0.1


def _pendulum(n: int, gen: torch.Generator, noise: float = 0.1) -> torch.Tensor:
    """Trajectories of a damped pendulum theta'' = -sin(theta) - 0.1 theta' from random states (theta in
    [-2.5, 2.5], omega in [-1.5, 1.5]), integrated by RK4 (10 substeps per sample), sampled every 0.1 for 7 points,
    observed with noise sd 0.1. Shape (n, 7, 2)."""

    def f(s: torch.Tensor) -> torch.Tensor:
        return torch.stack([s[:, 1], -torch.sin(s[:, 0]) - 0.1 * s[:, 1]], 1)

    s = torch.stack([5 * torch.rand(n, generator=gen) - 2.5, 3 * torch.rand(n, generator=gen) - 1.5], 1)
    out = [s]
    h = KO_DT / 10
    for _ in range(KO_STEPS):
        for _ in range(10):
            k1 = f(s)
            k2 = f(s + h / 2 * k1)
            k3 = f(s + h / 2 * k2)
            k4 = f(s + h * k3)
            s = s + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        out.append(s)
    traj = torch.stack(out, 1)
    return traj + noise * torch.randn(traj.shape, generator=gen)


class KoopmanAE(nn.Module):
    """Lusch et al.'s deep Koopman autoencoder without the auxiliary eigenvalue network: an encoder 2-32-32-8 and a
    decoder 8-32-32-2 (ReLU), and one linear operator K (8 x 8, initialised at the identity plus small noise) that
    advances the latent state a time step."""

    def __init__(self, width: int = 64, latent: int = 8) -> None:
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(2, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                     nn.Linear(width, latent))
        self.decoder = nn.Sequential(nn.Linear(latent, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                     nn.Linear(width, 2))
        self.K = nn.Parameter(torch.eye(latent) + 0.01 * torch.randn(latent, latent))

    def forward(self, traj: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        z = self.encoder(traj)  # (b, T + 1, latent)
        zs = [z[:, 0]]
        for _ in range(traj.shape[1] - 1):
            zs.append(zs[-1] @ self.K.T)
        rolled = torch.stack(zs, 1)
        return z, rolled, self.decoder(torch.cat([z[:, :1], rolled[:, 1:]], 1))


def koopman_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Lusch et al.'s loss, unweighted: the reconstruction of the first state, the prediction of the later states by
    decoding K^k z_0, and the latent linearity ||z_k - K^k z_0||^2 (the mean over steps and coordinates of each).
    Positive: the observed states carry noise sd 0.1 (reconstruction and prediction >= 0.01 each)."""
    (traj,) = batch
    z, rolled, pred = model(traj)
    recon = F.mse_loss(pred[:, 0], traj[:, 0])
    prediction = F.mse_loss(pred[:, 1:], traj[:, 1:])
    linearity = F.mse_loss(rolled[:, 1:], z[:, 1:])
    return recon + prediction + linearity


def _adamw(params: Any, lr: float) -> torch.optim.Optimizer:
    return torch.optim.AdamW(params, lr=lr, weight_decay=1e-4)


def koopman_ae(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 32,
               latent: int = 8) -> dict[str, Any]:
    """A Koopman autoencoder (2-32-32-8, K 8 x 8, 8-32-32-2) on 4096 noisy 7-point pendulum trajectories; held out:
    2048 others; AdamW (weight decay 1e-4)."""
    gen = torch.Generator().manual_seed(15602)
    traj = _pendulum(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": KoopmanAE(width, latent), "data": loader(traj[:train_size], batch_size=batch_size),
            "eval_data": split_batches((traj[train_size:],), 1024),
            "optimizer": _named(_adamw, "adamw_wd1e-4"),
            "loss_fn": koopman_loss, "train_pool": (traj[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sincnet_rmsprop", sincnet, 300, "sincnet", "rmsprop_alpha0.95", "finite", 16, seconds=0.9, start_lr=0.008),
    W("pgd_adv_sgdm", adversarial_mlp, 300, "pgd_adversarial_training", "sgd_momentum0.9_wd2e-4", "finite", 64,
      seconds=0.8, start_lr=0.05),
    W("deeponet_adam", deeponet, 300, "deeponet", "adam", "finite", 32, seconds=0.9, start_lr=0.008),
    W("caser_adam", caser, 300, "caser_sequential_rec", "adam_wd1e-6", "finite", 32, seconds=0.8, start_lr=0.016),
    W("decomp_attention_adagrad", decomposable_attention, 300, "decomposable_attention_nli", "adagrad_acc0.1",
      "finite", 32, seconds=0.85, start_lr=0.2),
    W("koopman_ae_adamw", koopman_ae, 300, "koopman_autoencoder", "adamw_wd1e-4", "finite", 32, seconds=0.9,
      start_lr=0.032),
)
LONG = (
    W("deeponet_adam@long", deeponet, 3000, "deeponet", "adam", "finite", 16, dict(width=16, p=8, layers=1),
      seconds=4.8, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="deeponet_adam"),
    W("pgd_adv_sgdm@long", adversarial_mlp, 3000, "pgd_adversarial_training", "sgd_momentum0.9_wd2e-4", "finite", 16,
      dict(hidden=16), seconds=6.0, start_lr=0.02, grid_fractions=(0.0, 0.05), long_of="pgd_adv_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam15_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifteenth exam's workloads")
