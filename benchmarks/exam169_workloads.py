"""The hundred-and-sixty-ninth exam: six more workload families that neither the suite nor exams 1-168 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam168_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from radiator valves and room warm-up, circuit breakers and trip timing,
sandpits and sand moisture, whetstones and edge honing, cat litter and clumping, and baby monitors and signal range
(exam 170 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam169/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- room warm-up behind a thermostatic radiator valve: a GRU over the two hours after the heating comes on (5-minute
  steps; the outdoor and flow temperatures each step, the room, envelope, radiator, TRV dial and start temperature
  broadcast) to the room temperature each step; a two-node (air, fabric) lumped model with an EN 442-style
  radiator output (Q50 (dT / 50)^1.3), a wax TRV head with a 2 K proportional band and a lagging sensor near the
  radiator, weather-compensated flow; MSE of the standardised temperatures; Adam (torch's defaults)
- miniature circuit breaker trip times (a long plan only): an embedding net over a breaker catalogue (96 part
  numbers, their B / C / D curve) with the test current's multiple of In, the ambient and the bimetal's preload to
  the log10 trip time; the data from each part's bimetal heating first-order to (I / I_th(T))^2 with a trip at 1
  (t = tau ln((theta_inf - theta_0) / (theta_inf - 1))), its ambient derating, and the instantaneous magnetic trip
  above the curve's pick-up; MSE of the standardised log10 trip time; Adagrad (torch's defaults: sparse part-number
  features)
- sandpit surface moisture map after rain: a fully convolutional 2-D CNN (SiLU) from the sand-depth map,
  a tree's shade map and the rain, time since rain, evaporative demand and liner broadcast as planes to the top-5 cm
  moisture map of a 3 x 3 m sandpit; drainage to field capacity, a perched water table over a liner feeding
  capillary rise through shallow sand, shade-weighted evaporation from the surface, lateral smoothing, 1.5% probe
  scatter; MSE of the standardised moisture; RMSprop (torch's defaults) for the short and the long plan
- whetstone edge honing: a small Post-LN transformer over the 2-4 stones of a sharpening session (each stone's grit,
  strokes, pressure, the angle held and its wobble; the steel's hardness, carbide share and the start radius in each
  token) to the final log apex radius and log burr height; each stone drives the apex radius exponentially towards
  a floor set by its grit's particle size and the wobble, and raises a burr in proportion to its grit that finer
  stones strop away; MSE of the standardised logs; AdamW (torch's defaults)
- cat litter clumping (a long plan only): an embedding net over 64 litter products and their 6 base materials with
  the urine volume, litter depth, days since a full change, humidity, setting time and cat count to whether the
  clump breaks when scooped; a clump strength from the product's swelling, the depth against the urine's spread to
  the tray floor, the setting time, the litter's wear and humidity; cross-entropy (BCE); Adagrad (torch's defaults:
  sparse product features)
- baby-monitor signal range: a residual MLP with LayerNorm from the band (analogue 864 MHz, DECT 1.88 GHz,
  2.4 GHz digital; one-hot), transmit power, distance, walls by material, floors, a glass door, the parent unit in
  a pocket and neighbouring Wi-Fi networks to the received power and the audio dropout share; log-distance path loss
  with per-material, per-band wall losses and floor losses, shadowing, an interference-raised noise floor at
  2.4 GHz; MSE of the standardised outputs; NAdam (torch's defaults) for the short and the long plan

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the breaker and litter
nets (no short plans), the sandpit CNN on 4096 maps instead of 2048 (no 1x1 mixing layer, batch 16) and the
baby-monitor net on 8192 links instead of 4096 (32 units instead of 64, batch 16).

Of the eight plans, two use Adagrad (breaker, litter), two RMSprop (sandpit), two NAdam (baby monitor), one Adam
(radiator) and one AdamW (whetstone).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam169_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam169/README.md).

    python benchmarks/exam169_workloads.py          # the table
    python benchmarks/exam169_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 169"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int, dims: Any = 0) -> torch.Tensor:
    """Targets standardised with the mean and sd of the first ``n`` rows (the training pool), per column
    (``dims=0``) or over everything (``dims=None``)."""
    if dims is None:
        return (y - y[:n].mean()) / y[:n].std()
    return (y - y[:n].mean(dims)) / y[:n].std(dims)


# --------------------------------------------------------------------------------------------------------------
# 1. room warm-up behind a thermostatic radiator valve (Adam)

RW_STEPS = 24  # 5-minute steps: two hours


def _rw_warmups(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two hours after the heating comes on in one room: floor area 8-30 m2 (2.5 m ceiling), an envelope loss of
    0.3-1.5 W/K per m2 of wall-equivalent area (2.5 x floor area), a radiator of Q50 = 600-2500 W (EN 442-style
    output Q50 ((T_flow - 5 - T_air) / 50)^1.3, the mean water temperature 5 K under the flow), a TRV dial 1-5
    (set point 8 + 4 x dial: 3 = 20 C) whose wax head opens over a 2 K proportional band and whose sensor, near
    the radiator, reads the air plus up to 1.5 K of the radiator's plume with a 10-minute lag; heat to the room
    concave in the valve's opening (v (2 - v)); weather-compensated flow 35 + 1.2 (20 - T_out) (35-75 C) plus a
    boiler offset of -5..5 K; outdoor -10..12 C drifting -2..2 K over the two hours; start 10-18 C, the fabric 0.5 K
    under it. Two nodes: the air (with light furniture, 10 kJ/K per m2) and the fabric (100 kJ/K per m2),
    coupled by 30 W/K per m2; 1-minute Euler steps. Logger scatter 0.2 K. Returns (per-step inputs (n, 24, 7),
    room temperatures (n, 24))."""
    area = 8 + 22 * torch.rand(n, generator=gen)
    u = 0.3 + 1.2 * torch.rand(n, generator=gen)
    q50 = 600 + 1900 * torch.rand(n, generator=gen)
    dial = 1 + 4 * torch.rand(n, generator=gen)
    t_set = 8 + 4 * dial
    t_out0 = -10 + 22 * torch.rand(n, generator=gen)
    drift = -2 + 4 * torch.rand(n, generator=gen)
    t0 = 10 + 8 * torch.rand(n, generator=gen)
    offset = -5 + 10 * torch.rand(n, generator=gen)
    ua = u * 2.5 * area
    c_air, c_fab, h = 10e3 * area, 100e3 * area, 30 * area
    t_air, t_fab = t0.clone(), t0 - 0.5
    t_sens = t0.clone()
    outs, temps, flows = [], [], []
    for k in range(RW_STEPS):
        t_out = t_out0 + drift * k / RW_STEPS
        flow = (35 + 1.2 * (20 - t_out)).clamp(35, 75) + offset
        for _ in range(5):
            v = ((t_set + 1 - t_sens) / 2).clamp(0, 1)
            dt_rad = (flow - 5 - t_air).clamp_min(0)
            q = q50 * (dt_rad / 50) ** 1.3 * v * (2 - v)
            t_sens = t_sens + (t_air + 1.5 * v - t_sens) * 60 / 600
            d_air = (q - ua * (t_air - t_out) - h * (t_air - t_fab)) / c_air
            t_fab = t_fab + 60 * h * (t_air - t_fab) / c_fab
            t_air = t_air + 60 * d_air
        outs.append(t_out)
        flows.append(flow)
        temps.append(t_air)
    y = torch.stack(temps, 1) + 0.2 * torch.randn(n, RW_STEPS, generator=gen)
    static = torch.stack([(area - 19) / 6.4, (u - 0.9) / 0.35, (q50 - 1550) / 550, (dial - 3) / 1.15,
                          (t0 - 14) / 2.3], 1)
    seq = torch.stack([(torch.stack(outs, 1) - 1) / 6.5, (torch.stack(flows, 1) - 55) / 10], 2)
    x = torch.cat([seq, static[:, None, :].expand(n, RW_STEPS, 5)], 2)
    return x, y


