"""The fifty-fourth exam: six more workload families that neither the suite nor exams 1-52 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam52_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from bridge structural-health
monitoring, esports match analytics, avalanche forecasting and snow science, irrigation and canal management,
mushroom cultivation and warehouse logistics (crane operations); exam 53 was built at the same time from other
domains and its module was not opened. What was checked to make them new is in
``benchmarks/results/exam54/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- bridge modal frequencies against temperature (structural-health monitoring; the Z24 and Ting Kau bridge studies:
  Peeters & De Roeck 2001, Ni et al. 2005): a small tanh MLP maps the readings of 8 temperature sensors (deck,
  asphalt, piers, air, with their 24-hour means) to the first four identified natural frequencies, whose residuals
  are the damage indicator; the deck stiffens when the asphalt freezes; MSE on the standardised frequencies; SGD
  with momentum 0.9 (back-propagation with momentum, as those ANNs were trained; from memory)
- Dota 2 draft outcome with NeuralAC (Gu et al. 2021, "NeuralAC: learning cooperation and competition effects for
  match outcome prediction"): hero embeddings; an individual term per hero, a cooperation term (attention-weighted
  pairwise interactions inside a team) and a competition term (pairwise interactions across the teams), summed to
  the log-odds that the Radiant wins; binary cross-entropy; Adam (the paper's; from memory)
- mushroom growth-stage classification (mushroom cultivation, harvest timing of Agaricus): a LeNet-style CNN (with
  batch norm) classifies 20 x 20 grey top-view crops of one mushroom in a bed into button / closed cup / open cup /
  flat; cross-entropy; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (the image-classification recipe)
- avalanche danger level (avalanche forecasting, as in the data-driven danger-level models of Perez-Guillen et al.
  2022, here with a neural classifier): a one-hidden-layer ReLU MLP of 100 units, written as scikit-learn's
  ``MLPClassifier`` defaults (Adam, L2 alpha 1e-4, batch 200), from a day's weather and snowpack features
  (new snow, wind drift, warming, a persistent weak layer) to the danger levels 1-4; cross-entropy
- radial-gate discharge in an irrigation canal (a long plan only; ANN gate calibration, as in the flow-measurement
  literature on radial / Tainter gates): an MLP maps the upstream head, downstream head and gate opening
  (normalised by the gate's pivot height) to the discharge coefficient, across free and submerged flow; MSE;
  RMSprop (from memory)
- overhead-crane sway estimation (warehouse crane operations; a long plan only): a virtual sway sensor, an MLP over
  a move's 32 trolley accelerations and the rope length gives the payload's sway angle and angular rate at its
  end; simulated damped pendulum dynamics; MSE; RAdam (from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the gate discharge ANN
and the crane sway sensor (no short plans), the bridge ANN on 4096 records instead of 1024 (and 32 hidden units
instead of 16) and the danger-level MLP on 6000 station-days instead of 3000.

Of the eight plans, three use Adam (NeuralAC; both danger-level plans, with scikit-learn's L2 1e-4), two SGD with
momentum 0.9 (both bridge plans), one SGD with Nesterov momentum and weight decay (the mushroom CNN), one RMSprop
(the gate ANN) and one RAdam (the crane sway sensor).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam54_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam54/README.md).

    python benchmarks/exam54_workloads.py          # the table
    python benchmarks/exam54_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 54"


# --------------------------------------------------------------------------------------------------------------
# 1. bridge natural frequencies against temperature (SGD with momentum)

BR_SENSORS, BR_MODES = 8, 4


def _br_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hourly monitoring records of a prestressed box-girder bridge over two years: air temperature with a seasonal
    and a daily cycle and weather noise; deck (top, bottom), asphalt (warmer in sun), two piers and the abutment
    soil follow it with lags and damping, and a noisy 24-hour mean of the air temperature is also recorded; 8
    sensors in all with sensor noise 0.3 C. The first four natural frequencies (3.9, 5.0, 9.8, 10.3 Hz) fall
    linearly with the girder's effective temperature (0.11-0.17% / C, per mode), move with the deck's top-bottom
    gradient, and rise steeply when the asphalt freezes (the Z24 bridge's bilinear behaviour); identification noise
    0.3%. Returns (temperatures in C, frequencies in Hz); the factory standardises both on the training records."""
    day = 730 * torch.rand(n, generator=gen)
    hour = 24 * torch.rand(n, generator=gen)
    season = -torch.cos(2 * math.pi * day / 365)
    weather = 4 * torch.randn(n, generator=gen)
    air_mean = 9 + 11 * season + weather
    sun = (0.3 + 0.7 * torch.rand(n, generator=gen)) * F.relu(torch.sin(2 * math.pi * (hour - 6) / 24))
    air = air_mean + 5 * torch.sin(2 * math.pi * (hour - 9) / 24)
    deck_top = air_mean + 0.8 * (air - air_mean) + 8 * sun
    deck_bot = air_mean + 0.3 * (air - air_mean) + 1.5 * sun
    asphalt = air_mean + 1.0 * (air - air_mean) + 14 * sun
    pier1 = 0.7 * air_mean + 3 + 0.2 * (air - air_mean)
    pier2 = 0.6 * air_mean + 4 + 0.15 * (air - air_mean)
    soil = 10 + 5 * season
    mean24 = air_mean + 1.5 * torch.randn(n, generator=gen)
    temps = torch.stack([air, deck_top, deck_bot, asphalt, pier1, pier2, soil, mean24], 1)
    temps = temps + 0.3 * torch.randn(n, BR_SENSORS, generator=gen)
    girder = 0.4 * deck_top + 0.6 * deck_bot
    grad = deck_top - deck_bot
    f0 = torch.tensor([3.9, 5.0, 9.8, 10.3])
    lin = torch.tensor([-0.0015, -0.0013, -0.0017, -0.0011])
    gcoef = torch.tensor([0.0004, -0.0006, 0.0008, -0.0002])
    freeze = torch.tensor([0.012, 0.008, 0.018, 0.010])
    cold = F.softplus(-asphalt / 1.5) * 1.5
    rel = (1 + lin * (girder.unsqueeze(1) - 10) + gcoef * grad.unsqueeze(1)
           + freeze * cold.unsqueeze(1) * (1 + 0.1 * cold.unsqueeze(1)))
    freq = f0 * rel * (1 + 0.003 * torch.randn(n, BR_MODES, generator=gen))
    return temps, freq


