"""The hundred-and-twelfth exam: six more workload families that neither the suite nor exams 1-110 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam110_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from lunchboxes and food temperature, cello bows and rosin stick-slip, bubble
wrap and impact cushioning, showers and mixing-valve temperature, razors and shaving cut force, and maracas and bead
rattling (exam 111 was built at the same time from other domains; its module was not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam112/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- insulated lunch bag, food temperature through a school / work morning: a GRU reads the half-hourly ambient
  temperature the bag sees over 6 hours (kitchen, car, playground, office, a fridge at work; the sun on the bag;
  with the bag's insulation, the ice packs' mass, the food's mass and whether it left the fridge on every step) and
  predicts the food's temperature at every step; a lumped two-node model (food, ice pack) with the ice pack's
  latent heat holding it at 0 C until it has melted, heat through the bag's wall from the ambient, sun on the bag
  outdoors and in the car; 0.6 C logger noise; MSE of the scaled temperatures ((T - 12 C) / 6); Adam (torch's
  defaults)
- cello bowing regime on Schelleng's diagram: an MLP classifies a bow stroke (bow force, bow speed, bow-bridge
  distance, the string, the note's position, the rosin's load and temperature, the humidity) into Helmholtz motion,
  raucous (force above Schelleng's maximum, F_max ~ v / beta), multiple slip / surface sound (below the minimum,
  F_min ~ v / beta^2) and the wolf (notes near the body's wolf resonance on the lower strings with too little
  force); the friction jump mu_s - mu_d of the rosin falls as it warms; scatter on each margin; cross-entropy; SGD
  with Nesterov momentum 0.9 and weight decay 5e-4
- razor cut force through a beard hair: an MLP from the hair's diameter, the hydration time, the blade's edge
  radius (growing with the shaves it has had), its cutting angle, the lubricant (none, soap, gel, oil; one-hot)
  and the stroke speed to the cutting force at 12 points of the blade's travel through the hair (a force-
  displacement curve, as a cutting-force rig records it); Hertz-like indentation until a cut starts at a force
  rising with the edge radius and the keratin's modulus (softened by water uptake), then fracture at a toughness
  times the remaining chord of the hair's section with a wedge (cutting-angle) and friction factor; 3% scatter;
  MSE of the standardised log forces; AdamW (weight decay 0.01)
- maraca filling from its sound: a small 2-d CNN reads a 16-band x 16-frame log spectrogram of one shake,
  synthesised in the PhISEM way (Perry Cook's shaker model, from memory: a system energy decaying after the shake,
  Poisson bead collisions at a rate proportional to the bead count and the energy, each collision's noise burst
  filtered by the gourd's resonance), and classifies the filling (seeds, rice, glass beads, lead shot, pebbles);
  cross-entropy; Adam (torch's defaults)
- bubble-wrap drop cushioning (a long plan only): an MLP from the bubble diameter, the number of layers, the static
  stress of the product on the wrap, the drop height, the temperature, the earlier drops on the same wrap and the
  film gauge to the log peak deceleration (G), the maximum compression and the share of bubbles burst (a packaging
  cushion-curve test); each layer's bubbles as adiabatic gas springs (p = p0 (h / (h - x))^1.4) plus the film's
  membrane stiffness, the drop's energy absorbed to the maximum compression (solved by bisection), bottoming out
  near full compression, bubbles bursting (lognormal burst pressures, weaker warm and after earlier drops) and their
  air lost; 3-4% scatter; MSE of the standardised outputs; RAdam (torch's defaults)
- shower mixing valve after a cold-supply pressure drop (a long plan only): a grey-box net (an MLP gives a
  first-order-plus-dead-time response's start and end temperatures, time constant and delay, plus a small residual
  curve) predicts the showerhead's temperature at 16 times over 8 s after a toilet flush drops the cold pressure;
  the data from the mixing law of the hot and cold flows (each ~ sqrt of its pressure drop), a manual,
  pressure-balance or thermostatic (wax-element, an underdamped second-order correction) valve, the pipe's
  transport delay and its thermal lag; 0.15 C noise; MSE of the scaled temperatures; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the bubble-wrap and
shower nets (no short plans), the cello classifier on 8192 strokes instead of 2048 (32 units a layer instead of 64,
batch 64 instead of 32) and the razor net on 8192 cuts instead of 1024 (the same 64-unit net, batch 32 instead of
64).

Of the eight plans, two use Adam (lunch bag, maraca), two SGD with Nesterov momentum (both cello plans), two AdamW
(both razor plans), one RAdam (bubble wrap) and one NAdam (shower). The four long plans use four different
optimisers: SGD with Nesterov momentum, AdamW, RAdam and NAdam.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam112_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam112/README.md).

    python benchmarks/exam112_workloads.py          # the table
    python benchmarks/exam112_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, split_batches  # noqa: E402

TITLE = "Exam 112"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the model's logits against the class labels."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _pack(x: torch.Tensor, y: torch.Tensor, train_size: int, batch_size: int) -> tuple[Any, Any, tuple]:
    """The training pool's loader, the held-out batches (the rest, 1024 at a time) and the pool itself."""
    tr = (x[:train_size], y[:train_size])
    return loader(*tr, batch_size=batch_size), split_batches((x[train_size:], y[train_size:]), 1024), tr