class WarmupGRU(nn.Module):
    """A GRU over the 24 five-minute steps to the room temperature at each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(-1)


def radiator_warmup(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The warm-up GRU on 1024 warm-ups, temperatures standardised (one mean and sd) over them; held out: 2048 other
    warm-ups in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(169101)
    x, y = _rw_warmups(train_size + 2048, gen)
    y = _standardise(y, train_size, None)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WarmupGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. miniature circuit breaker trip times over a catalogue (Adagrad; long only)

CB_PARTS = 96


def _cb_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Trip tests of 96 breaker part numbers. Each part: a curve (B, C, D: magnetic pick-up 3-5, 5-10, 10-20 x In,
    uniform in its band), a thermal pick-up 1.15-1.35 x In (between the 1.13 no-trip and 1.45 trip currents), a
    bimetal time constant 20-150 s (log-uniform), an ambient derating 0.3-0.6% per K from its 30 C calibration and
    a magnetic trip time 5-15 ms. A test: the part, a current 2-30 x In (log-uniform), the ambient 0-50 C and a
    preload 0-0.9 (the bimetal's heating state from earlier load, as a share of the trip state). Thermal trip: the
    bimetal heats first-order to theta_inf = (I / I_th(T))^2, trip at 1: t = tau ln((theta_inf - theta_0) /
    (theta_inf - 1)); magnetic: at currents over the pick-up (15% scatter from test to test) the trip is
    instantaneous. 12% lognormal
    scatter on the time. Returns (part ids, curve ids, conditions (n, 3): ln multiple, ambient, preload, log10
    trip time (n,))."""
    pg = torch.Generator().manual_seed(int(torch.randint(0, 2**31, (1,), generator=gen)))
    curve_p = torch.randint(0, 3, (CB_PARTS,), generator=pg)
    lo = torch.tensor([3.0, 5.0, 10.0])[curve_p]
    mag_p = lo * (1 + (torch.rand(CB_PARTS, generator=pg)) * torch.tensor([2 / 3, 1.0, 1.0])[curve_p])
    th_p = 1.15 + 0.20 * torch.rand(CB_PARTS, generator=pg)
    tau_p = 20 * 7.5 ** torch.rand(CB_PARTS, generator=pg)
    der_p = 0.003 + 0.003 * torch.rand(CB_PARTS, generator=pg)
    tmag_p = 0.005 + 0.010 * torch.rand(CB_PARTS, generator=pg)
    part = torch.randint(0, CB_PARTS, (n,), generator=gen)
    mult = 2 * 15 ** torch.rand(n, generator=gen)
    amb = 50 * torch.rand(n, generator=gen)
    pre = 0.9 * torch.rand(n, generator=gen)
    i_th = th_p[part] * (1 - der_p[part] * (amb - 30))
    theta = (mult / i_th) ** 2
    t_th = tau_p[part] * torch.log((theta - pre) / (theta - 1))
    magnetic = mult > mag_p[part] * torch.exp(0.15 * torch.randn(n, generator=gen))
    t = torch.where(magnetic, tmag_p[part], t_th) * torch.exp(0.12 * torch.randn(n, generator=gen))
    cond = torch.stack([torch.log(mult), (amb - 25) / 14.4, pre], 1)
    return part, curve_p[part], cond, torch.log10(t)


