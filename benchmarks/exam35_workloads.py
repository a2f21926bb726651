"""The thirty-fifth exam: six more workload families that neither the suite nor exams 1-34 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam34_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from ecology and wildlife
biology, pharmacology (toxicology), structural and civil engineering, sports analytics, particle physics and sonar
signal processing (exam 36 was built at the same time from other domains; its module was not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam35/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- sonar target classification after Gorman & Sejnowski (1988): a sigmoid MLP with one hidden layer of 12 units
  reads the 60-band spectral envelope of a sonar return and tells a metal cylinder (a mine) from a rock; two
  sigmoid outputs and their squared error (their network and loss); returns from resonance models of the two
  targets over aspect angles, with reverberation noise; SGD with momentum 0.9 (back-propagation with momentum, as
  they trained it; whether they used momentum, and its value, from memory)
- concrete compressive strength after Yeh (1998): a tanh MLP (two hidden layers of 16) maps a mix's eight
  ingredients (cement, slag, fly ash, water, superplasticiser, coarse and fine aggregate per m^3, and the log age
  in days), standardised, to its standardised strength; mixes from Abrams' law on an effective water-binder ratio
  with slag and ash efficiency factors and an ACI-style maturity curve; MSE; batch 32; SGD with momentum 0.9
  (back-propagation with momentum, as Yeh's ANNs were trained; from memory)
- multitask toxicity prediction with DeepTox (Mayr et al. 2016), as DeepChem's ``MultitaskClassifier`` builds it:
  shared ReLU layers with dropout over a 512-bit circular fingerprint, one logistic output per assay (12 Tox21-like
  assays); activities from shared latent toxicophore mechanisms; the binary cross-entropy over the observed labels
  only (30% missing); Adam (DeepChem's default)
- pass success probability surfaces with SoccerMap (Fernandez & Bornn 2020): a fully convolutional net over
  football tracking channels (attackers, defenders, the ball, the distances to the ball and the goal) at two
  scales, fused, gives a success probability at every location of the pitch; the log loss is read at the pass's
  destination only; passes whose success comes from the time the nearest attacker and defender need to reach the
  destination and the ball's flight; Adam (SoccerMap's; from memory)
- the HIGGS benchmark's deep network (Baldi, Sadowski & Whiteson 2014; a long plan only): a deep tanh MLP tells
  heavy-Higgs signal events (gg -> H0 -> W H+-, H+- -> W h0, h0 -> bb) from the top-pair background (both
  l nu jj bb) from 21 low-level and 7 high-level (invariant-mass) features; two-body decay chains, jet energy
  resolution and b-tagging; binary cross-entropy; SGD with momentum 0.9 and weight decay 1e-5 at batch 100 (the
  paper's)
- habitat selection with a neural step-selection function (animal movement ecology; a long plan only): an MLP
  scores each step of a GPS-collared animal from the habitat at its end (forest cover, elevation, distance to a
  road) and its length and turning angle; a softmax over the used step and 15 available steps (the conditional
  logit of step-selection analysis, Fortin et al. 2005); tracks simulated on a fixed landscape; Adam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the HIGGS network and
the step-selection function (no short plans), the sonar MLP on 4096 returns instead of 192 and DeepTox on 16,384
compounds instead of 4096.

Of the eight plans, four use SGD with momentum 0.9 (both sonar plans, the concrete ANN, and the HIGGS network with
weight decay 1e-5) and four plain Adam (both DeepTox plans, SoccerMap, the step-selection function).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam35_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam35/README.md).

    python benchmarks/exam35_workloads.py          # the table
    python benchmarks/exam35_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 35"


# --------------------------------------------------------------------------------------------------------------
# 1. sonar returns, mines against rocks (Gorman & Sejnowski 1988; SGD with momentum)

SN_BANDS = 60


def _sonar_returns(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spectral envelopes of sonar returns in 60 frequency bands (a chirp's band), as Gorman & Sejnowski's
    preprocessing gives them: the energy in each band, scaled to [0, 1]. A metal cylinder rings at a series of
    resonances whose spacing depends on the aspect angle (sharp, regularly spaced peaks); a rock of a similar size
    gives a few broad, irregular highlights. Both ride on the chirp's band shape and a random reverberation texture.
    Returns (envelopes, labels: 1 mine, 0 rock)."""
    f = torch.linspace(0, 1, SN_BANDS).view(1, -1)
    mine = (torch.rand(n, generator=gen) < 0.5).float()
    band = torch.exp(-((f - 0.5 - 0.1 * torch.randn(n, 1, generator=gen)) ** 2) / 0.18)
    aspect = math.pi / 2 * torch.rand(n, 1, generator=gen)
    spacing = 0.09 + 0.08 * torch.cos(aspect)  # the cylinder's resonance spacing (in band units)
    f0 = spacing * torch.rand(n, 1, generator=gen)
    k = torch.arange(12).float().view(1, 1, -1)
    centres = f0.unsqueeze(2) + spacing.unsqueeze(2) * k  # n, 1, 12
    width = 0.018 + 0.012 * torch.rand(n, 1, 1, generator=gen)
    amp = (0.3 + 0.7 * torch.rand(n, 1, 12, generator=gen)) * (0.2 + 2 * centres)  # stronger up the band
    cyl = (amp * torch.exp(-((f.unsqueeze(2) - centres) ** 2) / (2 * width**2))).sum(2)
    rc = torch.rand(n, 1, 5, generator=gen) ** 2.5  # rough scattering: mostly low in the band
    rw = 0.03 + 0.06 * torch.rand(n, 1, 5, generator=gen)
    ra = 0.4 + 0.8 * torch.rand(n, 1, 5, generator=gen)
    rock = (ra * torch.exp(-((f.unsqueeze(2) - rc) ** 2) / (2 * rw**2))).sum(2)
    target = torch.where(mine.view(-1, 1) > 0, cyl, rock)
    strength = 0.25 + 0.75 * torch.rand(n, 1, generator=gen)  # range and target strength
    texture = torch.exp(0.2 * torch.randn(n, SN_BANDS, generator=gen))  # reverberation / speckle
    env = band * (0.3 + strength * target) * texture
    env = env / env.max(1, keepdim=True).values
    return env, mine