# --------------------------------------------------------------------------------------------------------------
# 1. insulated lunch bag, food temperature over a morning (Adam; GRU)

LB_STEPS = 12  # half hours, 7:00 to 13:00
LB_PLACES = ((18.0, 24.0, 0.0), (20.0, 38.0, 0.6), (2.0, 34.0, 1.0), (19.0, 25.0, 0.0), (3.0, 12.0, 0.0))
#   (low, high, sun) of the air: kitchen / classroom, car, outdoors / playground, office, fridge at work


def _lb_mornings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Mornings of an insulated lunch bag. The bag leaves a kitchen at 7:00 and passes through 3-6 places (kitchen,
    car, outdoors, office, a fridge at work), each with an air temperature drawn in its range and a solar load on
    the bag (sun 0-1). The bag's wall conductance U 0.15-0.6 W/K (thin nylon to a thick foam bag), ice packs
    100-400 g (none in a fifth of the bags), food 150-600 g from the fridge (3-8 C) or at room temperature (15-22 C;
    the net is told which, not the temperature). A lumped model in 1-minute steps: food (c 3.5 J/g K) and ice pack
    (2.1 J/g K from -8 C, latent 334 J/g: held at 0 C until melted, then 3.8 J/g K) exchange heat through 0.35 W/K
    and each takes half the heat through the wall from the bag's skin (air + 12 K x sun; the food all of it without
    an ice pack). Logger noise 0.6 C on the food's half-hourly temperatures. Returns (inputs (n, 12, 6), scaled food
    temperatures (n, 12))."""
    place_lo = torch.tensor([p[0] for p in LB_PLACES])
    place_hi = torch.tensor([p[1] for p in LB_PLACES])
    place_sun = torch.tensor([p[2] for p in LB_PLACES])
    # the day's itinerary: 3-6 legs, cut points anywhere in the morning
    legs = torch.randint(3, 7, (n,), generator=gen)
    kinds = torch.randint(0, len(LB_PLACES), (n, 6), generator=gen)
    kinds[:, 0] = 0
    cuts = torch.sort(torch.rand(n, 5, generator=gen) * LB_STEPS, 1).values
    step = torch.arange(LB_STEPS).float().view(1, -1) + 0.5
    leg = (step.unsqueeze(2) > cuts.unsqueeze(1)).sum(2)  # (n, 12): leg index 0-5
    leg = torch.minimum(leg, legs.view(-1, 1) - 1)
    kind = kinds.gather(1, leg)
    level = torch.rand(n, 6, generator=gen)
    air = place_lo[kind] + (place_hi[kind] - place_lo[kind]) * level.gather(1, leg)
    sun = place_sun[kind] * (0.3 + 0.7 * torch.rand(n, 6, generator=gen).gather(1, leg))
    u = 0.15 + 0.45 * torch.rand(n, generator=gen)
    ice = (100 + 300 * torch.rand(n, generator=gen)) * (torch.rand(n, generator=gen) < 0.8).float()
    food = 150 + 450 * torch.rand(n, generator=gen)
    cold = torch.rand(n, generator=gen) < 0.7
    t_food = torch.where(cold, 3 + 5 * torch.rand(n, generator=gen), 15 + 7 * torch.rand(n, generator=gen))
    # the ice pack's enthalpy (J) above solid ice at 0 C: below 0 it is cold ice, 0 to 334 m it melts at 0 C
    mass = ice.clamp_min(1)
    enth = -8.0 * 2.1 * mass
    has_ice = (ice > 0).float()
    out = []
    for k in range(LB_STEPS):
        skin = air[:, k] + 12 * sun[:, k]
        for _ in range(30):  # one-minute steps
            t_ice = torch.where(enth < 0, enth / (2.1 * mass),
                                (enth - 334 * mass).clamp_min(0) / (3.8 * mass))
            q_fi = 0.35 * (t_food - t_ice) * has_ice
            q_wall_f = u * (skin - t_food) * (1 - 0.5 * has_ice)
            q_wall_i = 0.5 * u * (skin - t_ice) * has_ice
            t_food = t_food + 60 * (q_wall_f - q_fi) / (3.5 * food)
            enth = enth + 60 * (q_wall_i + q_fi)
        out.append(t_food)
    y = torch.stack(out, 1) + 0.6 * torch.randn(n, LB_STEPS, generator=gen)
    static = torch.stack([(u - 0.375) / 0.13, (ice - 160) / 140, (food - 375) / 130], 1)
    start = (torch.where(cold, torch.ones(n), -torch.ones(n))).view(-1, 1, 1).expand(n, LB_STEPS, 1)
    x = torch.cat([((air - 20) / 8).unsqueeze(2), (2 * sun - 0.5).unsqueeze(2),
                   static.unsqueeze(1).expand(n, LB_STEPS, 3), start], 2)
    return x, (y - 12) / 6


class LunchBagGRU(nn.Module):
    """A one-layer GRU (48 units) over the morning's half hours and a linear read-out of the food's temperature at
    each."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.gru = nn.GRU(6, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def lunch_bag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled food temperatures ((T - 12 C) / 6) at the 12 half hours."""
    return _mse(model, batch)