class TripNet(nn.Module):
    """An embedding net over the catalogue: a part-number embedding (8) and a curve embedding (2) with the three
    test conditions, a SiLU MLP 13-32-32-1 to the standardised log10 trip time."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.part = nn.Embedding(CB_PARTS, 8)
        self.curve = nn.Embedding(3, 2)
        self.mlp = nn.Sequential(nn.Linear(13, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, part: torch.Tensor, curve: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.part(part), self.curve(curve), cond], 1)).squeeze(-1)


def breaker_trip(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The trip-time net on 4096 tests of 96 parts, log10 times standardised over them; held out: 2048 other
    tests in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(169102)
    part, curve, cond, y = _cb_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (part[:train_size], curve[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TripNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((part[train_size:], curve[train_size:], cond[train_size:], y[train_size:]),
                                       1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. sandpit surface moisture map after rain (RMSprop)

SP_GRID = 12  # 12 x 12 cells of 25 cm: a 3 x 3 m sandpit


def _smooth_field(n: int, gen: torch.Generator, waves: int = 3) -> torch.Tensor:
    """A smooth random field on the grid (a few random cosines), about unit range."""
    g = torch.linspace(0, 1, SP_GRID)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    f = torch.zeros(n, SP_GRID, SP_GRID)
    for _ in range(waves):
        k = 1 + 2 * torch.rand(n, 2, 1, 1, generator=gen)
        ph = 2 * math.pi * torch.rand(n, 2, 1, 1, generator=gen)
        a = torch.rand(n, 1, 1, generator=gen)
        f = f + a * torch.cos(math.pi * k[:, 0] * xx + ph[:, 0]) * torch.cos(math.pi * k[:, 1] * yy + ph[:, 1])
    return f / waves


def _sp_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sandpits after rain: the sand depth 15-50 cm (a smooth field, shallower where children dug it away), a tree's
    shade (a Gaussian blob of 0.5-1.2 m radius at a random place, 40-90% shade at its centre), rain 5-40 mm,
    2-72 h since it stopped (log-uniform), an evaporative demand of 1-6 mm/day and a liner (impermeable membrane)
    under half of them. Play sand: saturated 0.38, field capacity 0.07, residual 0.02. The top 5 cm drains to
    field capacity with a 6 h time constant from the rain's wetting (0.38 for rain over 15 mm, less for less); over
    a liner the drained water perches at the bottom (its height = the rain's depth / 0.3 drainable porosity, at most
    the sand's depth) and capillary rise keeps the surface at 0.38 exp(-(depth - perched) / 8 cm) or more; shade-
    weighted evaporation (demand x (1 - shade)) takes water from the top 15 cm, faster while it is wet, down to the
    residual (the maximum and the floor smoothed over 1% moisture: the probe averages over its volume). A 3 x 3
    lateral smoothing (capillary redistribution) and 0.015 probe scatter. Returns (planes (n, 6, 12, 12): depth,
    shade, rain, log hours, demand, liner; moisture in % (n, 1, 12, 12))."""
    g = torch.linspace(0.125, 2.875, SP_GRID)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    depth = 32.5 + 17.5 * _smooth_field(n, gen).clamp(-1, 1)
    c = 3 * torch.rand(n, 2, 1, 1, generator=gen)
    rad = 0.5 + 0.7 * torch.rand(n, 1, 1, generator=gen)
    peak = 0.4 + 0.5 * torch.rand(n, 1, 1, generator=gen)
    shade = peak * torch.exp(-((xx - c[:, 0]) ** 2 + (yy - c[:, 1]) ** 2) / (2 * rad**2))
    rain = 5 + 35 * torch.rand(n, 1, 1, generator=gen)
    hours = 2 * 36 ** torch.rand(n, 1, 1, generator=gen)
    demand = 1 + 5 * torch.rand(n, 1, 1, generator=gen)
    liner = (torch.rand(n, 1, 1, generator=gen) < 0.5).float()
    wet = 0.07 + 0.31 * (rain / 15).clamp(max=1)
    drained = 0.07 + (wet - 0.07) * torch.exp(-hours / 6)
    perched = (rain / 10 / 0.3).clamp(max=1) * depth * liner
    cap = liner * 0.38 * torch.exp(-(depth - perched).clamp_min(0) / 8)
    theta = 0.01 * torch.logaddexp(drained / 0.01, cap / 0.01)  # the wetter of the two, smoothed
    evap = demand * (1 - shade) * hours / 24 / 150  # mm over the 150 mm that supply the surface: volumetric
    theta = theta - evap * (0.4 + 0.6 * theta / 0.38)
    theta = 0.02 + 0.01 * F.softplus((theta - 0.02) / 0.01)  # residual water, smoothed
    theta = F.avg_pool2d(theta[:, None], 3, 1, 1, count_include_pad=False)
    y = 100 * theta + 1.5 * torch.randn(n, 1, SP_GRID, SP_GRID, generator=gen)
    ones = torch.ones(n, SP_GRID, SP_GRID)
    x = torch.stack([(depth - 32.5) / 8, (shade - 0.2) / 0.25, ones * (rain - 22.5) / 10,
                     ones * (torch.log(hours) - math.log(12)) / 1.0, ones * (demand - 3.5) / 1.44,
                     ones * (2 * liner - 1)],
                    1)
    return x, y


