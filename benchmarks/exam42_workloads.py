"""The forty-second exam: six more workload families that neither the suite nor exams 1-40 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam40_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from cardiology and ECG, remote
sensing and satellite imagery, power systems and smart grids, retail and marketing, mechanical engineering and
vibration, and linguistics and phonology (exam 41 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam42/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- heartbeat classification with Kachuee, Fazeli & Sarrafzadeh's (2018) residual CNN (cardiology; a long plan
  only): a width-5 convolution, a residual block (convolution, ReLU, convolution, the skip, ReLU, max-pooling of 5
  with stride 2; theirs has five blocks of 32 channels, here one of 8), dense layers of 32 and 32 and a softmax over
  the five AAMI classes (N, S, V, F, Q); z-scored single beats around the R peak from a Gaussian-wave beat model
  with premature, ventricular, fusion and paced morphologies, baseline wander, muscle noise and mains hum;
  cross-entropy; Adam (theirs: beta 0.9 / 0.999, from memory)
- SAR automatic target recognition with A-ConvNets (Chen, Wang, Xu & Jin 2016; remote sensing): an all-convolutional
  net (5x5 convolutions with max-pooling, dropout, a last convolution to the classes, no dense layer) on 20 x 20
  log-intensity chips of six vehicle classes, each a set of point scatterers seen at a random aspect, summed
  coherently (so speckled) with complex clutter; cross-entropy; SGD with momentum 0.9 and weight decay 5e-4 (from
  memory)
- transient stability assessment from PMU trajectories with a 1-d CNN (power systems): a swing equation
  (second-order Kuramoto) grid of 8 nodes (4 generators, 4 loads) and 11 lines; a fault at a node for
  0.05-0.35 s, cleared by tripping one of its lines; the classifier reads the nodes' frequencies and angles over
  the first 0.6 s and says whether the grid loses synchronism; cross-entropy; Adam (from memory)
- a geo-level media mix model (retail and marketing; a long plan only): Jin et al.'s (2017) geometric adstock and
  Hill saturation per channel, with geo-level (hierarchical, Sun et al. 2017) media effects, price elasticities and
  baselines learned as embeddings, and a shared yearly seasonality; the MSE of weekly log sales; held out: each
  geo's last 26 weeks; Adam
- nonlinear structural response with an LSTM (Zhang, Liu & Sun 2019; mechanical engineering and vibration): an LSTM
  reads a base excitation sequence and gives the displacement of a Bouc-Wen hysteretic oscillator at every step;
  the MSE of the standardised displacement; Adam (theirs, from memory)
- Mandarin lexical tone classification with a ToneNet-style CNN (Gao et al. 2019; linguistics and phonology): two
  convolution blocks (3x3, batch norm, ReLU, max-pooling), dropout and a dense layer over a syllable's 16 x 16
  log-spectrogram (harmonics of an F0 contour shaped by the four tones, the speaker's register and span, the
  neighbouring tones' coarticulation and creak, under a vowel envelope, with noise); cross-entropy over the four
  tones; Adam (from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the heartbeat ResNet and
the media mix model (no short plans), transient stability on 4096 faults instead of 2048 and ToneNet on 8192
syllables instead of 1024.

Of the eight plans, one uses SGD with momentum 0.9 and weight decay (A-ConvNets) and seven plain Adam: the fields'
reference models here were trained with Adam as far as the author knows (see the README).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam42_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam42/README.md).

    python benchmarks/exam42_workloads.py          # the table
    python benchmarks/exam42_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 42"


# --------------------------------------------------------------------------------------------------------------
# 1. heartbeat classification with Kachuee et al.'s residual CNN (Adam; long only)

EC_LEN, EC_FS = 128, 180.0


def _ec_wave(t: torch.Tensor, amp: torch.Tensor, centre: torch.Tensor, width: torch.Tensor) -> torch.Tensor:
    return amp.unsqueeze(1) * torch.exp(-0.5 * ((t - centre.unsqueeze(1)) / width.unsqueeze(1)) ** 2)


def _ec_beats(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Single beats (128 samples at 180 Hz, the R peak at 0.25 s) of the five AAMI classes, balanced (Kachuee et
    al. balanced theirs by resampling): N (a P wave, a narrow QRS, an upright T), S (premature: an early, small or
    inverted P, the previous beat's T inside the window), V (premature, no P, a wide QRS of either polarity, a
    large discordant T), F (a fusion: a random mix of an N and a V beat) and Q (paced: a pacing spike before a
    wide QRS). Each beat from Gaussian waves (McSharry et al.'s ECG model in spirit) with patient-to-patient
    variation, baseline wander, muscle noise and 50 Hz hum; z-scored per beat."""
    t = torch.arange(EC_LEN).float() / EC_FS - 0.25
    cls = torch.randint(0, 5, (n,), generator=gen)

    def u(lo: float, hi: float) -> torch.Tensor:
        return lo + (hi - lo) * torch.rand(n, generator=gen)

    def normal() -> torch.Tensor:
        return (_ec_wave(t, u(0.08, 0.25), u(-0.2, -0.14), u(0.018, 0.03))
                + _ec_wave(t, u(-0.25, -0.05), u(-0.035, -0.025), u(0.008, 0.012))
                + _ec_wave(t, u(0.8, 1.4), torch.zeros(n), u(0.009, 0.015))
                + _ec_wave(t, u(-0.4, -0.1), u(0.025, 0.035), u(0.009, 0.014))
                + _ec_wave(t, u(0.15, 0.45), u(0.2, 0.3), u(0.035, 0.06)))

    def ventricular() -> torch.Tensor:
        sign = torch.where(torch.rand(n, generator=gen) < 0.6, 1.0, -1.0)
        return (_ec_wave(t, sign * u(0.9, 1.8), u(-0.01, 0.02), u(0.02, 0.04))
                + _ec_wave(t, -sign * u(0.2, 0.6), u(0.05, 0.08), u(0.02, 0.035))
                + _ec_wave(t, -sign * u(0.3, 0.7), u(0.22, 0.32), u(0.04, 0.07)))

    prev_t = _ec_wave(t, u(0.15, 0.45), u(-0.2, -0.05), u(0.035, 0.06))  # the previous beat's T (premature beats)
    x_n, x_v = normal(), ventricular()
    s_beat = x_n - _ec_wave(t, u(0.15, 0.4), u(-0.19, -0.13), u(0.015, 0.025)) + prev_t
    lam = u(0.35, 0.65).unsqueeze(1)
    f_beat = lam * x_n + (1 - lam) * x_v
    q_beat = x_v + _ec_wave(t, u(1.0, 2.0), u(-0.05, -0.035), torch.full((n,), 0.003))
    beats = torch.stack([x_n, s_beat, x_v + prev_t, f_beat, q_beat], 1)[torch.arange(n), cls]
    wander = u(0.05, 0.4).unsqueeze(1) * torch.sin(2 * math.pi * u(0.1, 0.5).unsqueeze(1) * t
                                                   + 6.3 * u(0, 1).unsqueeze(1))
    hum = u(0, 0.05).unsqueeze(1) * torch.sin(2 * math.pi * 50 * t + 6.3 * u(0, 1).unsqueeze(1))
    x = beats + wander + hum + u(0.02, 0.15).unsqueeze(1) * torch.randn(n, EC_LEN, generator=gen)
    x = (x - x.mean(1, keepdim=True)) / x.std(1, keepdim=True)
    return x.unsqueeze(1), cls