def lunch_bag(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
              hidden: int = 48) -> dict[str, Any]:
    """The lunch-bag GRU on 2048 mornings; held out: 2048 other mornings in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(112101)
    x, y = _lb_mornings(train_size + 2048, gen)
    data, eval_data, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": LunchBagGRU(hidden), "data": data, "eval_data": eval_data,
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lunch_bag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. cello bowing regime on Schelleng's diagram (SGD with Nesterov momentum)

CB_CLASSES = 4  # Helmholtz, raucous, multiple slip / surface, wolf
CB_OPEN = (65.4, 98.0, 146.8, 220.0)  # C2 G2 D3 A3 (Hz)
CB_Z0 = (0.45, 0.31, 0.21, 0.14)  # the strings' characteristic impedances (kg/s; invented, falling C to A)


def _cb_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bow strokes on a cello: the string (C, G, D, A), the note 0-12 semitones above the open string, the bow force
    0.05-6 N (log-uniform), the bow speed 0.03-1 m/s (log-uniform), the bow-bridge distance beta 0.02-0.25 of the
    sounding length (log-uniform), the rosin's load 0-1 and temperature 18-40 C, the humidity 20-80%. Schelleng
    (from memory): F_max = 2 Z0 v / (beta (mu_s - mu_d)), F_min = Z0^2 v / (2 R beta^2 (mu_s - mu_d)), with the
    bridge's resistance R (invented, 16-22 kg/s, lower on the lower strings) and the friction jump mu_s - mu_d 0.3-0.6
    rising with the rosin's load and falling as the rosin warms (softens) past ~30 C and with humidity. The wolf:
    notes within ~5% of the body's wolf resonance (175 Hz, on the G and D strings here) with a force under
    ~ 4 F_min beat. Margins with lognormal scatter (0.3); the class is raucous where the force passes F_max, else
    the wolf where it applies, else multiple slip below F_min, else Helmholtz. Returns (features (n, 11), classes)."""
    string = torch.randint(0, 4, (n,), generator=gen)
    note = 12 * torch.rand(n, generator=gen)
    force = 0.05 * 120 ** torch.rand(n, generator=gen)
    speed = 0.03 * (1 / 0.03) ** torch.rand(n, generator=gen)
    beta = 0.02 * 12.5 ** torch.rand(n, generator=gen)
    load = torch.rand(n, generator=gen)
    temp = 18 + 22 * torch.rand(n, generator=gen)
    hum = 20 + 60 * torch.rand(n, generator=gen)
    z0 = torch.tensor(CB_Z0)[string] * (1 + 0.02 * note)
    r = torch.tensor([16.0, 18.0, 20.0, 22.0])[string]
    dmu = (0.3 + 0.3 * load) * (1 - 0.5 * torch.sigmoid((temp - 30) / 3)) * (1.1 - 0.2 * hum / 80)
    f_max = 2 * z0 * speed / (beta * dmu)
    f_min = z0**2 * speed / (2 * r * beta**2 * dmu)
    freq = torch.tensor(CB_OPEN)[string] * 2 ** (note / 12)
    near_wolf = torch.exp(-(torch.log(freq / 175) / 0.05) ** 2) * (string <= 2).float()
    eps = [0.3 * torch.randn(n, generator=gen) for _ in range(3)]
    y = torch.zeros(n, dtype=torch.long)
    y[torch.log(force / f_min) + eps[1] < 0] = 2
    y[torch.log(force / f_max) + eps[0] > 0] = 1
    wolf = (near_wolf > 0.5) & (torch.log(force / (4 * f_min)) + eps[2] < 0) & (y != 1)
    y[wolf] = 3
    x = torch.cat([torch.stack([(note - 6) / 3.5, torch.log(force / 0.55) / 1.4, torch.log(speed / 0.17) / 1.0,
                                torch.log(beta / 0.07) / 0.73, (load - 0.5) / 0.29, (temp - 29) / 6.4,
                                (hum - 50) / 17.3], 1), F.one_hot(string, 4).float()], 1)
    return x, y