class MoistureCNN(nn.Module):
    """A fully convolutional net: two 3x3 conv-SiLU layers, a 1x1 conv-SiLU mixing layer (``mix``) and a 1x1 head
    to the moisture map."""

    def __init__(self, ch: int = 8, mix: bool = True) -> None:
        super().__init__()
        layers: list[nn.Module] = [nn.Conv2d(6, ch, 3, padding=1), nn.SiLU(),
                                   nn.Conv2d(ch, ch, 3, padding=1), nn.SiLU()]
        if mix:
            layers += [nn.Conv2d(ch, ch, 1), nn.SiLU()]
        self.net = nn.Sequential(*layers, nn.Conv2d(ch, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sandpit_moisture(batch_size: int = 64, seed: int = 0, train_size: int = 2048, ch: int = 8,
                     mix: bool = True) -> dict[str, Any]:
    """The moisture CNN on 2048 sandpits, moisture standardised (one mean and sd) over them; held out: 1024 other
    sandpits in batches of 512; RMSprop."""
    gen = torch.Generator().manual_seed(169103)
    x, y = _sp_maps(train_size + 1024, gen)
    y = _standardise(y, train_size, None)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MoistureCNN(ch, mix), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. whetstone edge honing (AdamW)

WS_GRITS = (220.0, 400.0, 1000.0, 2000.0, 3000.0, 6000.0, 8000.0)
WS_MAX = 4


def _ws_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sharpening sessions on 2-4 water stones, coarse to fine (grits drawn from 220-8000 and sorted): per stone
    5-40 strokes a side (log-uniform), a pressure of 5-30 N, the angle held (15-22 degrees a side) and its wobble
    (0.3-3 degrees sd: a guide to freehand). The steel: 54-64 HRC and a carbide share of 0-20%; the edge's start
    apex radius 2-10 um. The stone's particle size ~ 14000 / grit um (from memory, JIS-like); each stone drives the
    apex radius towards 0.06 d + 0.35 wobble (um) at a rate per stroke rising with pressure and falling with
    hardness and carbides, and raises a burr towards 0.4 d (pressure / 15) ((66 - HRC) / 8) while wearing the
    previous burr down at a rate rising with its fineness; a lower angle than the stone before adds a micro-bevel
    step (the apex not reached: the radius shrinks more slowly). 5% scatter on both. Returns (tokens (n, 4, 9),
    padding mask (n, 4), log apex radius and log burr height (n, 2))."""
    k = torch.randint(2, WS_MAX + 1, (n,), generator=gen)
    grit_idx = torch.sort(torch.randint(0, len(WS_GRITS), (n, WS_MAX), generator=gen), 1).values
    grit = torch.tensor(WS_GRITS)[grit_idx]
    strokes = 5 * 8 ** torch.rand(n, WS_MAX, generator=gen)
    press = 5 + 25 * torch.rand(n, WS_MAX, generator=gen)
    angle = 15 + 7 * torch.rand(n, WS_MAX, generator=gen)
    wobble = 0.3 + 2.7 * torch.rand(n, WS_MAX, generator=gen)
    hrc = 54 + 10 * torch.rand(n, generator=gen)
    carb = 0.2 * torch.rand(n, generator=gen)
    r0 = 2 + 8 * torch.rand(n, generator=gen)
    r, burr = r0.clone(), torch.full((n,), 0.5)
    prev_angle = torch.full((n,), 30.0)
    for s in range(WS_MAX):
        on = s < k
        d = 14000 / grit[:, s]
        floor = 0.06 * d + 0.35 * wobble[:, s]
        rate = 0.04 * (press[:, s] / 15) / ((hrc / 60) ** 4 * (1 + 2 * carb))
        rate = rate * torch.where(angle[:, s] < prev_angle - 1, 0.5, 1.0)
        r_new = floor + (r - floor) * torch.exp(-rate * strokes[:, s])
        b_top = 0.4 * d * (press[:, s] / 15) * ((66 - hrc) / 8)
        wear = torch.exp(-strokes[:, s] * 0.02 * (8000 / grit[:, s]) ** -0.5)
        b_new = burr * wear + b_top * (1 - torch.exp(-strokes[:, s] / 10)) * (1 - wear * 0.5)
        r = torch.where(on, r_new, r)
        burr = torch.where(on, b_new, burr)
        prev_angle = torch.where(on, angle[:, s], prev_angle)
    y = torch.stack([torch.log(r), torch.log(burr)], 1) + 0.05 * torch.randn(n, 2, generator=gen)
    steel = torch.stack([(hrc - 59) / 2.9, (carb - 0.1) / 0.058, (r0 - 6) / 2.3], 1)
    tok = torch.cat([torch.stack([(torch.log(grit) - 7.3) / 1.2, (torch.log(strokes) - 2.65) / 0.6,
                                  (press - 17.5) / 7.2, (angle - 18.5) / 2.0, (wobble - 1.65) / 0.78,
                                  torch.full_like(press, 1.0)], 2),
                     steel[:, None, :].expand(n, WS_MAX, 3)], 2)
    pad = torch.arange(WS_MAX)[None, :] >= k[:, None]
    tok = tok.masked_fill(pad[:, :, None], 0.0)
    return tok, pad, y


class HoningTransformer(nn.Module):
    """A Post-LN transformer encoder layer (d 32, 4 heads, feed-forward 64, no dropout) over the stones with a
    learnt position embedding, mean-pooled over the stones used, to the two logs."""

    def __init__(self, d: int = 32) -> None:
        super().__init__()
        self.embed = nn.Linear(9, d)
        self.pos = nn.Parameter(0.02 * torch.randn(WS_MAX, d))
        self.layer = nn.TransformerEncoderLayer(d, 4, 2 * d, dropout=0.0, batch_first=True, norm_first=False)
        self.head = nn.Linear(d, 2)

    def forward(self, tok: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        h = self.layer(self.embed(tok) + self.pos, src_key_padding_mask=pad)
        keep = (~pad).float()[:, :, None]
        return self.head((h * keep).sum(1) / keep.sum(1))


def whetstone_honing(batch_size: int = 128, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The honing transformer on 2048 sessions, the logs standardised per column over them; held out: 2048 other
    sessions in batches of 1024; AdamW."""
    gen = torch.Generator().manual_seed(169104)
    tok, pad, y = _ws_sessions(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (tok[:train_size], pad[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HoningTransformer(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], pad[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. cat litter clumping (Adagrad; long only)

CL_PRODUCTS = 64
CL_BASES = 6  # sodium bentonite, calcium bentonite, silica gel, corn, wheat, tofu


def _cl_scoops(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Scoops of urine clumps in 64 litter products on 6 bases (swelling 1.0, 0.6, 0.15, 0.5, 0.55, 0.7, the
    product's own factor 0.6-1.4 on it; granule size 0.5-3 mm). A scoop: the urine volume 10-60 mL (the cat), the
    litter depth 3-10 cm, days since a full change 0-21 (fines and spent granules), humidity 30-90%, the time the
    clump set 0.25-24 h (log-uniform), the household's cats 1-4. The urine spreads down a depth ~ 1.2 (V / 10 mL)^0.5
    cm times the granule size's factor; a clump that reaches the tray floor sticks and is weak; its strength from
    the swelling, setting (1 - exp(-t / 1.5 h)), the litter's wear (days x cats) and humidity (for silica: none);
    the clump breaks with probability sigmoid((1 - strength) / 0.05). Returns (product ids, base ids, conditions
    (n, 6), breaks (n,) in {0, 1})."""
    pg = torch.Generator().manual_seed(int(torch.randint(0, 2**31, (1,), generator=gen)))
    base_p = torch.randint(0, CL_BASES, (CL_PRODUCTS,), generator=pg)
    swell_p = torch.tensor([1.0, 0.6, 0.15, 0.5, 0.55, 0.7])[base_p]
    swell_p = swell_p * (0.6 + 0.8 * torch.rand(CL_PRODUCTS, generator=pg))
    gran_p = 0.5 + 2.5 * torch.rand(CL_PRODUCTS, generator=pg)
    prod = torch.randint(0, CL_PRODUCTS, (n,), generator=gen)
    vol = 10 + 50 * torch.rand(n, generator=gen)
    depth = 3 + 7 * torch.rand(n, generator=gen)
    days = 21 * torch.rand(n, generator=gen)
    hum = 30 + 60 * torch.rand(n, generator=gen)
    hours = 0.25 * 96 ** torch.rand(n, generator=gen)
    cats = torch.randint(1, 5, (n,), generator=gen).float()
    spread = 1.2 * (vol / 10) ** 0.5 * (0.7 + 0.3 * gran_p[prod])
    floor = torch.sigmoid((spread - depth) / 0.5)
    wear = torch.exp(-days * cats / 80)
    humid = torch.where(base_p[prod] == 2, 1.0, 1 - 0.4 * ((hum - 30) / 60) ** 2)
    strength = 4.0 * swell_p[prod] * (1 - torch.exp(-hours / 1.5)) * wear * humid * (1 - 0.6 * floor)
    p = torch.sigmoid((1 - strength) / 0.05)
    y = (torch.rand(n, generator=gen) < p).float()
    cond = torch.stack([(vol - 35) / 14.4, (depth - 6.5) / 2.0, (days - 10.5) / 6.1, (hum - 60) / 17.3,
                        (torch.log(hours) - math.log(0.25 * 96**0.5)) / 1.3, (cats - 2.5) / 1.1], 1)
    return prod, base_p[prod], cond, y


class ClumpNet(nn.Module):
    """An embedding net: product (8) and base (4) embeddings with the six conditions, a ReLU MLP 18-32-32-1 to the
    logit that the clump breaks."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.prod = nn.Embedding(CL_PRODUCTS, 8)
        self.base = nn.Embedding(CL_BASES, 4)
        self.mlp = nn.Sequential(nn.Linear(18, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, prod: torch.Tensor, base: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.prod(prod), self.base(base), cond], 1)).squeeze(-1)


def clump_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of a clump breaking on the scoop."""
    prod, base, cond, y = batch
    return F.binary_cross_entropy_with_logits(model(prod, base, cond), y)


def litter_clumping(batch_size: int = 64, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The clump net on 8192 scoops; held out: 4096 other scoops in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(169105)
    prod, base, cond, y = _cl_scoops(train_size + 4096, gen)
    tr = (prod[:train_size], base[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ClumpNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((prod[train_size:], base[train_size:], cond[train_size:], y[train_size:]),
                                       1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": clump_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. baby-monitor signal range (NAdam)

BM_FREQ = (864e6, 1.88e9, 2.4e9)  # analogue 864 MHz, DECT, 2.4 GHz digital (FHSS)
BM_WALL_DB = ((2.5, 3.0, 3.5), (6.0, 8.0, 10.0), (10.0, 13.0, 15.0), (1.5, 2.0, 2.5))  # drywall, brick, concrete, glass


def _bm_links(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Links from a baby unit to a parent unit: the band (one-hot), transmit power 10-250 mW (log-uniform), the
    distance 2-60 m (log-uniform), drywall partitions 0-4, brick walls 0-3, concrete walls 0-2, a glass door 0-1,
    floors between 0-2, the parent unit in a pocket or not, neighbouring Wi-Fi networks 0-15. Log-distance path
    loss: free space at 1 m (20 log10(4 pi f / c)) + 10 x 2.8 log10(d), wall losses per material and band (dB,
    invented), 16 dB a floor (18 at 2.4 GHz), 4 dB body loss in a pocket, 0.5 dB lognormal shadowing (the reading
    averaged over a minute); antenna gains
    0 dBi. Audio dropout share: sigmoid(-(SINR - 10 dB) / 2.5), the noise floor -100 dBm raised at 2.4 GHz by
    10 log10(1 + 0.6 networks). Returns (features (n, 12), received power ((dBm + 75) / 15) and 2 x dropout share
    - 1 (n, 2))."""
    band = torch.randint(0, 3, (n,), generator=gen)
    f = torch.tensor(BM_FREQ)[band]
    p_dbm = 10 * torch.log10(10 * 25 ** torch.rand(n, generator=gen))
    d = 2 * 30 ** torch.rand(n, generator=gen)
    walls = [torch.randint(0, m + 1, (n,), generator=gen).float() for m in (4, 3, 2, 1)]
    floors = torch.randint(0, 3, (n,), generator=gen).float()
    pocket = (torch.rand(n, generator=gen) < 0.3).float()
    wifi = torch.randint(0, 16, (n,), generator=gen).float()
    pl = 20 * torch.log10(4 * math.pi * f / 3e8) + 28 * torch.log10(d)
    wall_db = torch.tensor(BM_WALL_DB)
    for m, w in enumerate(walls):
        pl = pl + w * wall_db[m][band]
    pl = pl + floors * torch.where(band == 2, 18.0, 16.0) + 4 * pocket
    rx = p_dbm - pl + 0.5 * torch.randn(n, generator=gen)
    noise = -100 + torch.where(band == 2, 10 * torch.log10(1 + 0.6 * wifi), torch.zeros(n))
    share = torch.sigmoid(-((rx - noise) - 10) / 2.5)
    y = torch.stack([(rx + 75) / 15, 2 * share - 1], 1)
    x = torch.cat([F.one_hot(band, 3).float(), torch.stack([
        (p_dbm - 17) / 4, (torch.log(d) - math.log(2 * 30**0.5)) / 0.98, (walls[0] - 2) / 1.4, (walls[1] - 1.5) / 1.1,
        (walls[2] - 1) / 0.8, 2 * walls[3] - 1, floors - 1, 2 * pocket - 1, (wifi - 7.5) / 4.6], 1)], 1)
    return x, y


class LinkResMLP(nn.Module):
    """A residual MLP: a linear stem, two pre-norm blocks (LayerNorm, Linear, GELU, Linear) and a final LayerNorm
    before the head."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(12, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for b in self.blocks:
            h = h + b(h)
        return self.head(self.norm(h))


def baby_monitor_range(batch_size: int = 128, seed: int = 0, train_size: int = 4096, width: int = 64) -> dict[str, Any]:
    """The link net on 4096 links; held out: 2048 other links in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(169106)
    x, y = _bm_links(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LinkResMLP(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("radiator_warmup_adam", radiator_warmup, 300, "radiator_trv_room_warmup_two_node_gru", "adam", "finite", 64,
      seconds=1.3, start_lr=0.064),
    W("sandpit_moisture_rmsprop", sandpit_moisture, 300, "sandpit_rain_shade_surface_moisture_cnn2d", "rmsprop",
      "finite", 64, seconds=1.3, start_lr=0.008),
    W("whetstone_honing_adamw", whetstone_honing, 300, "whetstone_stone_sequence_apex_burr_postln_transformer", "adamw",
      "finite", 128, seconds=0.9, start_lr=0.016),
    W("baby_monitor_range_nadam", baby_monitor_range, 300, "baby_monitor_path_loss_dropout_resmlp_ln", "nadam",
      "finite", 128, seconds=0.45, start_lr=0.032),
)
LONG = (
    W("breaker_trip_adagrad@long", breaker_trip, 3000, "mcb_catalogue_trip_time_bimetal_embedding_net", "adagrad",
      "finite", 32, seconds=1.7, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("litter_clumping_adagrad@long", litter_clumping, 3000, "cat_litter_clump_break_scoop_embedding_net", "adagrad",
      "finite", 64, seconds=1.8, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("sandpit_moisture_rmsprop@long", sandpit_moisture, 3000, "sandpit_rain_shade_surface_moisture_cnn2d",
      "rmsprop", "finite", 16, dict(train_size=4096, mix=False), seconds=4.3, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="sandpit_moisture_rmsprop"),
    W("baby_monitor_range_nadam@long", baby_monitor_range, 3000, "baby_monitor_path_loss_dropout_resmlp_ln", "nadam",
      "finite", 16, dict(train_size=8192, width=32), seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="baby_monitor_range_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam169_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-ninth exam's workloads")