class FrequencyANN(nn.Module):
    """The temperature-frequency correlation network: temperatures -> two tanh layers -> the four frequencies."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(BR_SENSORS, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, BR_MODES))

    def forward(self, t: torch.Tensor) -> torch.Tensor:
        return self.net(t)


def frequency_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised frequencies."""
    t, f = batch
    return F.mse_loss(model(t), f)


def bridge_ann(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 16) -> dict[str, Any]:
    """The frequency ANN on 1024 records (a training period's identified modal sets); held out: 2048 other records
    in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(54102)
    t, f = _br_records(train_size + 2048, gen)
    t = (t - t[:train_size].mean(0)) / t[:train_size].std(0)
    f = (f - f[:train_size].mean(0)) / f[:train_size].std(0)
    tr = (t[:train_size], f[:train_size])
    torch.manual_seed(seed)
    return {"model": FrequencyANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((t[train_size:], f[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": frequency_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. Dota 2 draft outcome with NeuralAC (Adam)

AC_HEROES, AC_TEAM = 96, 5


def _ac_world() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A fixed hero pool of 96 heroes: a strength each, a synergy matrix (low-rank roles: carries want supports,
    two carries clash) and a counter matrix (antisymmetric, low rank: e.g. silences beat blinks)."""
    g = torch.Generator().manual_seed(54201)
    strength = 0.35 * torch.randn(AC_HEROES, generator=g)
    role = torch.randn(AC_HEROES, 4, generator=g)
    mix = torch.randn(4, 4, generator=g)
    syn = 0.035 * role @ (mix + mix.T) @ role.T
    a, b = torch.randn(AC_HEROES, 3, generator=g), torch.randn(AC_HEROES, 3, generator=g)
    cnt = 0.09 * (a @ b.T - b @ a.T)
    return strength, syn, cnt