class BowingNet(nn.Module):
    """A ReLU MLP from the stroke to the four regime logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, CB_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def bowing_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the bowing regime."""
    return _ce(model, batch)


def cello_bowing(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The bowing-regime classifier on 2048 strokes; held out: 2048 other strokes in batches of 1024; SGD with
    Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(112102)
    x, y = _cb_strokes(train_size + 2048, gen)
    data, eval_data, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": BowingNet(hidden), "data": data, "eval_data": eval_data,
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": bowing_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. razor cut force through a beard hair (AdamW)

RZ_LUBES = 4  # none, soap lather, gel, oil
RZ_PTS = 12


def _rz_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Single-hair cuts on a cutting rig: hair diameter 60-150 um, hydration 0-6 minutes (the keratin's modulus
    from 4 GPa dry towards 1.5 GPa wet, time constant ~2 min; soap and gel speed it, oil slows it), the blade's edge
    radius 0.1 um new, growing with 0-40 shaves as 0.1 + 0.25 (shaves / 40)^0.7 um, the cutting angle 18-32
    degrees, the lubricant (friction 0.45, 0.25, 0.18, 0.12) and the stroke speed 2-20 cm/s (a little stiffer when
    fast). The force at 12 depths of the edge through the hair (a fraction 0.04-0.96 of the diameter): indentation
    F = k sqrt(r E) d^0.5 delta^1.5 (Hertz-like) until it reaches the cut-initiation force ~ E r d (with the edge
    radius r, higher at blunter angles); after that a fracture force G_c w(delta) (w the remaining chord
    2 sqrt(delta (d - delta)), G_c falling with hydration) times a wedge factor (1 + mu / tan(angle)) + friction on
    the blade's flanks growing with depth (and at least the initiation force's decaying overshoot). Forces in mN
    (invented scale); 3% lognormal scatter. Returns (features (n, 9), log forces (n, 12))."""
    d = 60 + 90 * torch.rand(n, generator=gen)
    hyd = 6 * torch.rand(n, generator=gen)
    shaves = 40 * torch.rand(n, generator=gen)
    angle = 18 + 14 * torch.rand(n, generator=gen)
    lube = torch.randint(0, RZ_LUBES, (n,), generator=gen)
    speed = 2 * 10 ** torch.rand(n, generator=gen)
    mu = torch.tensor([0.45, 0.25, 0.18, 0.12])[lube]
    wet = 1 - torch.exp(-hyd * torch.tensor([1.0, 1.3, 1.2, 0.7])[lube] / 2)
    e = (4 - 2.5 * wet) * (1 + 0.05 * torch.log10(speed / 2))  # GPa
    r = 0.1 + 0.25 * (shaves / 40) ** 0.7  # um
    gc = 2.5 - 1.2 * wet  # kJ/m2, invented
    frac = torch.linspace(0.04, 0.96, RZ_PTS).view(1, -1)
    delta = frac * d.view(-1, 1)  # um
    dd = d.view(-1, 1)
    f_ind = 4e-3 * (r * e).sqrt().view(-1, 1) * dd**0.5 * delta**1.5
    f_init = (0.08 * e * r * d).view(-1, 1) * (1 + 0.3 * (angle.view(-1, 1) - 25) / 7)
    chord = 2 * (delta * (dd - delta)).clamp_min(1e-6).sqrt()
    wedge = 1 + mu.view(-1, 1) / torch.tan(torch.deg2rad(angle)).view(-1, 1)
    f_cut = 0.012 * gc.view(-1, 1) * chord * wedge + 0.02 * mu.view(-1, 1) * delta * e.view(-1, 1)
    started = torch.cummax((f_ind >= f_init).float(), 1).values
    force = torch.where(started > 0, torch.maximum(f_cut, 0.6 * f_init * torch.exp(-(frac - 0.04) * 3)), f_ind)
    force = force.clamp_min(1e-3) * torch.exp(0.03 * torch.randn(n, RZ_PTS, generator=gen))
    x = torch.cat([torch.stack([(d - 105) / 26, (hyd - 3) / 1.73, (shaves - 20) / 11.5, (angle - 25) / 4.0,
                                torch.log10(speed / 2) * 2 - 1], 1), F.one_hot(lube, RZ_LUBES).float()], 1)
    return x, torch.log(force)


class CutForceNet(nn.Module):
    """A SiLU MLP from the hair, the blade, the lubricant and the stroke to the 12 log cutting forces."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, RZ_PTS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cut_force_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log cutting forces."""
    return _mse(model, batch)