class SonarNet(nn.Module):
    """Gorman & Sejnowski's network: 60 inputs, one hidden layer of sigmoid units (12, one of their sizes), two
    sigmoid outputs (mine, rock)."""

    def __init__(self, hidden: int = 12) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(SN_BANDS, hidden), nn.Sigmoid(), nn.Linear(hidden, 2), nn.Sigmoid())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sonar_sq_error(model: nn.Module, batch: Any) -> torch.Tensor:
    """Back-propagation's squared error of the two sigmoid outputs against the (mine, rock) code, summed over the
    outputs and averaged over the returns."""
    x, mine = batch
    target = torch.stack([mine, 1 - mine], 1)
    return ((model(x) - target) ** 2).sum(1).mean()


def sonar_mlp(batch_size: int = 16, seed: int = 0, train_size: int = 192, hidden: int = 12) -> dict[str, Any]:
    """The sonar network on 192 returns (Gorman & Sejnowski had 208); held out: 1024 other returns in batches of
    512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(35102)
    x, y = _sonar_returns(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SonarNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": sonar_sq_error, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. concrete compressive strength (Yeh 1998; SGD with momentum)


def _concrete_mixes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Concrete mixes as in Yeh's data (kg per m^3 and days): cement 100-540, blast-furnace slag 0-360 (in 55% of
    mixes), fly ash 0-200 (in 45%), water 120-250, superplasticiser 0-32 (in 60%), coarse aggregate 800-1150, fine
    aggregate 590-990, age 1-365 days (the test ages 3, 7, 14, 28, 56, 90, 180, 365 and others). Strength: Abrams'
    law on the water / effective-binder ratio (slag counts 0.8 at 28 days and more later, ash 0.35 early and 0.7
    late: pozzolanic reaction), superplasticiser raising strength through dispersion, an aggregate-paste term and an
    ACI-style maturity curve t / (a + b t) (slower with slag and ash); a batch-to-batch spread of 7% and a
    measurement error of 1.5 MPa. Returns (the eight inputs standardised, with log age; strength / 10 MPa)."""
    cement = 100 + 440 * torch.rand(n, generator=gen)
    slag = torch.where(torch.rand(n, generator=gen) < 0.55, 360 * torch.rand(n, generator=gen), torch.zeros(n))
    ash = torch.where(torch.rand(n, generator=gen) < 0.45, 200 * torch.rand(n, generator=gen), torch.zeros(n))
    water = 120 + 130 * torch.rand(n, generator=gen)
    sp = torch.where(torch.rand(n, generator=gen) < 0.6, 32 * torch.rand(n, generator=gen) ** 2, torch.zeros(n))
    coarse = 800 + 350 * torch.rand(n, generator=gen)
    fine = 590 + 400 * torch.rand(n, generator=gen)
    ages = torch.tensor([1.0, 3, 7, 14, 28, 56, 90, 180, 365])
    age = ages[torch.randint(0, 9, (n,), generator=gen)]
    late = torch.log1p(age) / math.log(366)  # 0 at casting, 1 at a year
    binder = cement + (0.6 + 0.5 * late) * slag + (0.1 + 0.8 * late) * ash
    wb = (water - 0.4 * sp.sqrt() * 6) / binder
    f28 = 105 / 8.5 ** wb.clamp(0.2, 1.6) * (1 + 0.003 * sp) * (1 - 0.0002 * (fine - 790).abs())
    slow = (slag + ash) / (cement + slag + ash)
    a = 4.0 * (1 + 1.5 * slow)
    maturity = age / (a + 0.86 * age) * (1 + 0.06 * torch.log(age / 28).clamp_min(0) * slow)
    strength = f28 * maturity * torch.exp(0.07 * torch.randn(n, generator=gen))
    strength = (strength + 1.5 * torch.randn(n, generator=gen)).clamp_min(2.0)
    x = torch.stack([cement, slag, ash, water, sp, coarse, fine, torch.log(age)], 1)
    return x, strength / 10


