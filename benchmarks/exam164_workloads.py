"""The hundred-and-sixty-fourth exam: six more workload families that neither the suite nor exams 1-162 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam162_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from cool boxes and ice retention, drill bits and hole boring, highlighters and
ink fading, beer kegs and pour foam, tent poles and pole flex, and bicycle bells and ring decay (exam 163 was built
at the same time from other domains; its module was not opened). What was checked to make them new, and what was
tried and dropped, is in ``benchmarks/results/exam164/README.md``. Models, laws and optimiser settings are written
from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- cool-box ice retention on a camping trip: a 1-D CNN over the trip's 3-hourly series (air temperature with its day
  / night cycle, sun on the box, lid openings) with the box's build broadcast as extra channels (wall foam
  thickness, volume, ice fill, block or cubes, pre-chilled, lid colour, the lid seal's leak) to the fraction of ice
  left at the end of each of the four days; a heat balance through the walls (Fourier conduction through the PU
  foam, the sol-air temperature of the sunlit lid and walls), the warm air swapped at each opening, the warm
  contents' load when not pre-chilled, and the latent heat of the ice; MSE of the standardised fractions; Adam
  (torch's defaults)
- twist-drill thrust, torque and tool life in a machine shop: an embedding net (workpiece grade, bit type,
  machine and coolant as learned embeddings, joined with the diameter, feed, cutting speed and depth ratio) to the
  log thrust, log torque and log tool life (holes to wear-out); thrust and torque in Shaw-Oxford form (torque ~
  HB f^0.8 d^1.8, thrust ~ HB f^0.8 d^0.8 + a chisel-edge term ~ HB d^2), tool life by Taylor's law v T^n = C per
  bit and grade, a depth penalty for chip packing, each machine's runout; MSE of the standardised logs; Adagrad
  (torch's defaults; long only)
- highlighter ink fading in a lightfastness test: an embedding net (brand, ink colour and paper as learned
  embeddings, joined with the illuminance, the UV share, temperature, humidity and the number of strokes) to the
  remaining fluorescence after 1, 2, 4, 8 and 16 weeks; photobleaching first order in the light dose, in two pools
  (dye on the surface, dye drawn into the fibres, shielded), a UV-weighted dose, humidity and acid paper speeding
  it, optical brighteners in the paper; MSE; Adagrad (torch's defaults; long only)
- draught-beer pour foam from a keg: a residual MLP with LayerNorm from the keg temperature, the CO2 gauge
  pressure, the beer's carbonation, the line's length, bore and rise, the tower's temperature, the faucet and the
  glass's temperature to the log pour time and the head fraction; the flow from the line balance (pressure less the
  rise, against a line resistance growing with length, falling with bore, and with the square of the speed), the
  equilibrium pressure of the beer's CO2 at the line's temperature (the usual carbonation chart's formula, from
  memory) against the pressure left in the line, breakout where it is short, faucet turbulence and a warm glass;
  MSE of the standardised outputs; SGD with Nesterov momentum 0.9
- tent-pole flex in wind: a bidirectional GRU along the eight shock-corded sections of a dome tent's pole (each
  section's material, length, tube diameter and wall, the ferrule's looseness; the wind speed, the panel's width,
  the two guy lines and the pitch pre-load as inputs to every step) to the lateral deflection at each section's end;
  the pole as a pinned beam of varying EI (tube I = pi (D^4 - d^4) / 64) under the bending share of the fabric's
  wind load (q = 0.5 rho V^2 Cp times the panel's width, 2% of it), guy lines as spring supports, ferrules as
  rotational springs, and the arch's compression amplifying the bend (1 / (1 - P / P_cr)); MSE of the standardised
  deflections; RMSprop (torch's defaults)
- bicycle-bell ring decay: a small Post-LN transformer over the dome's first four partials (a token per partial:
  its mode embedding plus the bell's projected features: dome diameter, wall, material, the clamp, its tightness,
  the striker, a thumb resting on the dome) to each partial's log frequency and log T60; frequencies of a thin
  shallow shell (f ~ h / D^2 sqrt(E / rho) times the mode's constant, the dome's rise stiffening the low modes),
  T60 = 6.91 / (pi f eta) with the loss factor the sum of the metal's, the radiation's (rising with f), the clamp's
  (the breathing mode leaking into the handlebar through the centre post) and the thumb's; MSE of the standardised
  logs; AdamW (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the drill net (4096
logged holes) and the highlighter net (8192 swatches), both Adagrad with no short plans; the cool-box CNN on 4096
trips instead of 1024, with 0.5% scatter instead of 2% and 12 channels instead of 16 (Adam); the keg net on 8192
pours instead of 1024, with less scatter (sd 0.02 of the log pour time and 0.01 of the head fraction, against 0.03
and 0.02; SGD with Nesterov momentum).

Of the eight plans, two use Adam (both cool-box plans), two SGD with Nesterov momentum (both keg plans), two Adagrad
(drill, highlighter), one RMSprop (tent pole) and one AdamW (bicycle bell).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam164_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam164/README.md).

    python benchmarks/exam164_workloads.py          # the table
    python benchmarks/exam164_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 164"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


HELD_OUT = 2048


# --------------------------------------------------------------------------------------------------------------
# 1. cool-box ice retention over a four-day trip (a 1-D CNN; Adam)

CB_STEPS = 32  # 3-hourly over four days
CB_DAYS = 4


def _cb_trips(n: int, gen: torch.Generator, noise: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Camping trips with a hard cool box. The box: PU foam walls 25-75 mm (k 0.025 W/m K, the lid seal leaking
    0.05-0.15 W/K more), volume 25-70 L (outer area 6.6 V^(2/3)), ice 40-70% of the volume (0.55 kg/L packed), a
    block (melting 0.85x as fast for the same heat: less wetted surface) or cubes, pre-chilled or not (if not, the
    contents, 40% of the volume at the first hour's air temperature, cool to 0 C by melting ice at the start), a
    white or dark lid (solar absorptance 0.3 or 0.8). The weather: a day / night air temperature 18-34 C at the
    peak with a 6-14 C swing (peak at 15:00), sun 0-900 W/m2 on the box when it stands in the sun (a share 0-1 of
    the day, per trip; clouds per interval), the sol-air temperature T + a S / h_o (h_o 17 W/m2 K) on the lid's
    third of the area. Lid openings: Poisson, 0.2-2 an interval in the daytime, each swapping 60% of the air
    (1.2 kg/m3, 1 kJ/kg K) and adding 1.5 kJ of latent load (moist air frosting on the ice). Heat melts ice at 334
    kJ/kg. The target: the fraction of the ice left at the end of each day, plus scatter. Returns (series (n, 10,
    32): air temperature, sun, openings, then the box's seven features broadcast; fractions (n, 4))."""
    thick = 0.025 + 0.05 * torch.rand(n, generator=gen)
    vol = 25 + 45 * torch.rand(n, generator=gen)
    fill = 0.4 + 0.3 * torch.rand(n, generator=gen)
    block = (torch.rand(n, generator=gen) < 0.5).float()
    chilled = (torch.rand(n, generator=gen) < 0.5).float()
    dark = (torch.rand(n, generator=gen) < 0.4).float()
    seal = 0.05 + 0.1 * torch.rand(n, generator=gen)
    peak = 18 + 16 * torch.rand(n, 1, generator=gen)
    swing = 6 + 8 * torch.rand(n, 1, generator=gen)
    sunny = torch.rand(n, 1, generator=gen)
    hours = 3 * torch.arange(CB_STEPS).float().view(1, -1) + 1.5
    day = torch.cos(2 * math.pi * (hours - 15) / 24)
    air = peak - swing / 2 + swing / 2 * day + 1.5 * torch.randn(n, CB_STEPS, generator=gen)
    elev = torch.sin(2 * math.pi * (hours - 6) / 24).clamp_min(0)
    cloud = 0.4 + 0.6 * torch.rand(n, CB_STEPS, generator=gen)
    sun = 900 * elev * cloud * sunny
    rate = (0.2 + 1.8 * torch.rand(n, 1, generator=gen)) * (elev > 0).float()
    opens = torch.poisson(rate.expand(n, CB_STEPS).contiguous(), generator=gen)
    area = 6.6 * (vol / 1000) ** (2 / 3)
    ua = 0.025 * area / thick + seal
    absorb = 0.3 + 0.5 * dark
    ice0 = 0.55 * fill * vol
    contents = (1 - chilled) * 0.4 * vol * 3.5 * air[:, 0].clamp_min(0) / 334  # kg of ice melted
    ice = ice0 - contents
    speed = 1 - 0.15 * block
    out = []
    for t in range(CB_STEPS):
        sol_air = air[:, t] + absorb * sun[:, t] / 17 / 3
        q = ua * sol_air.clamp_min(0) * 3 * 3600 / 1000  # kJ
        q = q + opens[:, t] * (0.6 * vol / 1000 * 1.2 * air[:, t].clamp_min(0) + 1.5)
        ice = (ice - speed * q / 334).clamp_min(0)
        if (t + 1) % (CB_STEPS // CB_DAYS) == 0:
            out.append(ice / ice0)
    y = torch.stack(out, 1) + noise * torch.randn(n, CB_DAYS, generator=gen)
    box = torch.stack([(thick - 0.05) / 0.0144, (vol - 47.5) / 13, (fill - 0.55) / 0.087, 2 * block - 1,
                       2 * chilled - 1, 2 * dark - 1, (seal - 0.1) / 0.029], 1)
    x = torch.cat([((air - 24) / 6).unsqueeze(1), (sun / 300).unsqueeze(1), (opens - 0.5).unsqueeze(1),
                   box.unsqueeze(2).expand(n, 7, CB_STEPS)], 1)
    return x, y


class IceCNN(nn.Module):
    """A 1-D CNN over the trip's 3-hourly series: two GELU convolutions (the second strided), then a linear read-out
    of the four daily fractions from the flattened features."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv1 = nn.Conv1d(10, width, 5, padding=2)
        self.conv2 = nn.Conv1d(width, width, 5, stride=2, padding=2)
        self.head = nn.Linear(width * CB_STEPS // 2, CB_DAYS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.gelu(self.conv2(F.gelu(self.conv1(x))))
        return self.head(h.flatten(1))


def cool_box(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 16,
             noise: float = 0.02) -> dict[str, Any]:
    """The ice-retention CNN on ``train_size`` trips, targets standardised over them; held out: 2048 other trips in
    batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(164101)
    x, y = _cb_trips(train_size + HELD_OUT, gen, noise)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": IceCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. twist-drill thrust, torque and tool life (an embedding net; Adagrad)

DR_GRADES, DR_BITS, DR_MACHINES, DR_COOLANTS = 12, 6, 8, 3


def _dr_holes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A shop's drilling log. Workpiece grades (12: mild and alloy steels, stainless, cast iron, aluminium, brass,
    titanium ...: a Brinell hardness 60-330 and a Taylor constant C 15-90 m/min for HSS), bits (HSS, HSS-Co, TiN-coated
    HSS, TiAlN-coated carbide, solid carbide, a cheap HSS: a life factor on C and a Taylor exponent n 0.10-0.30),
    eight machines (spindle runout: a wear and torque factor each), coolant (dry, emulsion, through-spindle). Diameter
    3-20 mm, feed 0.04-0.4 mm/rev, speed 0.6-1.6x the handbook's for the grade and bit (log-uniform), depth 1-8
    diameters. Shaw-Oxford (from memory): torque
    M = k HB f^0.8 d^1.8, thrust T = k' HB f^0.8 d^0.8 + k'' HB d^2 (the chisel edge); dry cuts and deep holes (chips
    packing the flutes) add to both. Taylor: the tool life T = (C / v)^(1/n) minutes (coolant raising C), holes =
    T / (cut time per hole), cut short by runout and depth. Scatter 5% (thrust, torque) and 15% (life). Returns
    (categories (n, 4), continuous (n, 4), log thrust / torque / holes (n, 3))."""
    hb = torch.tensor([120, 160, 200, 230, 280, 180, 200, 60, 90, 100, 330, 250.0])
    cg = torch.tensor([60, 45, 35, 28, 20, 40, 30, 90, 75, 70, 15, 25.0])
    life = torch.tensor([1.0, 1.3, 1.8, 3.0, 3.5, 0.7])
    tn = torch.tensor([0.12, 0.13, 0.15, 0.25, 0.30, 0.10])
    runout = 1 + 0.6 * torch.rand(DR_MACHINES, generator=gen)
    cool_c = torch.tensor([0.8, 1.0, 1.25])
    g = torch.randint(0, DR_GRADES, (n,), generator=gen)
    b = torch.randint(0, DR_BITS, (n,), generator=gen)
    m = torch.randint(0, DR_MACHINES, (n,), generator=gen)
    c = torch.randint(0, DR_COOLANTS, (n,), generator=gen)
    d = 3 + 17 * torch.rand(n, generator=gen)
    f = 0.04 * 10 ** torch.rand(n, generator=gen)
    v = cg[g] * life[b] * 0.6 * (8 / 3) ** torch.rand(n, generator=gen)  # 0.6-1.6x the handbook speed
    depth = 1 + 7 * torch.rand(n, generator=gen)
    pack = 1 + 0.04 * (depth - 1) ** 1.5 * torch.where(c == 2, 0.3, 1.0)
    dry = torch.where(c == 0, 1.12, 1.0)
    torque = 3.2e-4 * hb[g] * f**0.8 * d**1.8 * pack * dry * (1 + 0.1 * (runout[m] - 1))
    thrust = (0.9 * hb[g] * f**0.8 * d**0.8 + 0.012 * hb[g] * d**2) * pack * dry
    tl = (cg[g] * life[b] * cool_c[c] / v).clamp_min(0.05) ** (1 / tn[b])
    cut = math.pi * d * depth * d / (1000 * v * f)  # minutes of cutting per hole
    holes = tl / cut / runout[m] ** 2 / (1 + 0.05 * depth)
    y = torch.stack([torch.log(thrust) + 0.05 * torch.randn(n, generator=gen),
                     torch.log(torque) + 0.05 * torch.randn(n, generator=gen),
                     torch.log(holes.clamp(1e-3, 1e7)) + 0.15 * torch.randn(n, generator=gen)], 1)
    xc = torch.stack([(d - 11.5) / 4.9, torch.log10(f / 0.04) * 3.5 - 1.75, torch.log(v / 40) / 0.8,
                      (depth - 4.5) / 2.0], 1)
    return torch.stack([g, b, m, c], 1), xc, y


class DrillNet(nn.Module):
    """Learned embeddings of the grade, bit, machine and coolant joined with the cut's four numbers, then a SiLU
    MLP to the three logs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.grade, self.bit = nn.Embedding(DR_GRADES, 4), nn.Embedding(DR_BITS, 3)
        self.machine, self.coolant = nn.Embedding(DR_MACHINES, 2), nn.Embedding(DR_COOLANTS, 2)
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, cat: torch.Tensor, xc: torch.Tensor) -> torch.Tensor:
        e = [self.grade(cat[:, 0]), self.bit(cat[:, 1]), self.machine(cat[:, 2]), self.coolant(cat[:, 3])]
        return self.net(torch.cat(e + [xc], 1))