def razor_cut(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The cut-force net on 1024 single-hair cuts, targets standardised over them; held out: 2048 other cuts in
    batches of 1024; AdamW (weight decay 0.01, torch's default)."""
    gen = torch.Generator().manual_seed(112103)
    x, y = _rz_cuts(train_size + 2048, gen)
    y = _standardise(y, train_size)
    data, eval_data, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": CutForceNet(hidden), "data": data, "eval_data": eval_data,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.01), "adamw"),
            "loss_fn": cut_force_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. maraca filling from a PhISEM-style spectrogram (Adam; CNN)

MR_FILLINGS = 5  # seeds, rice, glass beads, lead shot, pebbles
MR_BANDS = 16
MR_FRAMES = 16


def _mr_shakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One shake of a maraca, as a 16-band (log-spaced 0.5-12 kHz) x 16-frame (10 ms) log spectrogram. PhISEM
    (Cook's physically informed stochastic event model, from memory): the shake puts energy E into the system, which
    decays by a factor per frame (faster with more and heavier beads); collisions per frame are Poisson with a mean
    proportional to the bead count and E; each collision adds a noise burst whose level grows with the bead's mass
    and whose spectrum is the gourd's resonance (a bump at 2-5 kHz, its width from the gourd's Q) times the
    filling's brightness tilt. Fillings (count range, mass, tilt, decay): seeds (30-80, light, dull), rice (150-400,
    very light, bright), glass beads (40-100, medium, bright), lead shot (60-150, heavy, dull), pebbles (10-30,
    heavy, medium). The shake's timing (onset frame 0-3), strength and a noise floor vary; 1.5 dB frame noise.
    Returns (spectrograms (n, 1, 16, 16), fillings)."""
    fill = torch.randint(0, MR_FILLINGS, (n,), generator=gen)
    lo = torch.tensor([30.0, 150.0, 40.0, 60.0, 10.0])[fill]
    hi = torch.tensor([80.0, 400.0, 100.0, 150.0, 30.0])[fill]
    count = lo + (hi - lo) * torch.rand(n, generator=gen)
    mass = torch.tensor([0.05, 0.02, 0.3, 0.8, 1.2])[fill] * torch.exp(0.35 * torch.randn(n, generator=gen))
    tilt = torch.tensor([-0.6, 0.5, 0.35, -0.35, 0.0])[fill] + 0.25 * torch.randn(n, generator=gen)
    decay = (0.55 + 0.25 * torch.rand(n, generator=gen)) * torch.exp(-0.002 * count - 0.1 * mass)
    f0 = torch.log2(torch.tensor(2000.0)) + 1.3 * torch.rand(n, generator=gen)  # log2 Hz of the gourd's resonance
    q = 1.5 + 3 * torch.rand(n, generator=gen)
    onset = torch.randint(0, 4, (n,), generator=gen)
    strength = 0.5 + torch.rand(n, generator=gen)
    bands = torch.linspace(math.log2(500), math.log2(12000), MR_BANDS).view(1, -1)
    reso = 1 / (1 + (q.view(-1, 1) * (bands - f0.view(-1, 1))) ** 2) + 0.15
    shape = reso * 2 ** (tilt.view(-1, 1) * (bands - 11))  # (n, bands)
    frame = torch.arange(MR_FRAMES).view(1, -1).float()
    since = frame - onset.view(-1, 1).float()
    energy = torch.where(since >= 0, strength.view(-1, 1) * decay.view(-1, 1) ** since.clamp_min(0), torch.zeros(1))
    rate = 0.04 * count.view(-1, 1) * energy
    hits = torch.poisson(rate, generator=gen)  # (n, frames)
    power = hits.unsqueeze(1) * (mass.view(-1, 1, 1) ** 0.8) * shape.unsqueeze(2) + 1e-3
    spec = 10 * torch.log10(power) + 1.5 * torch.randn(n, MR_BANDS, MR_FRAMES, generator=gen)
    return ((spec + 10) / 12).unsqueeze(1), fill


class MaracaCNN(nn.Module):
    """Two 3x3 conv blocks (8 and 16 channels, ReLU, 2x2 max-pool) and a linear classifier over the five fillings."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Linear(2 * width * (MR_BANDS // 4) * (MR_FRAMES // 4), MR_FILLINGS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def filling_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the maraca's filling."""
    return _ce(model, batch)


def maraca_filling(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The filling CNN on 4096 recorded shakes; held out: 2048 other shakes in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(112104)
    x, y = _mr_shakes(train_size + 2048, gen)
    data, eval_data, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": MaracaCNN(width), "data": data, "eval_data": eval_data,
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": filling_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. bubble-wrap drop cushioning (RAdam; long only)


def _bw_drops(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Flat drops of a product on bubble wrap (a cushion-curve test): bubble diameter 6-30 mm (height 0.45 of it),
    1-6 layers, static stress 0.3-6 kPa (log-uniform), drop height 15-120 cm, temperature -10-40 C, 0-4 earlier
    drops on the same wrap, film gauge 40-100 um. Each bubble is an adiabatic gas spring: p = p0 (h / (h - x))^1.4,
    p0 = 1.04 atm at 20 C scaled by the absolute temperature; the bubbles cover 55% of the area, of which the
    intact share (earlier drops burst some) pushes back; the film adds a membrane stiffness (gauge, colder stiffer).
    The layers compress alike; the drop's energy sigma (H + x) is absorbed by bisection on x (closed-form gas-spring
    work); near 92% compression the wrap bottoms out (a steep stiffness). Peak G = stress / static stress. The
    bubbles burst where the peak pressure passes their lognormal burst pressure (median 2.3 atm, 40 um film; weaker
    warm, thinner and after earlier drops). Scatter: 4% on G, 3% on the compression, 3% + 0.005 on the burst
    share. Returns (features (n, 7), outputs (n, 3): log G, compression, burst share)."""
    dia = 6 + 24 * torch.rand(n, generator=gen)  # mm
    layers = torch.randint(1, 7, (n,), generator=gen).float()
    static = 0.3 * 20 ** torch.rand(n, generator=gen)  # kPa
    drop = 15 + 105 * torch.rand(n, generator=gen)  # cm
    temp = -10 + 50 * torch.rand(n, generator=gen)
    prior = torch.randint(0, 5, (n,), generator=gen).float()
    gauge = 40 + 60 * torch.rand(n, generator=gen)
    h = 0.45 * dia / 1000  # m, one layer
    p0 = 1.04 * 101.325 * (temp + 273.15) / 293.15  # kPa
    med = 2.3 * 101.325 * (gauge / 40) ** 0.6 * (1 - 0.006 * (temp - 20)) * (dia / 10) ** -0.3
    intact = torch.exp(-0.35 * prior * torch.sigmoid(3 * (static / 2 - 1)))
    cover = 0.55 * intact
    film_k = 2.0 * (gauge / 60) * (1 - 0.008 * (temp - 20)) / (dia / 10)  # kPa per unit strain

    def stress(s: torch.Tensor) -> torch.Tensor:  # s: compression strain of a layer, 0-0.99
        gas = p0 * ((1 - s) ** -1.4 - 1)
        bottom = 400 * torch.relu(s - 0.92) ** 2 / 0.0064
        return cover * gas + film_k * s + bottom

    def work(s: torch.Tensor) -> torch.Tensor:  # per unit area, kPa m, all layers
        gas = p0 * (((1 - s) ** -0.4 - 1) / 0.4 - s)
        bottom = 400 * torch.relu(s - 0.92) ** 3 / (3 * 0.0064)
        return (cover * gas + 0.5 * film_k * s**2 + bottom) * h * layers

    energy = lambda s: static * (drop / 100 + s * h * layers)  # noqa: E731
    lo, hi = torch.zeros(n), torch.full((n,), 0.995)
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        short = work(mid) < energy(mid)
        lo, hi = torch.where(short, mid, lo), torch.where(short, hi, mid)
    s = 0.5 * (lo + hi)
    g = stress(s) / static
    p_peak = p0 * (1 - s) ** -1.4
    burst = intact * 0.5 * (1 + torch.erf(torch.log(p_peak / med) / (0.35 * math.sqrt(2))))
    y = torch.stack([torch.log(g), s, burst], 1)
    y = y + torch.stack([0.04 * torch.ones(n), 0.03 * s, 0.03 * burst + 0.005], 1) * torch.randn(n, 3, generator=gen)
    x = torch.stack([(dia - 18) / 6.9, (layers - 3.5) / 1.7, torch.log(static / 1.34) / 0.86, (drop - 67.5) / 30,
                     (temp - 15) / 14.4, (prior - 2) / 1.41, (gauge - 70) / 17.3], 1)
    return x, y


class CushionNet(nn.Module):
    """A SiLU MLP from the wrap, the product and the drop to the log peak G, the compression and the burst share."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cushion_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log peak G, compression and burst share."""
    return _mse(model, batch)


def bubble_wrap_drop(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The cushioning net on 8192 drops, targets standardised over them; held out: 2048 other drops in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(112105)
    x, y = _bw_drops(train_size + 2048, gen)
    y = _standardise(y, train_size)
    data, eval_data, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": CushionNet(hidden), "data": data, "eval_data": eval_data,
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": cushion_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. shower mixing valve after a cold-supply pressure drop (NAdam; grey-box; long only)

SH_VALVES = 3  # manual, pressure-balance, thermostatic
SH_PTS = 16
SH_TIMES = torch.linspace(0.25, 8.0, SH_PTS)  # s after the flush


def _sh_events(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A running shower when a toilet flush drops the cold supply's pressure: hot supply 48-70 C, cold 5-20 C, the
    set temperature 35-43 C (the handle's mix), the valve (manual two-handle mix, pressure-balance spool,
    thermostatic wax element), the cold pressure drop 10-50% for the flush, the flow 6-12 L/min and the pipe from the
    valve to the head 0.5-3 m of 15 mm pipe. Flows ~ opening x sqrt(pressure drop), so the mix jumps hot: manual
    valves stay there; a pressure-balance spool restores most of it in ~0.4 s (a 25% residual); a thermostatic one
    corrects with a second-order, underdamped wax response (time constant 0.6-1.5 s, damping 0.3-0.7) to 5% of
    the jump. At the head: the pipe's transport delay (its volume over the flow) and a thermal lag (the pipe's wall,
    0.3-0.8 s). 0.15 C noise. Returns (features (n, 9), head temperatures (n, 16), scaled (T - 40) / 5)."""
    th = 48 + 22 * torch.rand(n, generator=gen)
    tc = 5 + 15 * torch.rand(n, generator=gen)
    ts = 35 + 8 * torch.rand(n, generator=gen)
    valve = torch.randint(0, SH_VALVES, (n,), generator=gen)
    dp = 0.1 + 0.4 * torch.rand(n, generator=gen)
    flow = 6 + 6 * torch.rand(n, generator=gen)
    pipe = 0.5 + 2.5 * torch.rand(n, generator=gen)
    fh = (ts - tc) / (th - tc)  # hot share before
    qh, qc = fh, (1 - fh) * (1 - dp).sqrt()
    t_jump = (qh * th + qc * tc) / (qh + qc)
    err = t_jump - ts
    tau = 0.6 + 0.9 * torch.rand(n, generator=gen)
    zeta = 0.3 + 0.4 * torch.rand(n, generator=gen)
    lag = 0.3 + 0.5 * torch.rand(n, generator=gen)
    delay = pipe * 0.177 / (flow / 60)  # litres of a 15 mm pipe per metre, over L/s
    # the valve's outlet temperature on a fine grid, then the pipe's delay and first-order lag
    t = torch.linspace(0, 8, 161).view(1, -1)
    tt = t.expand(n, -1)
    pb = ts.view(-1, 1) + err.view(-1, 1) * (0.25 + 0.75 * torch.exp(-tt / 0.4))
    wn = 1 / tau.view(-1, 1)
    z = zeta.view(-1, 1)
    wd = wn * (1 - z**2).sqrt()
    resp = torch.exp(-z * wn * tt) * (torch.cos(wd * tt) + z / (1 - z**2).sqrt() * torch.sin(wd * tt))
    thermo = ts.view(-1, 1) + err.view(-1, 1) * (0.05 + 0.95 * resp)
    manual = (ts + err).view(-1, 1).expand(n, -1)
    outlet = torch.where(valve.view(-1, 1) == 0, manual, torch.where(valve.view(-1, 1) == 1, pb, thermo))
    shifted = tt - delay.view(-1, 1)
    idx = (shifted / 0.05).floor().clamp(0, 160).long()
    at_head_valve = torch.where(shifted > 0, outlet.gather(1, idx), ts.view(-1, 1).expand(n, -1))
    head = torch.zeros_like(at_head_valve)
    cur = ts.clone()
    a = 1 - torch.exp(-0.05 / lag)
    for k in range(161):
        cur = cur + a * (at_head_valve[:, k] - cur)
        head[:, k] = cur
    pick = (SH_TIMES / 0.05).round().long()
    y = head[:, pick] + 0.15 * torch.randn(n, SH_PTS, generator=gen)
    x = torch.cat([torch.stack([(th - 59) / 6.4, (tc - 12.5) / 4.3, (ts - 39) / 2.3, (dp - 0.3) / 0.115,
                                (flow - 9) / 1.73, (pipe - 1.75) / 0.72], 1), F.one_hot(valve, SH_VALVES).float()], 1)
    return x, (y - 40) / 5


class MixingValveGreyBox(nn.Module):
    """A grey-box: a tanh MLP gives a first-order-plus-dead-time response's start and end temperatures, its time
    constant and delay (softplus), and a small residual curve; the forward pass draws the 16-point response."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4 + SH_PTS))
        self.register_buffer("times", SH_TIMES.clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        start, end = p[:, :1], p[:, 1:2]
        tau = F.softplus(p[:, 2:3]) + 0.05
        delay = F.softplus(p[:, 3:4])
        rise = 1 - torch.exp(-F.relu(self.times - delay) / tau)
        return start + (end - start) * rise + 0.3 * p[:, 4:]


def shower_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled head temperatures at the 16 times."""
    return _mse(model, batch)


def shower_valve(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The mixing-valve grey-box on 8192 flush events; held out: 2048 other events in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(112106)
    x, y = _sh_events(train_size + 2048, gen)
    data, eval_data, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": MixingValveGreyBox(hidden), "data": data, "eval_data": eval_data,
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": shower_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("lunch_bag_gru_adam", lunch_bag, 300, "insulated_lunch_bag_food_temperature_gru", "adam", "finite", 64,
      seconds=1.0, start_lr=0.064),
    W("cello_bowing_nesterov", cello_bowing, 300, "cello_schelleng_bowing_regime_mlp", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=0.2, start_lr=0.2),
    W("razor_cut_force_adamw", razor_cut, 300, "razor_hair_cut_force_curve_mlp", "adamw", "finite", 64,
      seconds=0.2, start_lr=0.064),
    W("maraca_filling_cnn_adam", maraca_filling, 300, "maraca_phisem_filling_spectrogram_cnn", "adam", "finite", 64,
      seconds=0.8, start_lr=0.032),
)
LONG = (
    W("bubble_wrap_drop_radam@long", bubble_wrap_drop, 3000, "bubble_wrap_drop_cushion_curve_mlp", "radam",
      "finite", 128, seconds=2.0, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("shower_valve_nadam@long", shower_valve, 3000, "shower_mixing_valve_flush_greybox", "nadam", "finite", 32,
      seconds=2.3, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("cello_bowing_nesterov@long", cello_bowing, 3000, "cello_schelleng_bowing_regime_mlp",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, dict(train_size=8192, hidden=32), seconds=1.3, start_lr=0.1,
      grid_fractions=(0.0, 0.05), long_of="cello_bowing_nesterov"),
    W("razor_cut_force_adamw@long", razor_cut, 3000, "razor_hair_cut_force_curve_mlp", "adamw", "finite", 32,
      dict(train_size=8192), seconds=1.6, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="razor_cut_force_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam112_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twelfth exam's workloads")