class ConcreteANN(nn.Module):
    """Yeh's back-propagation network (8 inputs, one linear output), with two hidden layers of 16 tanh units (Yeh's
    had one layer of sigmoid units)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def strength_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the strength (in units of 10 MPa)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def concrete_ann(batch_size: int = 32, seed: int = 0, train_size: int = 824, hidden: int = 16) -> dict[str, Any]:
    """The concrete ANN on 824 mixes (80% of Yeh's 1030), inputs and strength standardised over them; held out:
    1024 other mixes in batches of 512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(35202)
    x, y = _concrete_mixes(train_size + 1024, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ConcreteANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": strength_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. multitask toxicity prediction with DeepTox (Adam)

TX_BITS, TX_TASKS, TX_FACTORS = 512, 12, 16


def _tox_compounds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tox21-like data: each compound a 512-bit circular fingerprint (about 30 substructure bits on, drawn with
    Zipf-like frequencies: common scaffolds and rare groups); 12 assays (nuclear-receptor and stress-response
    panels) whose activity comes from shared toxicophores: 16 latent mechanisms, each a weighted set of
    substructures passed through a saturating nonlinearity and an interaction of two mechanisms, read by each assay
    with its own weights and a negative offset (5-15% actives); the label drawn from the activity's probability;
    30% of the (compound, assay) labels missing, as in Tox21. Returns (fingerprints, labels, observed mask)."""
    tg = torch.Generator().manual_seed(35301)
    freq = 1.0 / torch.arange(1, TX_BITS + 1).float() ** 0.7
    freq = (freq / freq.sum() * 30).clamp_max(0.6)
    mech = torch.randn(TX_BITS, TX_FACTORS, generator=tg) * (torch.rand(TX_BITS, TX_FACTORS, generator=tg) < 0.08)
    read = torch.randn(TX_FACTORS, TX_TASKS, generator=tg) * (torch.rand(TX_FACTORS, TX_TASKS, generator=tg) < 0.35)
    pair = torch.randint(0, TX_FACTORS, (TX_TASKS, 2), generator=tg)
    fp = (torch.rand(n, TX_BITS, generator=gen) < freq).float()
    z = torch.tanh(fp @ mech / 1.5)
    logit = 3 * (z @ read + 1.5 * z[:, pair[:, 0]] * z[:, pair[:, 1]]) - 3.0
    y = (torch.rand(n, TX_TASKS, generator=gen) < torch.sigmoid(logit)).float()
    mask = (torch.rand(n, TX_TASKS, generator=gen) > 0.3).float()
    return fp, y, mask


class DeepTox(nn.Module):
    """DeepTox's multitask network (Mayr et al. 2016), as DeepChem's ``MultitaskClassifier`` builds it: shared ReLU
    layers with dropout over the fingerprint, one logistic output per assay (here two layers of 128 and dropout
    0.25; DeepTox's had up to four layers of thousands of units)."""

    def __init__(self, hidden: int = 128, dropout: float = 0.25) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(TX_BITS, hidden), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden, TX_TASKS))

    def forward(self, fp: torch.Tensor) -> torch.Tensor:
        return self.net(fp)


def masked_multitask_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """DeepTox's loss: the binary cross-entropy of each assay's output, over the observed labels only."""
    fp, y, mask = batch
    loss = F.binary_cross_entropy_with_logits(model(fp), y, reduction="none")
    return (loss * mask).sum() / mask.sum().clamp_min(1.0)


def deeptox(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 128) -> dict[str, Any]:
    """DeepTox on 4096 compounds (Tox21's challenge had about 12,000); held out: 2048 other compounds in batches of
    512; Adam (DeepChem's default for this model)."""
    gen = torch.Generator().manual_seed(35302)
    fp, y, m = _tox_compounds(train_size + 2048, gen)
    tr = (fp[:train_size], y[:train_size], m[:train_size])
    torch.manual_seed(seed)
    return {"model": DeepTox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((fp[train_size:], y[train_size:], m[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": masked_multitask_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pass success probability with SoccerMap (Adam)

SM_H, SM_W = 12, 16  # cells across and along the pitch (68 x 105 m), 5.7 x 6.6 m each
SM_LEN, SM_WID = 105.0, 68.0


def _sm_passes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tracking frames at the moment of a pass: 10 attacking outfield players in a 4-3-3 shape shifted with the
    phase of play, 10 defenders marking them with a lag and a compactness pull toward the ball, the ball with one
    attacker; the pass goes to a teammate's position plus a lead (run into space). Its success probability comes
    from the time the nearest attacker needs to reach the destination against the nearest defender's (players at
    7 m/s with a reaction time), the ball's flight time (15 m/s) and the distance; the label is drawn from it.
    Returns (channels (n, 5, 12, 16), destination cell index, success)."""
    shape = torch.tensor([[25, 10], [25, 26], [25, 42], [25, 58], [50, 18], [50, 34], [50, 50], [75, 12], [78, 34],
                          [75, 56]]).float()
    shift = torch.stack([-15 + 30 * torch.rand(n, generator=gen), -8 + 16 * torch.rand(n, generator=gen)], 1)
    att = shape.unsqueeze(0) + shift.unsqueeze(1) + 5 * torch.randn(n, 10, 2, generator=gen)
    carrier = torch.randint(0, 10, (n,), generator=gen)
    ball = att[torch.arange(n), carrier]
    lag = 2 + 6 * torch.rand(n, 10, 1, generator=gen)
    ang = 2 * math.pi * torch.rand(n, 10, generator=gen)
    dfd = att + lag * torch.stack([torch.cos(ang), torch.sin(ang)], 2) + torch.tensor([3.0, 0.0])
    dfd = dfd + 0.25 * (ball.unsqueeze(1) - dfd)
    lim = torch.tensor([SM_LEN - 0.1, SM_WID - 0.1])
    att, dfd = torch.minimum(att.clamp_min(0.1), lim), torch.minimum(dfd.clamp_min(0.1), lim)
    ball = att[torch.arange(n), carrier]
    mate = (carrier + torch.randint(1, 10, (n,), generator=gen)) % 10
    dest = att[torch.arange(n), mate] + 6 * torch.randn(n, 2, generator=gen)
    dest = torch.minimum(dest.clamp_min(0.1), lim)
    d_att = (att - dest.unsqueeze(1)).norm(dim=2)
    d_att[torch.arange(n), carrier] = 1e3
    d_def = (dfd - dest.unsqueeze(1)).norm(dim=2)
    dist = (dest - ball).norm(dim=1)
    t_ball = dist / 15
    t_att = 0.3 + d_att.min(1).values / 7
    t_def = 0.5 + d_def.min(1).values / 7
    logit = 2 * (2.5 * (t_def - t_att) - 1.2 * (t_att - t_ball).clamp_min(0) + 1.5 - 0.02 * dist)
    success = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    cy = torch.linspace(SM_WID / SM_H / 2, SM_WID - SM_WID / SM_H / 2, SM_H)
    cx = torch.linspace(SM_LEN / SM_W / 2, SM_LEN - SM_LEN / SM_W / 2, SM_W)
    grid = torch.stack(torch.meshgrid(cx, cy, indexing="xy"), -1).view(1, SM_H * SM_W, 2)

    def occupancy(p: torch.Tensor) -> torch.Tensor:
        col = (p[..., 0] / SM_LEN * SM_W).long().clamp(0, SM_W - 1)
        row = (p[..., 1] / SM_WID * SM_H).long().clamp(0, SM_H - 1)
        out = torch.zeros(n, SM_H * SM_W)
        out.scatter_add_(1, (row * SM_W + col).view(n, -1), torch.ones(n, p.shape[-2] if p.dim() == 3 else 1))
        return out

    to_ball = (grid - ball.unsqueeze(1)).norm(dim=2) / 40
    to_goal = (grid - torch.tensor([SM_LEN, SM_WID / 2])).norm(dim=2).expand(n, -1) / 40
    chans = torch.stack([occupancy(att), occupancy(dfd), occupancy(ball.unsqueeze(1)), to_ball, to_goal], 1)
    col = (dest[:, 0] / SM_LEN * SM_W).long().clamp(0, SM_W - 1)
    row = (dest[:, 1] / SM_WID * SM_H).long().clamp(0, SM_H - 1)
    return chans.view(n, 5, SM_H, SM_W), row * SM_W + col, success


class SoccerMap(nn.Module):
    """SoccerMap (Fernandez & Bornn 2020) at two scales instead of three: 5x5 convolutions (ReLU) at full and half
    resolution, a 1x1 prediction at each, the coarse one upsampled and fused with the fine one by a learned 1x1
    convolution; one logit per pitch location."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.fine = nn.Sequential(nn.Conv2d(5, width, 5, padding=2), nn.ReLU(), nn.Conv2d(width, width, 5, padding=2),
                                  nn.ReLU())
        self.coarse = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(),
                                    nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.ReLU())
        self.pred_fine = nn.Conv2d(width, 1, 1)
        self.pred_coarse = nn.Conv2d(2 * width, 1, 1)
        self.fuse = nn.Conv2d(2, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.fine(x)
        c = F.interpolate(self.pred_coarse(self.coarse(h)), scale_factor=2, mode="nearest")
        return self.fuse(torch.cat([self.pred_fine(h), c], 1)).flatten(1)  # n, cells (logits)


def pass_log_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """SoccerMap's loss: the binary log loss of the success probability at the pass's destination cell only."""
    x, cell, success = batch
    logit = model(x).gather(1, cell.view(-1, 1)).squeeze(1)
    return F.binary_cross_entropy_with_logits(logit, success)


def soccermap(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """SoccerMap on 4096 passes; held out: 2048 other passes in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(35402)
    x, c, s = _sm_passes(train_size + 2048, gen)
    tr = (x[:train_size], c[:train_size], s[:train_size])
    torch.manual_seed(seed)
    return {"model": SoccerMap(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], c[train_size:], s[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pass_log_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. the HIGGS benchmark's deep network (Baldi, Sadowski & Whiteson 2014; SGD with momentum; long only)


def _boost(p: torch.Tensor, parent: torch.Tensor) -> torch.Tensor:
    """Boost four-vectors ``p`` (E, px, py, pz) from the rest frame of ``parent`` to the lab."""
    m = (parent[:, 0] ** 2 - (parent[:, 1:] ** 2).sum(1)).clamp_min(1e-6).sqrt()
    b = parent[:, 1:] / parent[:, :1]
    gamma = parent[:, 0] / m
    bp = (b * p[:, 1:]).sum(1)
    b2 = (b**2).sum(1).clamp_min(1e-12)
    coef = (gamma - 1) * bp / b2 + gamma * p[:, 0]
    return torch.cat([(gamma * (p[:, 0] + bp)).unsqueeze(1), p[:, 1:] + coef.unsqueeze(1) * b], 1)


def _decay(parent: torch.Tensor, m1: torch.Tensor, m2: torch.Tensor, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """An isotropic two-body decay of ``parent`` into masses m1 and m2, returned in the lab frame."""
    n = len(parent)
    M = (parent[:, 0] ** 2 - (parent[:, 1:] ** 2).sum(1)).clamp_min(1e-6).sqrt()
    q = ((M**2 - (m1 + m2) ** 2).clamp_min(0) * (M**2 - (m1 - m2) ** 2).clamp_min(0)).sqrt() / (2 * M)
    cos_t = 2 * torch.rand(n, generator=gen) - 1
    phi = 2 * math.pi * torch.rand(n, generator=gen)
    sin_t = (1 - cos_t**2).sqrt()
    d = torch.stack([sin_t * torch.cos(phi), sin_t * torch.sin(phi), cos_t], 1) * q.unsqueeze(1)
    e1, e2 = (m1**2 + q**2).sqrt(), (m2**2 + q**2).sqrt()
    return _boost(torch.cat([e1.unsqueeze(1), d], 1), parent), _boost(torch.cat([e2.unsqueeze(1), -d], 1), parent)


def _mass(*ps: torch.Tensor) -> torch.Tensor:
    p = sum(ps)
    return (p[:, 0] ** 2 - (p[:, 1:] ** 2).sum(1)).clamp_min(0).sqrt()


def _pt_eta_phi(p: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    pt = p[:, 1:3].norm(dim=1).clamp_min(1e-3)
    return pt, torch.asinh(p[:, 3] / pt), torch.atan2(p[:, 2], p[:, 1])


def _higgs_events(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Baldi et al.'s benchmark process at parton level with a crude detector. Signal (half the events): gg -> H0
    (m 425 GeV, width 15) -> W H+- with H+- (m 325, width 10) -> W h0 and h0 (125) -> bb. Background: t tbar
    (system mass 350 + an exponential of mean 150) with t -> W b. In both one W decays to l nu, the other to two
    jets; the produced system has a transverse kick (pT ~ 30 GeV) and a longitudinal boost. Jets are smeared by
    12% (leptons 2%); the neutrino is the missing transverse momentum with 15 GeV of resolution; b-tag scores are
    1 with probability 0.7 for b jets, 0.05 for light jets. Features: Baldi's 21 low-level ones (the lepton's pT,
    eta, phi; the missing energy's magnitude and phi; four jets' pT, eta, phi and b-tag, the jets ordered by pT)
    and 7 high-level ones (m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb, with the true assignment of the jets),
    log-transformed where positive and heavy-tailed. Returns (features, label)."""
    sig = (torch.rand(n, generator=gen) < 0.5)
    s_mass = 425 + 15 * torch.randn(n, generator=gen)
    b_mass = 350 + torch.empty(n).exponential_(1 / 150, generator=gen)
    mass = torch.where(sig, s_mass, b_mass)
    kick = 30 * torch.randn(n, 2, generator=gen)
    pz = mass * 0.8 * torch.randn(n, generator=gen)
    e = (mass**2 + (kick**2).sum(1) + pz**2).sqrt()
    system = torch.cat([e.unsqueeze(1), kick, pz.unsqueeze(1)], 1)
    w = lambda: (80.4 + 2.0 * torch.randn(n, generator=gen)).clamp(60, 100)  # noqa: E731
    zero = torch.zeros(n) + 1e-3
    mb = torch.full((n,), 4.8)
    # signal chain
    hpm = (325 + 10 * torch.randn(n, generator=gen)).clamp_max(s_mass - 85)
    w1, hc = _decay(system, w(), hpm, gen)
    w2, h0 = _decay(hc, w(), (125 + 2 * torch.randn(n, generator=gen)).clamp_max(hpm - 85), gen)
    sb1, sb2 = _decay(h0, mb, mb, gen)
    # background chain
    mt = lambda: (172.5 + 1.5 * torch.randn(n, generator=gen)).clamp(165, 180)  # noqa: E731
    t1, t2 = _decay(system, mt(), mt(), gen)
    bw1, bb1 = _decay(t1, w(), mb, gen)
    bw2, bb2 = _decay(t2, w(), mb, gen)
    pick = lambda a, b: torch.where(sig.unsqueeze(1), a, b)  # noqa: E731
    wa, wb = pick(w1, bw1), pick(w2, bw2)
    b1, b2 = pick(sb1, bb1), pick(sb2, bb2)
    lep_first = (torch.rand(n, generator=gen) < 0.5).unsqueeze(1)
    wl, wh = torch.where(lep_first, wa, wb), torch.where(lep_first, wb, wa)
    lep, nu = _decay(wl, zero, zero, gen)
    j1, j2 = _decay(wh, zero, zero, gen)

    def smear(p: torch.Tensor, s: float) -> torch.Tensor:
        return p * (1 + s * torch.randn(n, 1, generator=gen)).clamp_min(0.3)

    lep = smear(lep, 0.02)
    jets = [smear(j, 0.12) for j in (j1, j2, b1, b2)]
    met = nu[:, 1:3] + 15 * torch.randn(n, 2, generator=gen)
    nu_t = torch.cat([met.norm(dim=1, keepdim=True), met, torch.zeros(n, 1)], 1)
    tags = torch.stack([torch.rand(n, generator=gen) < p for p in (0.05, 0.05, 0.7, 0.7)], 1).float()
    jet_kin = torch.stack([torch.stack(_pt_eta_phi(j), 1) for j in jets], 1)  # n, 4, 3
    order = jet_kin[:, :, 0].argsort(1, descending=True)
    jet_kin = jet_kin.gather(1, order.unsqueeze(2).expand(n, 4, 3))
    tags = tags.gather(1, order)
    lpt, leta, lphi = _pt_eta_phi(lep)
    low = [torch.log(lpt), leta, lphi, torch.log(met.norm(dim=1).clamp_min(1.0)), torch.atan2(met[:, 1], met[:, 0])]
    for k in range(4):
        low += [torch.log(jet_kin[:, k, 0]), jet_kin[:, k, 1], jet_kin[:, k, 2], tags[:, k]]
    jj, bb = jets[0] + jets[1], jets[2] + jets[3]
    lv = lep + nu_t
    high = [_mass(jets[0], jets[1]), _mass(jj, jets[2]), _mass(lep, nu_t), _mass(lv, jets[3]), _mass(bb),
            _mass(jj, bb), _mass(jj, bb, lv)]
    x = torch.stack(low + [torch.log(h.clamp_min(1.0)) for h in high], 1)
    return x, sig.float()


class HiggsNet(nn.Module):
    """Baldi et al.'s deep network (five hidden layers of 300 tanh units in the paper; here four of 64), one
    logistic output."""

    def __init__(self, hidden: int = 64, layers: int = 4) -> None:
        super().__init__()
        mods: list[nn.Module] = []
        width = 28
        for _ in range(layers):
            mods += [nn.Linear(width, hidden), nn.Tanh()]
            width = hidden
        self.net = nn.Sequential(*mods, nn.Linear(width, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def event_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy of signal against background."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def higgs_dnn(batch_size: int = 100, seed: int = 0, train_size: int = 32768) -> dict[str, Any]:
    """The HIGGS network on 32768 simulated events, features standardised over them; held out: 8192 other events
    in batches of 1024; SGD with momentum 0.9 and weight decay 1e-5 (Baldi et al.'s, whose momentum rose from 0.9
    to 0.99 and whose LR decayed; the exam's schedule replaces their decay)."""
    gen = torch.Generator().manual_seed(35502)
    x, y = _higgs_events(train_size + 8192, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HiggsNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-5),
                                "sgd_momentum0.9_wd1e-5"),
            "loss_fn": event_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. habitat selection with a neural step-selection function (Adam; long only)

SS_GRID, SS_AVAIL = 64, 15
SS_SHARP = 8.0


def _ss_landscape() -> torch.Tensor:
    """A fixed 64 x 64 km landscape (1 km cells): forest cover (a smoothed random field, 0-1), elevation (smooth
    hills, standardised), and the distance to the nearest of three roads (km). Returns (3, 64, 64)."""
    g = torch.Generator().manual_seed(35601)

    def smooth(k: int) -> torch.Tensor:
        z = torch.randn(1, 1, SS_GRID + 2 * k, SS_GRID + 2 * k, generator=g)
        ker = torch.ones(1, 1, 2 * k + 1, 2 * k + 1) / (2 * k + 1) ** 2
        f = F.conv2d(z, ker).squeeze()
        return (f - f.mean()) / f.std()

    forest = torch.sigmoid(1.5 * smooth(3))
    elev = smooth(8)
    yy, xx = torch.meshgrid(torch.arange(SS_GRID).float(), torch.arange(SS_GRID).float(), indexing="ij")
    roads = []
    for _ in range(3):
        a = math.pi * float(torch.rand(1, generator=g))
        c = SS_GRID * float(torch.rand(1, generator=g))
        roads.append((xx * math.cos(a) + yy * math.sin(a) - c).abs())
    road = torch.stack(roads).min(0).values
    return torch.stack([forest, elev, road])


def _ss_value(land: torch.Tensor, xy: torch.Tensor) -> torch.Tensor:
    """The landscape's covariates at positions ``xy`` (..., 2) by bilinear interpolation (the field's reflecting
    edges keep positions inside): (..., 3) forest, elevation, log(1 + road distance)."""
    shape = xy.shape[:-1]
    grid = (xy.reshape(1, -1, 1, 2) / (SS_GRID - 1)) * 2 - 1
    v = F.grid_sample(land.unsqueeze(0), grid, align_corners=True).view(3, -1).T
    v = torch.stack([v[:, 0], v[:, 1], torch.log1p(v[:, 2])], 1)
    return v.view(*shape, 3)


def _ss_steps(n_tracks: int, length: int, gen: torch.Generator) -> torch.Tensor:
    """GPS tracks of an ungulate-like animal (hourly fixes) on the landscape: at each fix, 64 candidate steps
    (gamma step lengths, mean 1.2 km; wrapped-normal turning angles around straight ahead); the animal takes one
    with probability proportional to exp(its selection), which favours forest edges (cover near 0.6), mid
    elevations, avoids roads (within about 1 km) and keeps its heading, all strongly (``SS_SHARP``).
    Step-selection data: each used step with 15 available steps drawn as analysts draw them (from the fitted
    step-length and turning-angle distributions, here the same gamma and a uniform angle). Returns (n_tracks *
    length, 16, 6) step features with the used step first: forest, elevation, log(1 + road distance), step length,
    log step length, cos(turning angle)."""
    land = _ss_landscape()
    pos = 8 + (SS_GRID - 16) * torch.rand(n_tracks, 2, generator=gen)
    head = 2 * math.pi * torch.rand(n_tracks, generator=gen)
    out = []
    for _ in range(length):
        k = 64
        ln = _gamma(n_tracks, k, gen)
        turn = _vm(n_tracks, k, gen)
        ang = head.unsqueeze(1) + turn
        end = pos.unsqueeze(1) + ln.unsqueeze(2) * torch.stack([torch.cos(ang), torch.sin(ang)], 2)
        end = end.clamp(0.5, SS_GRID - 1.5)
        v = _ss_value(land, end)
        sel = SS_SHARP * (-6 * (v[..., 0] - 0.6) ** 2 - 0.6 * v[..., 1] ** 2 + 0.3 * v[..., 1]
                   - 2.0 * torch.exp(-2 * v[..., 2]) + 0.5 * torch.cos(turn))
        choice = torch.multinomial(torch.softmax(sel, 1), 1, generator=gen).squeeze(1)
        used_end = end[torch.arange(n_tracks), choice]
        used_len = ln[torch.arange(n_tracks), choice]
        used_turn = turn[torch.arange(n_tracks), choice]
        a_len = _gamma(n_tracks, SS_AVAIL, gen)
        a_turn = math.pi * (2 * torch.rand(n_tracks, SS_AVAIL, generator=gen) - 1)
        a_ang = head.unsqueeze(1) + a_turn
        a_end = (pos.unsqueeze(1) + a_len.unsqueeze(2) * torch.stack([torch.cos(a_ang), torch.sin(a_ang)], 2))
        a_end = a_end.clamp(0.5, SS_GRID - 1.5)
        ends = torch.cat([used_end.unsqueeze(1), a_end], 1)
        lens = torch.cat([used_len.unsqueeze(1), a_len], 1)
        turns = torch.cat([used_turn.unsqueeze(1), a_turn], 1)
        feats = torch.cat([_ss_value(land, ends), lens.unsqueeze(2), torch.log(lens).unsqueeze(2),
                           torch.cos(turns).unsqueeze(2)], 2)
        out.append(feats)
        head = head + used_turn
        pos = used_end
    return torch.stack(out, 1).flatten(0, 1)


def _gamma(n: int, k: int, gen: torch.Generator) -> torch.Tensor:
    """Gamma(shape 2, mean 1.2 km) step lengths: the sum of two exponentials."""
    u = torch.rand(n, k, 2, generator=gen).clamp_min(1e-7)
    return (-torch.log(u).sum(2) * 0.6).clamp_min(0.02)


def _vm(n: int, k: int, gen: torch.Generator) -> torch.Tensor:
    """Turning angles concentrated around 0 (a wrapped normal, sd 1 rad)."""
    return torch.remainder(torch.randn(n, k, generator=gen) + math.pi, 2 * math.pi) - math.pi


class StepSelectionNet(nn.Module):
    """A neural step-selection function: an MLP 6-32-32-1 (ReLU) scores each step's habitat and movement
    covariates (the linear predictor of a conditional logistic regression made nonlinear)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, steps: torch.Tensor) -> torch.Tensor:
        return self.net(steps).squeeze(-1)


def conditional_logit_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """Step selection's conditional-logit likelihood: the negative log of the used step's softmax share within its
    stratum (the used step is first)."""
    (steps,) = batch
    return -F.log_softmax(model(steps), 1)[:, 0].mean()


def step_selection(batch_size: int = 64, seed: int = 0, tracks: int = 8, fixes: int = 256) -> dict[str, Any]:
    """The step-selection net on 8 collared animals x 256 hourly fixes (2048 strata), features standardised over
    them; held out: 16 other animals x 256 fixes in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(35602)
    steps = _ss_steps(tracks + 16, fixes, gen).view(tracks + 16, fixes, SS_AVAIL + 1, 6)
    tr, te = steps[:tracks].flatten(0, 1), steps[tracks:].flatten(0, 1)
    mu, sd = tr.flatten(0, 1).mean(0), tr.flatten(0, 1).std(0)
    tr, te = (tr - mu) / sd, (te - mu) / sd
    torch.manual_seed(seed)
    return {"model": StepSelectionNet(), "data": loader(tr, batch_size=batch_size),
            "eval_data": split_batches((te,), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": conditional_logit_nll, "train_pool": (tr,)}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sonar_mlp_sgdm", sonar_mlp, 300, "gorman_sejnowski_sonar_mine_rock_mlp", "sgd_momentum0.9", "small_finite", 16,
      seconds=0.2, start_lr=1.6),
    W("concrete_ann_sgdm", concrete_ann, 300, "concrete_compressive_strength_ann", "sgd_momentum0.9", "small_finite",
      32, seconds=0.2, start_lr=0.1),
    W("deeptox_adam", deeptox, 300, "deeptox_multitask_toxicity", "adam", "finite", 32, seconds=0.4, start_lr=0.008),
    W("soccermap_adam", soccermap, 300, "soccermap_pass_probability_surface", "adam", "finite", 32, seconds=1.9,
      start_lr=0.016),
)
LONG = (
    W("higgs_dnn_sgdm@long", higgs_dnn, 3000, "higgs_benchmark_deep_tanh_network", "sgd_momentum0.9_wd1e-5", "finite",
      100, seconds=3.5, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("step_selection_adam@long", step_selection, 3000, "neural_step_selection_function", "adam", "finite", 64,
      seconds=2.7, start_lr=0.001, grid_fractions=(0.0, 0.05)),
    W("sonar_mlp_sgdm@long", sonar_mlp, 3000, "gorman_sejnowski_sonar_mine_rock_mlp", "sgd_momentum0.9", "finite", 16,
      dict(train_size=4096), seconds=1.3, start_lr=0.8, grid_fractions=(0.0, 0.05), long_of="sonar_mlp_sgdm"),
    W("deeptox_adam@long", deeptox, 3000, "deeptox_multitask_toxicity", "adam", "finite", 32,
      dict(train_size=16384), seconds=3.2, start_lr=0.002, grid_fractions=(0.0, 0.05), long_of="deeptox_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam35_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-fifth exam's workloads")