def drill_bits(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The drilling net on ``train_size`` logged holes, targets standardised over them; held out: 2048 other holes
    in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(164102)
    cat, xc, y = _dr_holes(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], xc[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DrillNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], xc[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. highlighter ink fading in a lightfastness test (an embedding net; Adagrad)

HL_BRANDS, HL_COLOURS, HL_PAPERS = 10, 6, 5
HL_WEEKS = (1, 2, 4, 8, 16)


def _hl_swatches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Highlighter swatches faded on a window sill or under lamps. Colours (yellow (pyranine), pink (rhodamine),
    orange, green, blue, purple: a bleaching rate per kilolux-week 0.012-0.09 and a UV sensitivity), ten brands (a
    dye load and a rate factor 0.7-1.4 each, drawn from the generator), papers (copy, recycled, glossy coated,
    newsprint (acid), acid-free cotton: how much dye the fibres draw in 0.2-0.7, an acid factor, optical
    brighteners). Illuminance 0.5-20 klux (log, 10 h a day), UV share 0-1 (lamp behind glass to open sun),
    21-40 C, 20-85% RH, 1-3 strokes. The dose D = lux h (1 + 2.5 UV s_UV); surface dye bleaches at k, the dye in
    the fibres at 0.25 k; humidity and heat speed both (1 + 0.8 (RH - 0.5)) exp(0.03 (T - 25)); an acid paper x1.3.
    The remaining fluorescence (relative to the fresh swatch, brighteners' share fading fast) after 1, 2, 4, 8 and 16
    weeks, scatter 0.015. Returns (categories (n, 3), continuous (n, 5), fractions (n, 5))."""
    rate = torch.tensor([0.09, 0.05, 0.06, 0.025, 0.012, 0.03])
    uvs = torch.tensor([1.0, 0.6, 0.8, 0.5, 0.3, 0.7])
    brand_rate = 0.7 + 0.7 * torch.rand(HL_BRANDS, generator=gen)
    brand_load = 0.8 + 0.4 * torch.rand(HL_BRANDS, generator=gen)
    absorb = torch.tensor([0.5, 0.6, 0.2, 0.7, 0.4])
    acid = torch.tensor([1.0, 1.15, 1.0, 1.3, 0.9])
    bright = torch.tensor([0.10, 0.05, 0.12, 0.0, 0.0])
    br = torch.randint(0, HL_BRANDS, (n,), generator=gen)
    co = torch.randint(0, HL_COLOURS, (n,), generator=gen)
    pa = torch.randint(0, HL_PAPERS, (n,), generator=gen)
    klux = 0.5 * 40 ** torch.rand(n, generator=gen)
    uv = torch.rand(n, generator=gen)
    temp = 21 + 19 * torch.rand(n, generator=gen)
    rh = 0.2 + 0.65 * torch.rand(n, generator=gen)
    strokes = torch.randint(1, 4, (n,), generator=gen).float()
    k = rate[co] * brand_rate[br] * acid[pa] * (1 + 0.8 * (rh - 0.5)) * torch.exp(0.03 * (temp - 25))
    dose_week = klux * 70 / 10 * (1 + 2.5 * uv * uvs[co])  # in 10 klux h x 7 days units
    inner = (absorb[pa] * (1 + 0.15 * (strokes - 1))).clamp(0, 0.85)
    load = brand_load[br] * (1 - 0.35 * 0.5 ** (strokes - 1))
    out = []
    for w in HL_WEEKS:
        dose = dose_week * w
        dye = (1 - inner) * torch.exp(-k * dose) + inner * torch.exp(-0.25 * k * dose)
        out.append((load * dye + bright[pa] * torch.exp(-0.3 * dose)) / (load + bright[pa]))
    y = torch.stack(out, 1) + 0.015 * torch.randn(n, len(HL_WEEKS), generator=gen)
    xc = torch.stack([torch.log(klux / 0.5) / 1.06 - 1.73, (uv - 0.5) / 0.29, (temp - 30.5) / 5.5,
                      (rh - 0.525) / 0.19, strokes - 2], 1)
    return torch.stack([br, co, pa], 1), xc, y * 4


class FadeNet(nn.Module):
    """Learned embeddings of the brand, colour and paper joined with the exposure's five numbers, then a tanh MLP
    to the five remaining fluorescences (x4)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.brand, self.colour = nn.Embedding(HL_BRANDS, 3), nn.Embedding(HL_COLOURS, 4)
        self.paper = nn.Embedding(HL_PAPERS, 3)
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, len(HL_WEEKS)))

    def forward(self, cat: torch.Tensor, xc: torch.Tensor) -> torch.Tensor:
        e = [self.brand(cat[:, 0]), self.colour(cat[:, 1]), self.paper(cat[:, 2])]
        return self.net(torch.cat(e + [xc], 1))


def highlighter_fading(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The fading net on ``train_size`` swatches; held out: 2048 other swatches in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(164103)
    cat, xc, y = _hl_swatches(train_size + HELD_OUT, gen)
    tr = (cat[:train_size], xc[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FadeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], xc[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. draught-beer pour foam (a residual MLP with LayerNorm; SGD with Nesterov momentum)

KG_FAUCETS = 3  # standard rear-sealing, forward-sealing, flow-control


def _kg_pours(n: int, gen: torch.Generator, scatter: tuple[float, float]) -> tuple[torch.Tensor, torch.Tensor]:
    """Pours of a half litre from a keg through a cooled line. Keg 1-8 C; CO2 gauge 0.6-2.2 bar; the beer's
    carbonation 2.0-3.0 volumes (set by its history, not always at equilibrium with today's gauge); line 1-8 m of
    4-6 mm bore vinyl (resistance 0.2 bar/m at 5 mm and the design flow, ~ 1 / bore^4, with a share growing with
    the square of the flow); rise 0-1.5 m (0.1 bar/m); the tower's air 2-20 C warming the last 0.3 m; faucet
    (rear-sealing, forward-sealing, flow-control: a minor loss and turbulence each); glass 3-25 C. Flow from the
    balance gauge - rise = line (linear + quadratic) + faucet, solved in closed form. The CO2 equilibrium pressure
    from the carbonation chart's formula (from memory): vols = (P_psi + 14.7)(0.01821 + 0.090115 exp(-(T_F - 32) /
    43.11)) - 0.003342, inverted for P at the beer's carbonation and the tower's temperature; breakout where the
    pressure left at the faucet's inlet is short of it, foam from the breakout, the jet's speed, the faucet and the
    glass's warmth, capped at 95%. Scatter: ``scatter`` (sd of the log pour time, of the head fraction). Returns
    (features (n, 12), (log pour seconds, head fraction) (n, 2))."""
    tk = 1 + 7 * torch.rand(n, generator=gen)
    gauge = 0.6 + 1.6 * torch.rand(n, generator=gen)
    vols = 2.0 + 1.0 * torch.rand(n, generator=gen)
    length = 1 + 7 * torch.rand(n, generator=gen)
    bore = 4 + 2 * torch.rand(n, generator=gen)
    rise = 1.5 * torch.rand(n, generator=gen)
    tower = 2 + 18 * torch.rand(n, generator=gen)
    fa = torch.randint(0, KG_FAUCETS, (n,), generator=gen)
    glass = 3 + 22 * torch.rand(n, generator=gen)
    r_lin = 0.12 * length * (5 / bore) ** 4  # bar at the design flow (1 unit = 40 mL/s)
    r_quad = 0.08 * length * (5 / bore) ** 4 + torch.tensor([0.15, 0.10, 0.45])[fa]
    drive = (gauge - 0.1 * rise).clamp_min(0.05)
    q = (-r_lin + (r_lin**2 + 4 * r_quad * drive).sqrt()) / (2 * r_quad)  # design-flow units
    seconds = 500 / (40 * q)
    t_line = tk + 0.6 * (tower - tk) * (0.3 / length).clamp_max(1)  # the beer's mean temperature at the faucet
    t_f = 32 + 1.8 * t_line
    p_eq = (vols + 0.003342) / (0.01821 + 0.090115 * torch.exp(-(t_f - 32) / 43.11)) - 14.7
    p_eq = p_eq / 14.5  # bar gauge
    left = drive - r_lin * q - 0.08 * length * (5 / bore) ** 4 * q**2  # before the faucet
    short = torch.relu(p_eq - left)
    speed = q / (bore / 5) ** 2
    turb = torch.tensor([1.0, 0.8, 0.6])[fa]
    foam = 0.08 + 0.5 * (1 - torch.exp(-1.2 * short)) + 0.12 * turb * torch.relu(speed - 0.8) ** 1.5 \
        + 0.006 * torch.relu(glass - 4) + 0.02 * (t_line - tk)
    foam = foam.clamp(0, 0.95)
    y = torch.stack([torch.log(seconds) + scatter[0] * torch.randn(n, generator=gen),
                     foam + scatter[1] * torch.randn(n, generator=gen)], 1)
    x = torch.cat([torch.stack([(tk - 4.5) / 2, (gauge - 1.4) / 0.46, (vols - 2.5) / 0.29, (length - 4.5) / 2,
                                (bore - 5) / 0.58, (rise - 0.75) / 0.43, (tower - 11) / 5.2, (glass - 14) / 6.4,
                                torch.log(length / bore) + 0.3], 1), F.one_hot(fa, KG_FAUCETS).float()], 1)
    return x, y


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm, self.fc1, self.fc2 = nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class PourNet(nn.Module):
    """A residual MLP with LayerNorm: an input projection, two pre-norm residual blocks, a final LayerNorm and a
    linear head to the log pour time and the head fraction."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.inp = nn.Linear(12, width)
        self.blocks = nn.Sequential(ResBlock(width), ResBlock(width))
        self.norm, self.head = nn.LayerNorm(width), nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.inp(x))))


def keg_pour(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32,
             scatter: tuple[float, float] = (0.03, 0.02)) -> dict[str, Any]:
    """The pour net on ``train_size`` pours, targets standardised over them; held out: 2048 other pours in batches
    of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(164104)
    x, y = _kg_pours(train_size + HELD_OUT, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PourNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. tent-pole flex in wind (a bidirectional GRU along the sections; RMSprop)

TP_SECTIONS = 8
TP_MATERIALS = 3  # 7001 aluminium, fibreglass, carbon


def _tp_poles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A dome tent's pole of eight shock-corded sections in wind. Each section: its material (aluminium E 71 GPa,
    fibreglass 30 GPa, carbon 120 GPa; a pole mostly of one, a repair section sometimes of another), length 0.35-0.55
    m, tube diameter 8.5-11 mm (fibreglass solid 7-11 mm), wall 0.6-1.0 mm, the ferrule at its end loose 0-1 (a
    rotational spring 40-400 N m/rad). The pole: wind 3-18 m/s on a panel 0.6-1.2 m wide (q = 0.5 1.2 V^2 x 0.8,
    2% of it bending the pole: the arch carries the rest in compression),
    two guy lines at 1/3 and 2/3 of the arc, each tensioned or not (springs of 300 N/m), the pitch pre-load 0.5-2.5
    N (the arch's compression along the pole). Deflection of a pinned beam of varying EI along the arc by double
    integration of
    M / EI (the moment of the uniform load less the guys' reactions, solved with the guys as springs), plus the
    ferrules' kinks, amplified by 1 / (1 - P / P_cr) with P_cr = pi^2 EI_min / L^2. Scatter 3%. Returns (per-section
    inputs (n, 8, 12), deflections at each section's end in cm, asinh (signed, log-like) (n, 8))."""
    main = torch.randint(0, TP_MATERIALS, (n, 1), generator=gen).expand(n, TP_SECTIONS)
    swap = torch.rand(n, TP_SECTIONS, generator=gen) < 0.08
    mat = torch.where(swap, torch.randint(0, TP_MATERIALS, (n, TP_SECTIONS), generator=gen), main)
    e_mod = torch.tensor([71e9, 30e9, 120e9])[mat]
    seg_len = 0.35 + 0.2 * torch.rand(n, 1, generator=gen) + 0.02 * torch.randn(n, TP_SECTIONS, generator=gen)
    dia = (8.5 + 2.5 * torch.rand(n, 1, generator=gen)).expand(n, TP_SECTIONS) / 1000
    wall = (0.6 + 0.4 * torch.rand(n, 1, generator=gen)).expand(n, TP_SECTIONS) / 1000
    solid = mat == 1
    inner = torch.where(solid, torch.zeros_like(dia), dia - 2 * wall)
    dia = torch.where(solid, dia * 0.85, dia)
    ei = e_mod * math.pi * (dia**4 - inner**4) / 64
    loose = torch.rand(n, TP_SECTIONS, generator=gen)
    k_joint = 400 - 360 * loose
    wind = 3 + 15 * torch.rand(n, 1, generator=gen)
    panel = 0.6 + 0.6 * torch.rand(n, 1, generator=gen)
    guys = (torch.rand(n, 2, generator=gen) < 0.6).float()
    pre = 0.5 + 2 * torch.rand(n, 1, generator=gen)
    w = 0.02 * 0.5 * 1.2 * wind**2 * 0.8 * panel  # N/m: the bending share (the arch carries the rest in compression)
    sub = 8  # integration points per section
    ds = seg_len.repeat_interleave(sub, 1) / sub
    s = torch.cumsum(ds, 1) - ds / 2
    length = seg_len.sum(1, keepdim=True)
    ei_s = ei.repeat_interleave(sub, 1)

    def defl(m: torch.Tensor) -> torch.Tensor:
        theta = torch.cumsum(m / ei_s * ds, 1)
        # ferrule kinks at each section's end (not the last)
        mj = m[:, sub - 1::sub][:, :-1]
        kinks = torch.zeros_like(m)
        kinks[:, sub::sub] = mj / k_joint[:, :-1]
        theta = theta + torch.cumsum(kinks, 1)
        v = torch.cumsum(theta * ds, 1)
        return v - v[:, -1:] * s / length

    m_load = w * s * (length - s) / 2
    at = length * torch.tensor([1 / 3, 2 / 3]).view(1, 2)

    def unit(a: torch.Tensor) -> torch.Tensor:  # moment of a unit point load at arc position a
        return torch.where(s < a, s * (length - a) / length, a * (length - s) / length)

    idx = [(s - at[:, j:j + 1]).abs().argmin(1) for j in range(2)]
    d_load = defl(m_load)
    flex = torch.zeros(n, 2, 2)
    base = torch.zeros(n, 2)
    for j in range(2):
        dj = defl(unit(at[:, j:j + 1]))
        base[:, j] = d_load.gather(1, idx[j].view(-1, 1)).squeeze(1)
        for i in range(2):
            flex[:, i, j] = dj.gather(1, idx[i].view(-1, 1)).squeeze(1)
    kg = 300 * guys
    # reactions R: (I + K F) R = K d_load
    a_mat = torch.eye(2).expand(n, 2, 2) + kg.unsqueeze(2) * flex
    r = torch.linalg.solve(a_mat, (kg * base).unsqueeze(2)).squeeze(2)
    m = m_load - r[:, :1] * unit(at[:, :1]) - r[:, 1:] * unit(at[:, 1:])
    p_cr = math.pi**2 * ei.min(1, keepdim=True).values / length**2
    amp = 1 / (1 - (pre / p_cr).clamp_max(0.8))
    d = defl(m)[:, sub - 1::sub] * amp * 100  # cm at each section's end
    d = d * torch.exp(0.03 * torch.randn(n, TP_SECTIONS, generator=gen))
    per = torch.cat([F.one_hot(mat, TP_MATERIALS).float(), ((seg_len - 0.45) / 0.06).unsqueeze(2),
                     ((dia * 1000 - 9) / 0.8).unsqueeze(2), ((wall * 1000 - 0.8) / 0.12).unsqueeze(2),
                     ((loose - 0.5) / 0.29).unsqueeze(2)], 2)
    glob = torch.cat([(wind - 10.5) / 4.3, (panel - 0.9) / 0.17, 2 * guys - 1, (pre - 1.5) / 0.58], 1)
    x = torch.cat([per, glob.unsqueeze(1).expand(n, TP_SECTIONS, 5)], 2)
    return x, torch.asinh(d)


class PoleGRU(nn.Module):
    """A bidirectional GRU along the pole's sections and a linear read-out of each section's end deflection."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(12, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0]).squeeze(2)


def tent_pole(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 24) -> dict[str, Any]:
    """The pole GRU on ``train_size`` pitched poles, targets standardised over them; held out: 2048 other poles in
    batches of 1024; RMSprop (torch's defaults)."""
    gen = torch.Generator().manual_seed(164105)
    x, y = _tp_poles(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PoleGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bicycle-bell ring decay (a Post-LN transformer over the partials; AdamW)

BB_MODES = 4
BB_METALS = 3  # steel, brass, aluminium


def _bb_bells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bicycle bells struck on a test rig. Dome diameter 35-65 mm, wall 0.5-1.2 mm, rise 0.15-0.35 of the diameter;
    metal (steel E 200 GPa, rho 7850, loss 2e-4; brass 100 GPa, 8500, 4e-4; aluminium 70 GPa, 2700, 3e-4); the
    clamp (plastic or metal band) and its tightness 0-1; the striker (a sprung hammer, a rotary ding-dong's
    clappers resting on the rim: extra loss); a thumb resting on the dome or not. Frequencies of the first four
    partials f_k = 1800 c_k h / D^2 sqrt(E / rho) (h and D in mm; c_k 1, 2.1, 3.6, 5.4; a 2-4 kHz fundamental)
    with the rise
    stiffening the first two; T60 = 6.91 / (pi f eta), eta the sum of the metal's loss, radiation's (rising as f
    nears the dome's coincidence), the clamp's (strongest on the breathing partial, through the centre post; a loose
    plastic clamp worst), the striker's and the thumb's. Scatter 2% on f, 6% on T60. Returns (features (n, 10),
    (log f, log T60) per partial (n, 4, 2))."""
    dia = 35 + 30 * torch.rand(n, generator=gen)
    h = 0.5 + 0.7 * torch.rand(n, generator=gen)
    rise = 0.15 + 0.2 * torch.rand(n, generator=gen)
    metal = torch.randint(0, BB_METALS, (n,), generator=gen)
    plastic = (torch.rand(n, generator=gen) < 0.5).float()
    tight = torch.rand(n, generator=gen)
    rotary = (torch.rand(n, generator=gen) < 0.4).float()
    thumb = (torch.rand(n, generator=gen) < 0.25).float()
    e = torch.tensor([200e9, 100e9, 70e9])[metal]
    rho = torch.tensor([7850.0, 8500.0, 2700.0])[metal]
    eta_m = torch.tensor([2e-4, 4e-4, 3e-4])[metal]
    ck = torch.tensor([1.0, 2.1, 3.6, 5.4]).view(1, -1)
    stiff = torch.tensor([1.0, 0.6, 0.25, 0.1]).view(1, -1)
    c = (e / rho).sqrt().view(-1, 1)
    f = 1800 * ck * (h / dia**2).view(-1, 1) * c * (1 + 2.5 * stiff * (rise.view(-1, 1) - 0.15))
    f_c = 9000 * (1.0 / h).view(-1, 1) * (50 / dia).sqrt().view(-1, 1)  # a coincidence-like frequency, Hz
    eta_rad = 2.5e-4 * (dia.view(-1, 1) / 50) ** 2 * torch.sigmoid(6 * torch.log(f / f_c)) * (7850 / rho).view(-1, 1)
    post = torch.tensor([1.0, 0.35, 0.15, 0.08]).view(1, -1)
    eta_cl = (1.5e-3 * plastic + 3e-4 * (1 - plastic)) * (0.15 + torch.exp(-4 * tight)) * (50 / dia) ** 2
    eta_cl = eta_cl.view(-1, 1) * post
    eta_st = (2.5e-4 * rotary).view(-1, 1) * torch.tensor([0.5, 1.0, 1.2, 1.0]).view(1, -1)
    eta_th = (2e-3 * thumb).view(-1, 1) * torch.tensor([0.4, 1.0, 1.0, 0.8]).view(1, -1)
    eta = eta_m.view(-1, 1) + eta_rad + eta_cl + eta_st + eta_th
    t60 = 6.91 / (math.pi * f * eta)
    y = torch.stack([torch.log(f) + 0.02 * torch.randn(n, BB_MODES, generator=gen),
                     torch.log(t60) + 0.06 * torch.randn(n, BB_MODES, generator=gen)], 2)
    x = torch.cat([torch.stack([(dia - 50) / 8.7, (h - 0.85) / 0.2, (rise - 0.25) / 0.058, 2 * plastic - 1,
                                (tight - 0.5) / 0.29, 2 * rotary - 1, 2 * thumb - 1], 1),
                   F.one_hot(metal, BB_METALS).float()], 1)
    return x, y


class BellTransformer(nn.Module):
    """A Post-LN transformer over the four partials: each token is its mode's learned embedding plus the bell's
    features projected; one encoder layer (``norm_first=False``: LayerNorm after each residual sum; 2 heads,
    feed-forward 2 d_model, no dropout) and a linear head to the partial's log frequency and log T60."""

    def __init__(self, d_model: int = 64, layers: int = 1) -> None:
        super().__init__()
        self.proj = nn.Linear(10, d_model)
        self.mode = nn.Embedding(BB_MODES, d_model)
        layer = nn.TransformerEncoderLayer(d_model, 2, 2 * d_model, dropout=0.0, batch_first=True, norm_first=False)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        tok = self.proj(x).unsqueeze(1) + self.mode.weight.unsqueeze(0)
        return self.head(self.enc(tok))


def bicycle_bell(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d_model: int = 64) -> dict[str, Any]:
    """The bell transformer on ``train_size`` struck bells, targets standardised over them (per partial and
    quantity); held out: 2048 other bells in batches of 1024; AdamW (torch's defaults: weight decay 0.01)."""
    gen = torch.Generator().manual_seed(164106)
    x, y = _bb_bells(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BellTransformer(d_model), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("cool_box_ice_adam", cool_box, 300, "cool_box_trip_ice_retention_cnn1d", "adam", "finite", 64,
      seconds=0.5, start_lr=0.016),
    W("keg_pour_foam_nesterov", keg_pour, 300, "keg_draught_line_balance_pour_foam_resmlp_ln", "sgd_nesterov0.9",
      "finite", 32, seconds=0.3, start_lr=0.05),
    W("tent_pole_flex_rmsprop", tent_pole, 300, "tent_pole_shock_corded_wind_flex_bigru", "rmsprop", "finite", 128,
      seconds=1.3, start_lr=0.016),
    W("bicycle_bell_decay_adamw", bicycle_bell, 300, "bicycle_bell_dome_partial_t60_postln_transformer", "adamw",
      "finite", 64, seconds=0.8, start_lr=0.016),
)
LONG = (
    W("drill_bit_shop_adagrad@long", drill_bits, 3000, "twist_drill_shaw_oxford_taylor_life_embedding_net", "adagrad",
      "finite", 64, seconds=2.1, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("highlighter_fade_adagrad@long", highlighter_fading, 3000, "highlighter_ink_lightfastness_fade_embedding_net",
      "adagrad", "finite", 64, dict(train_size=8192), seconds=2.0, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("cool_box_ice_adam@long", cool_box, 3000, "cool_box_trip_ice_retention_cnn1d", "adam", "finite", 64,
      dict(train_size=4096, noise=0.005, width=12), seconds=4.7, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="cool_box_ice_adam"),
    W("keg_pour_foam_nesterov@long", keg_pour, 3000, "keg_draught_line_balance_pour_foam_resmlp_ln",
      "sgd_nesterov0.9", "finite", 64, dict(train_size=8192, scatter=(0.02, 0.01)), seconds=2.8, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="keg_pour_foam_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam164_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-fourth exam's workloads")