def _ac_matches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ranked matches: 10 distinct heroes drawn with pick rates that favour strong heroes, the first five for the
    Radiant; the Radiant wins with probability sigmoid(2.5 (0.1 (side advantage) + strength + synergy + counters)).
    Returns (hero ids (n, 10), outcome)."""
    strength, syn, cnt = _ac_world()
    w = torch.exp(0.8 * strength).expand(n, AC_HEROES)
    heroes = torch.multinomial(w, 2 * AC_TEAM, generator=gen)
    r, d = heroes[:, :AC_TEAM], heroes[:, AC_TEAM:]

    def team_syn(t: torch.Tensor) -> torch.Tensor:
        s = syn[t.unsqueeze(2), t.unsqueeze(1)]
        return (s.sum((1, 2)) - s.diagonal(dim1=1, dim2=2).sum(1)) / 2

    logit = 2.5 * (0.1 + strength[r].sum(1) - strength[d].sum(1) + team_syn(r) - team_syn(d)
                   + cnt[r.unsqueeze(2), d.unsqueeze(1)].sum((1, 2)))
    y = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    return heroes, y


class NeuralAC(nn.Module):
    """NeuralAC (Gu et al. 2021) in miniature: hero embeddings; an individual skill per hero; a cooperation effect,
    the pairwise interactions of team-mates (an MLP of the two embeddings' product) weighted by a softmax attention
    over the 10 pairs (times 10); a competition effect, the interactions of every (Radiant, Dire) pair (an MLP of the
    two embeddings, made antisymmetric by subtracting it with the sides swapped), summed; the log-odds is the
    difference of the teams' individual and cooperation effects plus the competition effect and a side bias."""

    def __init__(self, dim: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(AC_HEROES, dim)
        self.skill = nn.Embedding(AC_HEROES, 1)
        nn.init.zeros_(self.skill.weight)
        self.coop = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        self.att = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        self.comp = nn.Sequential(nn.Linear(2 * dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        self.bias = nn.Parameter(torch.zeros(1))
        iu = torch.triu_indices(AC_TEAM, AC_TEAM, 1)
        self.register_buffer("iu", iu)

    def team(self, ids: torch.Tensor) -> torch.Tensor:
        e = self.emb(ids)
        pair = e[:, self.iu[0]] * e[:, self.iu[1]]  # n, 10 pairs, dim
        w = torch.softmax(self.att(pair).squeeze(2), 1)
        coop = (w * self.coop(pair).squeeze(2)).sum(1) * (AC_TEAM * (AC_TEAM - 1) / 2)
        return self.skill(ids).squeeze(2).sum(1) + coop

    def forward(self, heroes: torch.Tensor) -> torch.Tensor:
        r, d = heroes[:, :AC_TEAM], heroes[:, AC_TEAM:]
        er, ed = self.emb(r), self.emb(d)
        cross = torch.cat([er.unsqueeze(2).expand(-1, -1, AC_TEAM, -1), ed.unsqueeze(1).expand(-1, AC_TEAM, -1, -1)], 3)
        flip = torch.cat([ed.unsqueeze(2).expand(-1, -1, AC_TEAM, -1), er.unsqueeze(1).expand(-1, AC_TEAM, -1, -1)], 3)
        comp = (self.comp(cross) - self.comp(flip)).squeeze(3).sum((1, 2))
        return self.bias + self.team(r) - self.team(d) + comp


def outcome_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the Radiant's win."""
    heroes, y = batch
    return F.binary_cross_entropy_with_logits(model(heroes), y)


def neural_ac(batch_size: int = 64, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """NeuralAC on 2048 matches (one patch's ranked games at one skill bracket); held out: 8192 other matches in
    batches of 2048; Adam."""
    gen = torch.Generator().manual_seed(54202)
    h, y = _ac_matches(train_size + 8192, gen)
    tr = (h[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuralAC(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((h[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": outcome_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. mushroom growth stage from top-view images (SGD with Nesterov momentum)

MU_SIZE, MU_STAGES = 20, 4


def _mu_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Grey 20 x 20 top-view crops of one Agaricus mushroom in a casing-soil bed under the picking lights: a
    continuous maturity m in [0, 4); the cap a bright disc whose radius grows with m, slightly off-centre; the veil's
    ring (a dark annulus inside the cap's edge) opens from m = 2, the gills (a darker disc) show from m = 3 and the
    cap flattens (a flatter brightness profile); mottled casing soil, a light gradient, sensor noise. The grower's
    stage is floor(m + N(0, 0.15^2)), clipped (graders disagree near the boundaries)."""
    m = 4 * torch.rand(n, generator=gen)
    c = torch.arange(MU_SIZE).float() - (MU_SIZE - 1) / 2
    cx, cy = 1.5 * torch.randn(n, 1, 1, generator=gen), 1.5 * torch.randn(n, 1, 1, generator=gen)
    r = torch.sqrt((c.view(1, 1, -1) - cx) ** 2 + (c.view(1, -1, 1) - cy) ** 2)
    rad = (3.0 + 1.3 * m + 0.6 * torch.randn(n, generator=gen)).view(n, 1, 1)
    dome = (1 - (r / rad).clamp(max=1) ** 2).clamp_min(0) ** (0.5 - 0.1 * m.view(n, 1, 1).clamp(max=3))
    cap = torch.sigmoid(3 * (rad - r)) * (0.6 + 0.35 * dome)
    open_ = torch.sigmoid(4 * (m - 2)).view(n, 1, 1)
    ring = torch.exp(-((r - 0.7 * rad) ** 2) / 1.2) * 0.35 * open_
    gills = torch.sigmoid(4 * (m - 3)).view(n, 1, 1) * torch.sigmoid(2 * (0.6 * rad - r)) * 0.3
    soil = 0.25 + 0.08 * torch.randn(n, MU_SIZE // 2, MU_SIZE // 2, generator=gen)
    soil = soil.repeat_interleave(2, 1).repeat_interleave(2, 2)
    light = 1 + 0.15 * torch.randn(n, 1, 1, generator=gen) * c.view(1, 1, -1) / 10
    img = (soil * (1 - torch.sigmoid(3 * (rad - r))) + cap - ring - gills) * light
    img = img + 0.05 * torch.randn(n, MU_SIZE, MU_SIZE, generator=gen)
    stage = (m + 0.15 * torch.randn(n, generator=gen)).floor().clamp(0, MU_STAGES - 1).long()
    return img.unsqueeze(1), stage


class StageCNN(nn.Module):
    """A LeNet-style CNN: two 3x3 convolution + batch norm + ReLU + 2x2 max-pool blocks (8 and 16 channels), a dense
    layer of 32, four stage logits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
                                      nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(),
                                      nn.MaxPool2d(2), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * 25, 32), nn.ReLU(), nn.Linear(32, MU_STAGES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def stage_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the grower's stage."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def mushroom_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The stage CNN on 4096 crops; held out: 2048 other crops in batches of 1024; SGD with Nesterov momentum 0.9
    and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(54302)
    x, y = _mu_images(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StageCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": stage_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. avalanche danger level (scikit-learn-style MLPClassifier: Adam with L2 1e-4)

AV_FEAT = 12


def _av_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Forecast days at automatic weather stations in an alpine range (dry-snow season): 3-day new snow (a
    zero-inflated gamma-like draw), 24-h new snow, mean and max wind speed, wind-drifted snow index (new snow times
    wind), air temperature and its 3-day change, relative humidity, incoming shortwave radiation, snow height, the
    presence and depth of a persistent weak layer (a snow-cover model's output), elevation. The forecasters' danger
    level comes from a latent hazard (new-snow loading and drift, warming, the weak layer buried under a slab,
    deeper snow packs safer) plus forecaster noise, cut at three thresholds into levels 1-4 (0-3 here)."""
    snowing = (torch.rand(n, generator=gen) < 0.55).float()
    hn3 = snowing * (-25 * torch.log(torch.rand(n, generator=gen).clamp_min(1e-6)))
    hn1 = hn3 * torch.rand(n, generator=gen)
    wind = 2 + 6 * torch.rand(n, generator=gen) ** 1.5
    wmax = wind * (1.5 + torch.rand(n, generator=gen))
    drift = hn3 * wind / 10
    ta = -8 + 6 * torch.randn(n, generator=gen)
    dta = 3 * torch.randn(n, generator=gen)
    rh = (75 + 15 * torch.randn(n, generator=gen)).clamp(20, 100)
    isw = (150 + 80 * torch.randn(n, generator=gen)).clamp_min(0)
    hs = 60 + 120 * torch.rand(n, generator=gen)
    pwl = (torch.rand(n, generator=gen) < 0.4).float()
    pwl_depth = pwl * hs * torch.rand(n, generator=gen)
    elev = 1500 + 1300 * torch.rand(n, generator=gen)
    slab = torch.exp(-((pwl_depth - 50) / 35) ** 2) * pwl
    hazard = (0.035 * hn3 + 0.05 * hn1 + 0.08 * drift + 0.15 * F.relu(dta) * (ta > -4).float()
              + 1.2 * slab + 0.4 * pwl - 0.006 * hs + 0.0006 * (elev - 2000) + 0.15 * F.relu(wind - 5)
              + 0.004 * F.relu(isw - 200) * (ta > -3).float())
    hazard = hazard + 0.35 * torch.randn(n, generator=gen)
    level = torch.bucketize(hazard, torch.tensor([0.2, 1.1, 2.3]))
    feats = torch.stack([hn3, hn1, wind, wmax, drift, ta, dta, rh, isw, hs, pwl_depth, elev], 1)
    return feats, level


class DangerMLP(nn.Module):
    """scikit-learn's ``MLPClassifier()`` in torch: one hidden layer of 100 ReLU units, softmax output."""

    def __init__(self, hidden: int = 100) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(AV_FEAT, hidden), nn.ReLU(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def danger_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the forecast danger level."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def avalanche_mlp(batch_size: int = 200, seed: int = 0, train_size: int = 3000) -> dict[str, Any]:
    """The danger-level MLP on 3000 station-days (features standardised, scikit-learn's ``StandardScaler``); held
    out: 3000 other days in batches of 1000; Adam with L2 alpha 1e-4 (scikit-learn's defaults: batch
    min(200, n), beta 0.9 / 0.999; its L2 is added to the loss, which torch's Adam ``weight_decay`` does too)."""
    gen = torch.Generator().manual_seed(54402)
    x, y = _av_days(train_size + 3000, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DangerMLP(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1000),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=1e-4), "adam_l2_1e-4"),
            "loss_fn": danger_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. radial-gate discharge coefficient in an irrigation canal (RMSprop; long only)


def _gate_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Radial (Tainter) gate checks of a lined irrigation canal: gate opening w 0.1-1.0 m, upstream head h1 from
    just above the opening to 3 m, the downstream head from the tailwater (free flow when it is below the
    contracted jet's conjugate depth, submerged above it), the gate's pivot height 1.5-3 m and radius ratio. The
    discharge coefficient: a contraction coefficient that depends on the lip angle (from w, pivot height and
    radius), the free-flow energy equation, and in submerged flow the energy-momentum solution's reduction
    (smoothly blended); field-rating noise 2%. Returns (features: w / h1, h3 / h1, pivot / h1, radius / pivot,
    log h1; Cd)."""
    w = 0.1 + 0.9 * torch.rand(n, generator=gen)
    h1 = w * (1.3 + 4 * torch.rand(n, generator=gen))
    pivot = 1.5 + 1.5 * torch.rand(n, generator=gen)
    rad = pivot * (1.1 + 0.4 * torch.rand(n, generator=gen))
    lip = torch.acos(((pivot - w) / rad).clamp(-1, 1))
    cc = 0.6 + 0.12 * (1 - lip / (math.pi / 2)) - 0.05 * w / h1
    y2 = cc * w
    cd_free = cc / torch.sqrt(1 + cc * w / h1)
    v2 = cd_free * torch.sqrt(2 * 9.81 * h1) * w / y2
    conj = y2 / 2 * (torch.sqrt(1 + 8 * v2**2 / (9.81 * y2)) - 1)
    h3 = conj * (0.3 + 1.2 * torch.rand(n, generator=gen))
    h3 = torch.minimum(h3, 0.97 * h1)
    sub = torch.sigmoid((h3 - conj) / (0.05 * conj))
    drop = ((h1 - h3) / (h1 - y2).clamp_min(1e-3)).clamp(0, 1)
    cd = cd_free * (1 - sub * (1 - drop.sqrt() ** 1.2))
    cd = cd * (1 + 0.02 * torch.randn(n, generator=gen))
    feats = torch.stack([w / h1, h3 / h1, pivot / h1, rad / pivot, torch.log(h1)], 1)
    return feats, cd


class GateANN(nn.Module):
    """The gate-rating ANN: five dimensionless inputs, two sigmoid hidden layers of 20, the discharge coefficient."""

    def __init__(self, hidden: int = 20) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.Sigmoid(), nn.Linear(hidden, hidden), nn.Sigmoid(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def cd_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised discharge coefficient."""
    x, cd = batch
    return F.mse_loss(model(x), cd)


def gate_ann(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The gate ANN on 4096 rated cases (inputs and Cd standardised); held out: 4096 other cases in batches of 2048;
    RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(54502)
    x, cd = _gate_cases(train_size + 4096, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    cd = (cd - cd[:train_size].mean()) / cd[:train_size].std()
    tr = (x[:train_size], cd[:train_size])
    torch.manual_seed(seed)
    return {"model": GateANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], cd[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": cd_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. overhead-crane sway, a virtual sensor (RAdam; long only)

CR_WIN, CR_DT = 32, 0.1


def _crane_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A warehouse overhead crane's trolley moves loads with smooth random acceleration profiles (jerk-limited
    segments, 0.5 m/s^2 at most); the payload hangs on a rope of 2-10 m (hoisted between moves), with air and rope
    damping; its sway obeys the pendulum equation theta'' = -(g/L) sin(theta) - a cos(theta) / L - c theta',
    integrated at 0.02 s from rest. Each window: the 32 trolley accelerations of a move (at 0.1 s, accelerometer
    noise 0.02 m/s^2), the rope length; the targets are the sway angle (deg / 5) and rate (deg/s / 5) at the
    window's end."""
    steps = CR_WIN * 5
    seg = torch.randn(n, steps // 25 + 2, generator=gen) * 0.25
    a = seg.repeat_interleave(25, 1)[:, :steps]
    kernel = torch.ones(1, 1, 15) / 15
    a = F.conv1d(a.unsqueeze(1), kernel, padding=7).squeeze(1).clamp(-0.5, 0.5)
    length = 2 + 8 * torch.rand(n, generator=gen)
    damp = 0.02 + 0.06 * torch.rand(n, generator=gen)
    th = torch.zeros(n)
    om = torch.zeros(n)
    dt = CR_DT / 5
    for k in range(steps):
        acc = -(9.81 / length) * torch.sin(th) - a[:, k] * torch.cos(th) / length - damp * om
        om = om + dt * acc
        th = th + dt * om
    meas = a[:, ::5] + 0.02 * torch.randn(n, CR_WIN, generator=gen)
    x = torch.cat([meas / 0.25, ((length - 6) / 2.3).unsqueeze(1)], 1)
    y = torch.stack([torch.rad2deg(th), torch.rad2deg(om)], 1) / 5
    return x, y


class SwayNet(nn.Module):
    """The sway estimator: the acceleration window and rope length -> two ReLU layers of 64 -> angle and rate."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(CR_WIN + 1, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sway_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled sway angle and rate."""
    x, y = batch
    return F.mse_loss(model(x), y)


def crane_sway(batch_size: int = 128, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The sway estimator on 8192 logged windows; held out: 4096 other windows in batches of 2048; RAdam."""
    gen = torch.Generator().manual_seed(54602)
    x, y = _crane_windows(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwayNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": sway_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("bridge_freq_ann_sgdm", bridge_ann, 300, "bridge_modal_frequency_temperature_ann", "sgd_momentum0.9",
      "finite", 32, seconds=0.2, start_lr=0.1),
    W("neural_ac_adam", neural_ac, 300, "neuralac_dota2_draft_outcome", "adam", "finite", 64,
      seconds=1.0, start_lr=0.002),
    W("mushroom_stage_cnn_sgdn", mushroom_cnn, 300, "mushroom_growth_stage_cnn", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=1.1, start_lr=0.0125),
    W("avalanche_danger_mlp_adam", avalanche_mlp, 300, "avalanche_danger_level_mlp", "adam_l2_1e-4", "finite", 200,
      seconds=0.4, start_lr=0.016),
)
LONG = (
    W("gate_ann_rmsprop@long", gate_ann, 3000, "radial_gate_discharge_coefficient_ann", "rmsprop", "finite", 32,
      seconds=2.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("crane_sway_radam@long", crane_sway, 3000, "overhead_crane_sway_virtual_sensor", "radam", "finite", 128,
      seconds=2.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("bridge_freq_ann_sgdm@long", bridge_ann, 3000, "bridge_modal_frequency_temperature_ann", "sgd_momentum0.9",
      "finite", 32, dict(train_size=4096, hidden=32), seconds=1.5, start_lr=0.05, grid_fractions=(0.0, 0.05),
      long_of="bridge_freq_ann_sgdm"),
    W("avalanche_danger_mlp_adam@long", avalanche_mlp, 3000, "avalanche_danger_level_mlp", "adam_l2_1e-4", "finite",
      200, dict(train_size=6000), seconds=4.0, start_lr=0.002, grid_fractions=(0.0, 0.05),
      long_of="avalanche_danger_mlp_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam54_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-fourth exam's workloads")