class ResBlock1d(nn.Module):
    """Kachuee et al.'s residual block: convolution, ReLU, convolution, the skip added, ReLU, max-pooling (width 5,
    stride 2)."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.c1 = nn.Conv1d(width, width, 5, padding=2)
        self.c2 = nn.Conv1d(width, width, 5, padding=2)
        self.pool = nn.MaxPool1d(5, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.pool(torch.relu(x + self.c2(torch.relu(self.c1(x)))))


class HeartbeatResNet(nn.Module):
    """Kachuee, Fazeli & Sarrafzadeh's (2018) heartbeat classifier in miniature: a width-5 convolution, residual
    blocks (theirs: five of 32 channels; here one of 8), dense layers of 32 and 32 (ReLU) and the five classes."""

    def __init__(self, width: int = 8, blocks: int = 1) -> None:
        super().__init__()
        self.inp = nn.Conv1d(1, width, 5, padding=2)
        self.blocks = nn.Sequential(*[ResBlock1d(width) for _ in range(blocks)])
        length = EC_LEN
        for _ in range(blocks):
            length = (length - 5) // 2 + 1
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(width * length, 32), nn.ReLU(), nn.Linear(32, 32),
                                  nn.ReLU(), nn.Linear(32, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.blocks(self.inp(x)))


def class_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy of the class logits."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def ecg_resnet(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The heartbeat ResNet on 8192 beats; held out: 2048 other beats in batches of 1024; Adam (Kachuee et al.'s:
    beta 0.9 / 0.999; their exponential LR decay is replaced by the exam's cosine)."""
    gen = torch.Generator().manual_seed(42101)
    x, y = _ec_beats(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HeartbeatResNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": class_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. SAR target recognition with A-ConvNets (SGD with momentum 0.9, weight decay)

SA_SIZE, SA_CLASSES, SA_SCAT = 20, 6, 14


def _sa_templates() -> tuple[torch.Tensor, torch.Tensor]:
    """Six vehicle classes as 14 point scatterers each (positions in pixels in the target's frame, and radar cross
    sections): a hull of a class-specific length and width with scatterers on its edges, and per class a turret,
    a gun barrel, a rear engine deck or roof racks placed differently."""
    g = torch.Generator().manual_seed(42201)
    pos, rcs = [], []
    dims = [(7.0, 3.0), (9.0, 4.0), (11.0, 3.5), (12.0, 5.0), (8.0, 5.5), (5.5, 3.5)]
    for length, width in dims:
        side = torch.rand(SA_SCAT, generator=g)
        along = (torch.rand(SA_SCAT, generator=g) - 0.5) * length
        across = torch.where(side < 0.5, -0.5, 0.5) * width * (0.6 + 0.4 * torch.rand(SA_SCAT, generator=g))
        p = torch.stack([along, across], 1)
        extra = (torch.rand(4, 2, generator=g) - 0.5) * torch.tensor([length, width])
        p[:4] = extra  # structures on top (turret, barrel, deck, racks)
        pos.append(p)
        rcs.append(0.5 + 1.5 * torch.rand(SA_SCAT, generator=g) ** 2)
    return torch.stack(pos), torch.stack(rcs)


def _sa_chips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """SAR chips (20 x 20 log intensity): a target of a random class at a random aspect (0-360 deg) and a shift of
    up to a pixel; each scatterer's return scintillates (log-normal, sd 0.25) and is shadowed with probability 0.1;
    returns summed coherently with random phases through a Gaussian point-spread function, plus complex Gaussian
    clutter at a random clutter-to-target ratio (speckle); standardised per chip."""
    pos, rcs = _sa_templates()
    cls = torch.randint(0, SA_CLASSES, (n,), generator=gen)
    ang = 2 * math.pi * torch.rand(n, generator=gen)
    rot = torch.stack([torch.stack([ang.cos(), -ang.sin()], 1), torch.stack([ang.sin(), ang.cos()], 1)], 1)
    p = torch.einsum("nij,nkj->nki", rot, pos[cls]) + SA_SIZE / 2 - 0.5 + (torch.rand(n, 1, 2, generator=gen) - 0.5) * 2
    amp = rcs[cls] * torch.exp(0.25 * torch.randn(n, SA_SCAT, generator=gen))
    amp = amp * (torch.rand(n, SA_SCAT, generator=gen) > 0.1)
    phase = 2 * math.pi * torch.rand(n, SA_SCAT, generator=gen)
    grid = torch.arange(SA_SIZE).float()
    wx = torch.exp(-0.5 * ((grid.view(1, 1, -1) - p[:, :, :1]) / 0.7) ** 2)  # n, k, x
    wy = torch.exp(-0.5 * ((grid.view(1, 1, -1) - p[:, :, 1:]) / 0.7) ** 2)  # n, k, y
    re = torch.einsum("nk,nkx,nky->nxy", amp * phase.cos(), wx, wy)
    im = torch.einsum("nk,nkx,nky->nxy", amp * phase.sin(), wx, wy)
    clutter = (0.1 + 0.2 * torch.rand(n, 1, 1, generator=gen))
    re = re + clutter * torch.randn(n, SA_SIZE, SA_SIZE, generator=gen)
    im = im + clutter * torch.randn(n, SA_SIZE, SA_SIZE, generator=gen)
    img = torch.log(re**2 + im**2 + 1e-3)
    img = (img - img.mean((1, 2), keepdim=True)) / img.std((1, 2), keepdim=True)
    return img.unsqueeze(1), cls


class AConvNet(nn.Module):
    """A-ConvNets (Chen et al. 2016) in miniature: all convolutional (5x5 convolutions of 8 and 16 channels with
    ReLU and 2x2 max-pooling, a 3x3 convolution of 32, dropout 0.5, a last 3x3 convolution to the classes), no dense
    layer."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, width, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(2 * width, 4 * width, 3), nn.ReLU(), nn.Dropout(0.5),
                                 nn.Conv2d(4 * width, SA_CLASSES, 3), nn.Flatten())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def aconvnet(batch_size: int = 32, seed: int = 0, train_size: int = 1536) -> dict[str, Any]:
    """A-ConvNets on 1536 chips; held out: 1024 other chips in batches of 512; SGD with momentum 0.9 and weight decay
    5e-4 (from memory)."""
    gen = torch.Generator().manual_seed(42202)
    x, y = _sa_chips(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AConvNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": class_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. transient stability assessment from PMU trajectories (Adam; long only)

PS_NODES = 8
PS_LINES = ((0, 4), (0, 5), (1, 5), (1, 6), (2, 6), (2, 7), (3, 7), (3, 4), (4, 6), (5, 7), (0, 2))
PS_DT, PS_OBS, PS_EVERY = 0.01, 30, 2  # 30 PMU samples, 50 per second


def _ps_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A swing-equation grid (second-order Kuramoto model, as Filatrella et al. 2008 and Rohden et al. 2012): 4
    generators (+P) and 4 loads (-P), 11 lines; per case a loading level U[0.6, 1.3] shared unevenly, line
    capacities, inertias and damping varied by 15%; from the pre-fault equilibrium, a fault at a random node (its
    lines carry nothing) for U[0.05, 0.35] s, cleared by tripping one of its lines. Observed (the PMUs): every
    node's frequency and angle (relative to the mean) for the first 0.6 s, with noise. Label: 1 if the grid has
    lost synchronism by 4 s (some frequency beyond 0.5 rad/s, or a line's angle beyond pi/2 over its last second)."""
    lines = torch.tensor(PS_LINES)
    a, b = lines[:, 0], lines[:, 1]
    m = len(PS_LINES)

    def u(lo: float, hi: float, *shape: int) -> torch.Tensor:
        return lo + (hi - lo) * torch.rand(n, *shape, generator=gen)

    load = u(0.6, 1.3, 1)
    share = u(0.7, 1.3, PS_NODES)
    gen_total = share[:, :4].sum(1, keepdim=True)
    p = torch.cat([share[:, :4], -share[:, 4:] / share[:, 4:].sum(1, keepdim=True) * gen_total], 1)
    p = p * load
    cap = 1.6 * u(0.85, 1.15, m)
    inertia = u(0.85, 1.15, PS_NODES)
    damp = 0.35 * u(0.85, 1.15, PS_NODES)

    def accel(delta: torch.Tensor, omega: torch.Tensor, k: torch.Tensor, d: torch.Tensor) -> torch.Tensor:
        flow = k * torch.sin(delta[:, a] - delta[:, b])
        net = torch.zeros_like(delta).index_add_(1, a, -flow).index_add_(1, b, flow)
        return (p + net - d * omega) / inertia

    delta = torch.zeros(n, PS_NODES)
    omega = torch.zeros(n, PS_NODES)
    for _ in range(400):  # settle to the pre-fault equilibrium with heavy damping
        omega = omega + 0.02 * accel(delta, omega, cap, 3.0 * torch.ones_like(damp))
        delta = delta + 0.02 * omega
    node = torch.randint(0, PS_NODES, (n,), generator=gen)
    touches = (a.view(1, -1) == node.view(-1, 1)) | (b.view(1, -1) == node.view(-1, 1))
    faulted = cap * ~touches
    pick = torch.rand(n, m, generator=gen) * touches
    tripped = cap * (torch.arange(m).view(1, -1) != pick.argmax(1, keepdim=True))
    clear = u(0.05, 0.35, 1)
    obs, late = [], []
    steps = int(4.0 / PS_DT)
    for s in range(steps):
        k = torch.where(s * PS_DT < clear, faulted, tripped)
        omega = omega + PS_DT * accel(delta, omega, k, damp)
        delta = delta + PS_DT * omega
        if s < PS_OBS * PS_EVERY and s % PS_EVERY == 0:
            obs.append(torch.cat([omega, delta - delta.mean(1, keepdim=True)], 1))
        if s >= steps - 100:
            late.append(torch.cat([omega.abs().max(1).values.unsqueeze(1),
                                   (delta[:, a] - delta[:, b]).abs().max(1).values.unsqueeze(1)], 1))
    late_t = torch.stack(late, 1)
    lost = (late_t[:, :, 0].max(1).values > 0.5) | (late_t[:, :, 1].max(1).values > math.pi / 2)
    lost = lost | ~torch.isfinite(late_t).all(2).all(1)
    x = torch.stack(obs, 2)  # n, 16, 30
    x = torch.nan_to_num(x.clamp(-20, 20))
    x = x + 0.02 * torch.randn(x.shape, generator=gen)
    return x, lost.long()


class TSACNN(nn.Module):
    """A 1-d CNN transient-stability classifier over PMU trajectories (each node's frequency and angle as channels):
    two width-5 convolutions (32 channels, ReLU, max-pooling), global average pooling, a dense layer of 32 and two
    outputs (stable, unstable)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(2 * PS_NODES, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                 nn.Conv1d(width, width, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
                                 nn.Flatten(), nn.Linear(width, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tsa_cnn(batch_size: int = 64, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The TSA CNN on 4096 simulated faults (the short plan: 2048); held out: 2048 other faults in batches of 1024;
    Adam (from memory)."""
    gen = torch.Generator().manual_seed(42301)
    x, y = _ps_cases(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TSACNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": class_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. a geo-level media mix model with adstock and Hill saturation (Adam; long only)

MM_GEOS, MM_WEEKS, MM_CH, MM_LAG, MM_HELD = 64, 156, 4, 8, 26


def _mm_panel() -> tuple[torch.Tensor, ...]:
    """Weekly sales of a retailer in 64 geos over three years: log sales = the geo's baseline + a trend + a yearly
    seasonality + the geo's price elasticity x log price + a promotion lift + the sum over four media channels (TV,
    search, social, display) of the geo's effect x Hill(adstock(spend)) (geometric decays 0.7 / 0.2 / 0.4 / 0.3,
    half-saturations and slopes per channel) + noise (sd 0.02). Spend is bursty (flights) and scaled by geo size.
    Returns per (geo, week) row: the geo, the week's Fourier terms, log price, promotion, the last 8 weeks of spend
    per channel, and log sales."""
    g = torch.Generator().manual_seed(42401)
    size = torch.exp(0.5 * torch.randn(MM_GEOS, 1, generator=g))
    on_air = torch.tensor([0.35, 0.9, 0.6, 0.5]).view(1, -1, 1)
    flights = torch.rand(MM_GEOS, MM_CH, MM_WEEKS + MM_LAG, generator=g) < on_air
    spend = flights * torch.exp(0.5 * torch.randn(MM_GEOS, MM_CH, MM_WEEKS + MM_LAG, generator=g)) * size.unsqueeze(2)
    decay = torch.tensor([0.7, 0.2, 0.4, 0.3])
    half = torch.tensor([1.2, 0.6, 0.8, 0.5])
    slope = torch.tensor([2.0, 1.0, 1.5, 1.2])
    effect = torch.tensor([0.12, 0.08, 0.06, 0.04]) * torch.exp(0.3 * torch.randn(MM_GEOS, MM_CH, generator=g))
    lags = torch.stack([spend[:, :, MM_LAG - l : MM_LAG - l + MM_WEEKS] for l in range(MM_LAG)], 3)  # g, c, w, lag
    w = decay.view(1, -1, 1, 1) ** torch.arange(MM_LAG).float()
    ad = (lags * w).sum(3) / w.sum(3) / size.unsqueeze(2)
    hill = ad ** slope.view(1, -1, 1) / (ad ** slope.view(1, -1, 1) + half.view(1, -1, 1) ** slope.view(1, -1, 1))
    media = (effect.unsqueeze(2) * hill).sum(1)
    t = torch.arange(MM_WEEKS).float()
    four = torch.stack([torch.sin(2 * math.pi * k * t / 52) for k in (1, 2)]
                       + [torch.cos(2 * math.pi * k * t / 52) for k in (1, 2)], 1)
    season = four @ torch.tensor([0.15, 0.05, -0.08, 0.03])
    base = 3 + size.log() + 0.3 * torch.randn(MM_GEOS, 1, generator=g)
    elast = -1.5 + 0.4 * torch.randn(MM_GEOS, 1, generator=g)
    price = 0.08 * torch.randn(MM_GEOS, MM_WEEKS, generator=g)
    promo = (torch.rand(MM_GEOS, MM_WEEKS, generator=g) < 0.15).float()
    y = (base + 0.002 * t + season + elast * price + 0.1 * promo + media
         + 0.02 * torch.randn(MM_GEOS, MM_WEEKS, generator=g))
    geo = torch.arange(MM_GEOS).view(-1, 1).expand(MM_GEOS, MM_WEEKS)
    rows = torch.cat([(t / MM_WEEKS).view(1, -1, 1).expand(MM_GEOS, -1, 1), four.unsqueeze(0).expand(MM_GEOS, -1, -1),
                      price.unsqueeze(2), promo.unsqueeze(2)], 2)
    return geo, rows, (lags / size.view(-1, 1, 1, 1)).permute(0, 2, 1, 3), y


class GeoMMM(nn.Module):
    """Jin et al.'s (2017) media mix model with geo-level effects (Sun et al. 2017): per channel a geometric adstock
    over the last 8 weeks (decay sigmoid(a)), normalised, and a Hill saturation (half-saturation exp(k), slope
    exp(s)); per geo a baseline, a price elasticity and media effects (softplus) learned as embeddings around
    national values; a trend, a yearly seasonality (2 harmonics) and a promotion lift shared."""

    def __init__(self) -> None:
        super().__init__()
        self.a = nn.Parameter(torch.zeros(MM_CH))
        self.k = nn.Parameter(torch.zeros(MM_CH))
        self.s = nn.Parameter(torch.zeros(MM_CH))
        self.beta = nn.Parameter(torch.full((MM_CH,), -2.0))
        self.geo_beta = nn.Embedding(MM_GEOS, MM_CH)
        self.base = nn.Embedding(MM_GEOS, 1)
        self.elast = nn.Embedding(MM_GEOS, 1)
        for e in (self.geo_beta, self.base, self.elast):
            nn.init.zeros_(e.weight)
        self.lin = nn.Linear(6, 1)  # trend, 4 Fourier terms, promotion
        self.elast0 = nn.Parameter(torch.zeros(1))
        self.level = nn.Parameter(torch.zeros(1))

    def forward(self, geo: torch.Tensor, rows: torch.Tensor, spend: torch.Tensor) -> torch.Tensor:
        decay = torch.sigmoid(self.a).view(1, -1, 1)
        w = decay ** torch.arange(MM_LAG).float().view(1, 1, -1)
        ad = (spend * w).sum(2) / w.sum(2)
        sl = torch.exp(self.s)
        hill = ad.clamp_min(1e-6) ** sl / (ad.clamp_min(1e-6) ** sl + torch.exp(self.k) ** sl)
        beta = F.softplus(self.beta + self.geo_beta(geo))
        media = (beta * hill).sum(1)
        price, promo = rows[:, 5], rows[:, 6]
        other = self.lin(torch.cat([rows[:, :5], promo.unsqueeze(1)], 1)).squeeze(1)
        return (3 + self.level + self.base(geo).squeeze(1) + (self.elast0 - 1 + self.elast(geo).squeeze(1)) * price
                + other + media)


def mmm_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of weekly log sales."""
    geo, rows, spend, y = batch
    return F.mse_loss(model(geo, rows, spend), y)


def geo_mmm(batch_size: int = 32, seed: int = 0) -> dict[str, Any]:
    """The geo-level MMM on 64 geos x 130 weeks; held out: each geo's last 26 weeks (1664 rows) in batches of 832;
    Adam."""
    geo, rows, spend, y = _mm_panel()
    cut = MM_WEEKS - MM_HELD

    def part(sl: slice) -> tuple[torch.Tensor, ...]:
        return tuple(v[:, sl].reshape(-1, *v.shape[2:]) for v in (geo, rows, spend, y))

    tr, te = part(slice(0, cut)), part(slice(cut, MM_WEEKS))
    torch.manual_seed(seed)
    return {"model": GeoMMM(), "data": loader(*tr, batch_size=batch_size), "eval_data": split_batches(te, 832),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mmm_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. nonlinear structural response with an LSTM (Adam)

BW_STEPS, BW_SUB = 40, 5  # 40 LSTM steps of 0.05 s, each 5 integration steps


def _bw_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A Bouc-Wen hysteretic oscillator (natural frequency U[0.95, 1.05] Hz, damping 3-4%, post-yield stiffness ratio
    0.1, A = 1, beta = gamma = 0.5, n = 1) under a base excitation: filtered white noise (a Kanai-Tajimi-like
    bandpass) in a rise-hold-decay envelope, peak amplitude log-uniform over a factor of 8 (from nearly linear to
    strongly yielding), 2 s. Returns (excitation (n, 40, 1), displacement (n, 40, 1)), each scaled by a fixed
    factor; sensor noise on the excitation."""
    dt = 0.05 / BW_SUB
    steps = BW_STEPS * BW_SUB
    wn = 2 * math.pi * (0.95 + 0.1 * torch.rand(n, generator=gen))
    zeta = 0.03 + 0.01 * torch.rand(n, generator=gen)
    white = torch.randn(n, steps, generator=gen)
    f = torch.zeros(n)
    fv = torch.zeros(n)
    wg, zg = 2 * math.pi * 2.0, 0.6
    tt = torch.arange(steps).float() * dt
    env = torch.clamp(tt / 0.3, max=1.0) * torch.exp(-torch.clamp(tt - 1.0, min=0) / 0.6)
    amp = torch.exp(math.log(8) * torch.rand(n, generator=gen)) * 6.0
    x = torch.zeros(n)
    v = torch.zeros(n)
    z = torch.zeros(n)
    ag_out, x_out = [], []
    for s in range(steps):
        fa = -2 * zg * wg * fv - wg**2 * f + wg**2 * white[:, s] * 12
        fv = fv + dt * fa
        f = f + dt * fv
        ag = amp * env[s] * (f + 2 * zg / wg * fv) / 4
        acc = -ag - 2 * zeta * wn * v - wn**2 * (0.1 * x + 0.9 * z)
        zdot = v - 0.5 * v.abs() * z - 0.5 * v * z.abs()
        v = v + dt * acc
        x = x + dt * v
        z = z + dt * zdot
        if s % BW_SUB == BW_SUB - 1:
            ag_out.append(ag)
            x_out.append(x)
    ag_t = torch.stack(ag_out, 1) / 4
    x_t = torch.stack(x_out, 1) * 2
    ag_t = ag_t + 0.02 * torch.randn(ag_t.shape, generator=gen)
    return ag_t.unsqueeze(2), x_t.unsqueeze(2)


class ResponseLSTM(nn.Module):
    """Zhang, Liu & Sun's (2019) LSTM for structural response (their LSTM-f, in miniature): a dense layer lifts
    the excitation, two LSTM layers of 24 units, a dense layer to the displacement at every step."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.inp = nn.Linear(1, hidden)
        self.lstm = nn.LSTM(hidden, hidden, num_layers=2, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(torch.relu(self.inp(x)))
        return self.out(h)


def response_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The MSE of the displacement over every step."""
    x, y = batch
    return F.mse_loss(model(x), y)


def response_lstm(batch_size: int = 16, seed: int = 0, train_size: int = 768) -> dict[str, Any]:
    """The response LSTM on 768 simulated records; held out: 1024 others in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(42501)
    x, y = _bw_records(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ResponseLSTM(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": response_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. Mandarin tone classification with a ToneNet-style CNN (Adam)

TN_BINS, TN_FRAMES = 16, 16


def _tn_syllables(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Log-spectrograms (16 frequency bins on a log axis from 80 to 900 Hz, 16 frames) of Mandarin syllables: an F0
    contour from the tone's Chao-letter targets (T1 55, T2 35, T3 214 / half-third 21, T4 51) on a speaker's
    register (log-normal around 120 or 210 Hz) and span, coarticulated with random neighbouring tones at both ends,
    with jitter, a random duration share and creak (weak low harmonics) on some T3s; 8 harmonics under a vowel's
    envelope (two formants) and a spectral tilt; log power plus noise, standardised. Returns (spectrograms, tones)."""
    tone = torch.randint(0, 4, (n,), generator=gen)
    targets = torch.tensor([[5.0, 5.0, 5.0], [3.0, 3.4, 5.0], [2.0, 1.0, 3.0], [5.0, 3.2, 1.0]])
    pts = targets[tone]
    half3 = (tone == 2) & (torch.rand(n, generator=gen) < 0.4)
    pts[half3] = torch.tensor([2.0, 1.2, 1.0])
    prev_end = 1 + 4 * torch.rand(n, generator=gen)
    next_start = 1 + 4 * torch.rand(n, generator=gen)
    tau = torch.linspace(0, 1, TN_FRAMES)
    # quadratic through three targets, blended toward the neighbours at the edges
    c = (pts[:, :1] * (1 - tau) * (1 - 2 * tau) + pts[:, 1:2] * 4 * tau * (1 - tau) + pts[:, 2:] * tau * (2 * tau - 1))
    c = c + 0.5 * (prev_end - pts[:, 0]).unsqueeze(1) * torch.exp(-tau / 0.12) \
        + 0.3 * (next_start - pts[:, 2]).unsqueeze(1) * torch.exp(-(1 - tau) / 0.12)
    female = torch.rand(n, 1, generator=gen) < 0.5
    register = torch.where(female, math.log(210.0), math.log(120.0)) + 0.12 * torch.randn(n, 1, generator=gen)
    span = 0.35 + 0.2 * torch.rand(n, 1, generator=gen)
    logf0 = register + span * (c - 3) / 4 + 0.03 * torch.randn(n, TN_FRAMES, generator=gen)
    freqs = torch.exp(torch.linspace(math.log(80.0), math.log(900.0), TN_BINS))
    k = torch.arange(1, 9).float()
    h = torch.exp(logf0).unsqueeze(2) * k  # n, frames, harmonics
    f1 = 300 + 500 * torch.rand(n, 1, 1, generator=gen)
    f2 = 900 + 1400 * torch.rand(n, 1, 1, generator=gen)
    env = (1 / (1 + ((h - f1) / 150) ** 2) + 0.5 / (1 + ((h - f2) / 200) ** 2)) / k.sqrt()
    creak = ((tone == 2) & (torch.rand(n, generator=gen) < 0.5)).float().view(n, 1, 1)
    mid = (tau > 0.3) & (tau < 0.7)
    env = env * (1 - 0.8 * creak * mid.float().view(1, -1, 1) * (k <= 2).float())
    bw = 0.06 * h
    peaks = torch.exp(-0.5 * ((freqs.view(1, 1, 1, -1) - h.unsqueeze(3)) / bw.unsqueeze(3)) ** 2)
    spec = (env.unsqueeze(3) * peaks).sum(2)
    onset = torch.rand(n, 1, generator=gen) * 0.25
    voiced = ((tau.view(1, -1) >= onset) & (tau.view(1, -1) <= onset + 0.7 + 0.05)).float()
    spec = torch.log(spec * voiced.unsqueeze(2) + 0.02) + 0.35 * torch.randn(n, TN_FRAMES, TN_BINS, generator=gen)
    spec = (spec - spec.mean((1, 2), keepdim=True)) / spec.std((1, 2), keepdim=True)
    return spec.transpose(1, 2).unsqueeze(1), tone


class ToneNet(nn.Module):
    """A ToneNet-style CNN (Gao et al. 2019, in miniature): two blocks of a 3x3 convolution (8 then 16 channels),
    batch norm, ReLU and 2x2 max-pooling, dropout 0.3, a dense layer of 64 and the four tones."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(width, 2 * width, 3, padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(),
                                 nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.3),
                                 nn.Linear(2 * width * 16, 64), nn.ReLU(), nn.Linear(64, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tonenet(batch_size: int = 32, seed: int = 0, train_size: int = 1024) -> dict[str, Any]:
    """ToneNet on 1024 syllables; held out: 2048 other syllables in batches of 1024; Adam (from memory)."""
    gen = torch.Generator().manual_seed(42601)
    x, y = _tn_syllables(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ToneNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": class_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("tsa_cnn_adam", tsa_cnn, 300, "pmu_transient_stability_cnn", "adam", "finite", 64,
      dict(train_size=2048), seconds=1.0, start_lr=0.064),
    W("aconvnet_sgdm", aconvnet, 300, "aconvnets_sar_target_recognition", "sgd_momentum0.9_wd5e-4", "finite", 32,
      seconds=1.3, start_lr=0.04),
    W("response_lstm_adam", response_lstm, 300, "lstm_hysteretic_structural_response", "adam", "finite", 16,
      seconds=1.2, start_lr=0.032),
    W("tonenet_adam", tonenet, 300, "tonenet_mandarin_tone_classification", "adam", "finite", 32,
      seconds=1.0, start_lr=0.016),
)
LONG = (
    W("tsa_cnn_adam@long", tsa_cnn, 3000, "pmu_transient_stability_cnn", "adam", "finite", 64,
      seconds=6.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="tsa_cnn_adam"),
    W("geo_mmm_adam@long", geo_mmm, 3000, "geo_media_mix_adstock_hill", "adam", "finite", 32,
      seconds=4.0, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("ecg_resnet_adam@long", ecg_resnet, 3000, "kachuee_ecg_heartbeat_resnet", "adam", "finite", 32,
      seconds=7.0, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("tonenet_adam@long", tonenet, 3000, "tonenet_mandarin_tone_classification", "adam", "finite", 32,
      dict(train_size=8192), seconds=8.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="tonenet_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam42_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-second exam's workloads")
